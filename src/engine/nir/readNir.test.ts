/**
 * Every file in test/fixtures/nir (official writer), upstream/ (NIR paper, Rockpool) and bad/
 * (one change each): the tolerant reader opens it with the node types, shapes and parameter
 * values of its JSON twin (what the official nir.read returns), or refuses it with the expected
 * code (testing/expectations.ts). Opened files go read → write → read unchanged, and every
 * written file passes test/tools/validate_nir.py --strict (one python call for all).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { readNir, type ReadNirResult } from './readNir';
import { writeNir } from './writeNir';
import { expectMatchesJson, expectSameGraph } from './testing/compare';
import { EXPECTED } from './testing/expectations';
import { FIXTURES, bytesOf, jsonTwin, nirFiles, pythonWithH5py, validate } from './testing/fixtures';

const files = [...nirFiles(FIXTURES), ...nirFiles(join(FIXTURES, 'upstream')), ...nirFiles(join(FIXTURES, 'bad'))];
const outDir = mkdtempSync(join(tmpdir(), 'spikelab-nir-'));
const written: Array<{ file: string; grouped: boolean }> = [];

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('readNir over every fixture', () => {
  it('has an expectation for every fixture file', () => {
    expect(files.length).toBeGreaterThanOrEqual(49);
    expect(files.map((f) => basename(f)).filter((f) => !(f in EXPECTED))).toEqual([]);
  });

  for (const path of files) {
    const name = basename(path);
    const expected = EXPECTED[name];
    if (!expected) continue;
    if (!expected.ok) {
      it(`${name}: refused with ${expected.code}`, async () => {
        const error = await readNir(bytesOf(path)).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(SpikelabError);
        expect((error as SpikelabError).code).toBe(expected.code);
        expect((error as SpikelabError).hint.length).toBeGreaterThan(10);
      });
      continue;
    }
    it(`${name}: opens like the official reader, and survives write → read`, async () => {
      const first: ReadNirResult = await readNir(bytesOf(path));
      const codes = first.warnings.map((w) => w.code);
      for (const code of expected.warnings ?? []) expect(codes).toContain(code);
      const twin = jsonTwin(path);
      const squeezed = new Set(first.warnings.filter((w) => w.code === 'NIR_SINGLETON_DIMS').map((w) => w.node ?? ''));
      if (twin) expectMatchesJson(first.graph, twin.graph, squeezed);
      const bytes = await writeNir(first.graph);
      const again = await readNir(bytes);
      expectSameGraph(again.graph, first.graph);
      expect(again.warnings.filter((w) => w.code !== 'NIR_GROUPED_CONV')).toEqual([]);
      const file = join(outDir, name);
      writeFileSync(file, bytes);
      written.push({ file, grouped: codes.includes('NIR_GROUPED_CONV') });
    });
  }
});

describe('written files pass the independent validator', () => {
  const python = pythonWithH5py();
  it('validate_nir.py --strict accepts every file writeNir wrote', () => {
    expect(python, 'no Python with h5py and numpy: install python3-h5py (.ci/run does) or set PYTHON').toBeDefined();
    expect(written.length).toBeGreaterThanOrEqual(30);
    const verdicts = validate(python!, written.map((w) => w.file), true);
    for (const { file, grouped } of written) {
      const verdict = verdicts.get(file);
      expect(verdict, `no verdict for ${file}`).toBeDefined();
      // Grouped convolutions are valid NIR but the official type check miscomputes them (nir.md §14.6).
      if (grouped) expect(verdict!.report).toMatch(/COMPAT .*groups=2/);
      else expect(verdict!.ok, `${basename(file)}:\n${verdict!.report}`).toBe(true);
    }
  });
});
