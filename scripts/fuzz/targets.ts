/**
 * Runs one corpus case through the CLI commands in-process, as a person would from a shell:
 * `info FILE` (NIR or JSON), then `simulate FILE --input IN.json` when the graph was accepted and
 * the case carries an input, or `datasets ID --root DIR` for dataset folders. Each command's JSON
 * answer (or thrown error) becomes an outcome: accepted, a clean coded error, or INTERNAL.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';
import { toErrorInfo } from '../../src/engine/core/errors';
import type { FuzzInput } from './corpus';

export interface Outcome {
  outcome: 'accepted' | 'clean' | 'internal';
  /** The error code, or for accepted graphs "ok" / "ok:simulated". */
  code: string;
  message?: string;
}

/** Runs `spikelab ARGV` in-process (../../src/cli/main.ts), capturing what it prints; the last JSON line is its answer. */
async function runCommand(argv: string[]): Promise<Outcome> {
  const write = process.stdout.write.bind(process.stdout);
  let text = '';
  process.stdout.write = ((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  }) as typeof process.stdout.write;
  try {
    await main(argv);
  } catch (error) {
    const e = toErrorInfo(error);
    return { outcome: e.code === 'INTERNAL' ? 'internal' : 'clean', code: e.code, message: e.message.slice(0, 300) };
  } finally {
    process.stdout.write = write;
  }
  const last = text.trim().split('\n').pop() ?? '{}';
  const answer = JSON.parse(last) as { error?: { code: string; message: string } };
  if (answer.error) return { outcome: answer.error.code === 'INTERNAL' ? 'internal' : 'clean', code: answer.error.code, message: answer.error.message.slice(0, 300) };
  return { outcome: 'accepted', code: 'ok' };
}

export async function runTargets(input: FuzzInput): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'spikelab-fuzz-'));
  try {
    if (input.kind === 'dataset') {
      for (const [name, bytes] of Object.entries(input.files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), bytes);
      }
      for (const [name, target] of Object.entries(input.links ?? {})) symlinkSync(target, join(dir, name));
      return await runCommand(['datasets', input.id, '--root', dir]);
    }
    const file = join(dir, input.kind === 'nir' ? 'graph.nir' : 'graph.json');
    writeFileSync(file, input.kind === 'nir' ? input.bytes : input.text);
    const described = await runCommand(['info', file]);
    if (described.outcome !== 'accepted' || !input.simulate) return described;
    const stimulus = join(dir, 'input.json');
    writeFileSync(stimulus, JSON.stringify(input.simulate));
    const simulated = await runCommand(['simulate', file, '--input', stimulus, '--backend', 'cpu']);
    return simulated.outcome === 'accepted' ? { outcome: 'accepted', code: 'ok:simulated' } : simulated;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
