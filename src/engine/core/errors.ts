/**
 * The one error type of the engine: a stable machine-readable `code` (UPPER_SNAKE, prefixed by
 * area: GRAPH_, NIR_, DATA_, BACKEND_, TRAIN_, CLI_), a human `message` that says what the input
 * is, and a `hint` that says what to do next. `where` names the node, edge or file concerned.
 * Everything that crosses the worker boundary or leaves the CLI is converted with `toErrorInfo`.
 * The codes are one union, ./errorCodes.ts.
 */
import type { ErrorCode } from './errorCodes';

export type { ErrorCode } from './errorCodes';

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint: string;
  where?: string;
}

export class SpikelabError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;
  readonly where?: string;

  constructor(code: ErrorCode, message: string, hint: string, where?: string) {
    super(message);
    this.name = 'SpikelabError';
    this.code = code;
    this.hint = hint;
    this.where = where;
  }

  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message, hint: this.hint };
    if (this.where !== undefined) info.where = this.where;
    return info;
  }
}

/** Converts anything thrown into plain data; unknown errors keep their message under INTERNAL. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof SpikelabError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: `Unexpected internal error: ${message}`,
    hint: 'This is a bug in Spikelab; please report it with the file or graph that caused it.',
  };
}
