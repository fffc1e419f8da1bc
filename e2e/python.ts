/** Runs ../shared/tools/validate_nir.py with a Python that has h5py (PYTHON overrides). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SHARED } from './fixtures';

function pythonWithH5py(): string {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((p): p is string => !!p);
  const found = candidates.find((p) => spawnSync(p, ['-c', 'import h5py, numpy']).status === 0);
  if (!found) throw new Error(`no Python with h5py and numpy among ${candidates.join(', ')}; set PYTHON`);
  return found;
}

export function validateNir(file: string): { status: number | null; output: string } {
  const result = spawnSync(pythonWithH5py(), [join(SHARED, 'tools', 'validate_nir.py'), file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
