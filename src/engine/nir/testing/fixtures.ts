/**
 * Test helpers: the NIR fixtures (test/fixtures/nir, written by the official library, see its
 * fixtures.md) and the independent validator (test/tools/validate_nir.py, h5py).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NIR_FIXTURES, VALIDATOR } from '../../../../test/paths';

export const FIXTURES = NIR_FIXTURES;
export { VALIDATOR };

export function nirFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.nir')).sort().map((f) => join(dir, f));
}

export function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function jsonTwin(path: string): { graph: JsonNode } | undefined {
  const twin = path.replace(/\.nir$/, '.json');
  return existsSync(twin) ? JSON.parse(readFileSync(twin, 'utf8')) : undefined;
}

export interface JsonNode {
  type: string;
  params?: Record<string, unknown>;
  nodes?: Record<string, JsonNode>;
  edges?: Array<[string, string]>;
  metadata?: Record<string, unknown>;
}

/**
 * A Python with h5py and numpy ($PYTHON, else Debian's /usr/bin/python3 — python3-h5py in CI; a
 * pyenv python3 first on PATH may have none — else python3), or undefined. Shared by the unit
 * tests and the browser journeys (e2e/python.ts).
 */
export function pythonWithH5py(): string | undefined {
  for (const candidate of [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p)) {
    const probe = spawnSync(candidate, ['-c', 'import h5py, numpy'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

/** Runs validate_nir.py (default mode, or --strict) on many files at once; verdict per file. */
export function validate(python: string, files: string[], strict: boolean): Map<string, { ok: boolean; report: string }> {
  const args = [VALIDATOR, '--quiet', ...(strict ? ['--strict'] : []), ...files];
  let output: string;
  try {
    output = execFileSync(python, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '');
  }
  const verdicts = new Map<string, { ok: boolean; report: string }>();
  for (const block of output.split(/^== /m).slice(1)) {
    const [file, ...lines] = block.split('\n');
    const report = lines.join('\n');
    verdicts.set(file.trim(), { ok: /RESULT: OK/.test(report), report });
  }
  return verdicts;
}
