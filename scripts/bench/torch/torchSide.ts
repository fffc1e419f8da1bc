/**
 * The PyTorch side of the side-by-side CPU comparisons (./convSideBySide.ts, ./w1SideBySide.ts):
 * Debian's python3-torch, installed with apt-get when /usr/bin/python3 cannot import it; OpenBLAS
 * (libopenblas0-openmp, as docs/specs/webgpu.md's W1 baseline was measured; Debian's default
 * reference BLAS is ~30× slower at W1's matmuls), unpacked privately under node_modules/.cache so
 * the system's BLAS choice stays as it is; a reference script run as a child process whose last
 * stdout line is its JSON result. Never run by `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const PYTHON = '/usr/bin/python3';

/** Makes sure PyTorch imports, installing Debian's python3-torch if it does not. */
export function ensureTorch(): void {
  const imports = () => spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;
  if (imports()) return;
  console.error('PyTorch is missing: apt-get install -y python3-torch');
  spawnSync('apt-get', ['install', '-y', 'python3-torch'], { stdio: 'inherit' });
  if (!imports()) throw new Error(`${PYTHON} cannot import torch, and apt-get did not install it.`);
}

const SYSTEM_OPENBLAS = '/usr/lib/x86_64-linux-gnu/openblas-openmp';

/**
 * The directory of an OpenMP OpenBLAS libblas.so.3 for LD_LIBRARY_PATH: the system's when
 * installed, else libopenblas0-openmp fetched with `apt-get download` and unpacked (dpkg -x) under
 * root/node_modules/.cache/spikelab/openblas, once.
 */
export function openBlasDir(root: string): string {
  if (existsSync(join(SYSTEM_OPENBLAS, 'libblas.so.3'))) return SYSTEM_OPENBLAS;
  const cache = join(root, 'node_modules', '.cache', 'spikelab', 'openblas');
  const dir = join(cache, 'root', SYSTEM_OPENBLAS);
  if (existsSync(join(dir, 'libblas.so.3'))) return dir;
  mkdirSync(cache, { recursive: true });
  console.error('OpenBLAS is missing: apt-get download libopenblas0-openmp (unpacked under node_modules/.cache)');
  spawnSync('apt-get', ['download', 'libopenblas0-openmp'], { cwd: cache, stdio: 'inherit' });
  const deb = readdirSync(cache).find((f) => f.startsWith('libopenblas0-openmp_') && f.endsWith('.deb'));
  if (deb) spawnSync('dpkg', ['-x', deb, 'root'], { cwd: cache, stdio: 'inherit' });
  if (!existsSync(join(dir, 'libblas.so.3'))) throw new Error('Could not fetch libopenblas0-openmp with apt-get download.');
  return dir;
}

/** Runs `script args` with /usr/bin/python3 (extra environment `env`); its last stdout line parsed as JSON. */
export function runTorchScript(script: string, args: string[], env: Record<string, string> = {}): Record<string, unknown> {
  const run = spawnSync(PYTHON, [script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
