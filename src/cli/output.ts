/** CLI output: one JSON document (or one JSON line per event) on stdout; errors as {"error":{…}}. */
import { toErrorInfo } from '../engine/core/errors';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printError(error: unknown): void {
  process.stdout.write(`${JSON.stringify({ error: toErrorInfo(error) })}\n`);
}
