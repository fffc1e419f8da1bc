/** Runs test/tools/validate_nir.py with a Python that has h5py (PYTHON overrides). */
import { spawnSync } from 'node:child_process';
import { pythonWithH5py as findPython } from '../src/engine/nir/testing/fixtures';
import { VALIDATOR } from '../test/paths';

function pythonWithH5py(): string {
  const found = findPython();
  if (!found) throw new Error('no Python with h5py and numpy ($PYTHON, /usr/bin/python3, python3); install python3-h5py or set PYTHON');
  return found;
}

export function validateNir(file: string): { status: number | null; output: string } {
  const result = spawnSync(pythonWithH5py(), [VALIDATOR, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
