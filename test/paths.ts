/**
 * Where the tests' own files live: test/fixtures (NIR files, the NIR paper's traces, small real
 * data) and test/tools (the independent NIR validator), inside this repository, so a clone with
 * nothing beside it runs every test. test/README.md says where each file came from and its licence.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// import.meta.url, not __dirname: Playwright loads this file as an ES module too.
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES_ROOT = join(REPO_ROOT, 'test', 'fixtures');

/** A file or folder under test/fixtures, e.g. `fixture('nir', 'cuba_snn.nir')`. */
export function fixture(...parts: string[]): string {
  return join(FIXTURES_ROOT, ...parts);
}

/** .nir files written by the official NIR library, with their JSON twins (nir/fixtures.md). */
export const NIR_FIXTURES = fixture('nir');
/** The NIR paper's single-LIF traces from eight simulators and the exact solution (dt 0.1 ms). */
export const NIR_PAPER = fixture('nir-paper');
/** Small real recordings and synthetic files in the dataset formats the loaders read. */
export const DATA_FIXTURES = fixture('data');
/** The independent NIR checker (h5py + numpy only). */
export const VALIDATOR = join(REPO_ROOT, 'test', 'tools', 'validate_nir.py');
