/**
 * 280 seeded cases of the hostile corpus (40 per attack class), run in-process through the
 * engine's readers: readNir + validateGraph, graphFromJson + validateGraph, loadDataset on a
 * temporary folder. Every case ends accepted or in a coded SpikelabError, never INTERNAL.
 * The full corpus (5,000+ cases, through the CLI, with crash/hang/memory watch) is ./run.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../src/engine/core/errors';
import { fileFetcher } from '../../src/engine/datasets/fetchersNode';
import { zlibGunzip } from '../../src/engine/datasets/formats/gzipNode';
import { loadDataset } from '../../src/engine/datasets/index';
import { graphFromJson } from '../../src/engine/graph/json';
import { validateGraph } from '../../src/engine/graph/validate';
import { readNir } from '../../src/engine/nir';
import { CLASSES, fuzzCase, type FuzzInput } from './corpus';

async function outcome(input: FuzzInput): Promise<string> {
  try {
    if (input.kind === 'nir') validateGraph((await readNir(input.bytes)).graph);
    else if (input.kind === 'json') validateGraph(graphFromJson(input.text));
    else {
      const dir = mkdtempSync(join(tmpdir(), 'spikelab-corpus-'));
      try {
        for (const [name, bytes] of Object.entries(input.files)) {
          mkdirSync(dirname(join(dir, name)), { recursive: true });
          writeFileSync(join(dir, name), bytes);
        }
        for (const [name, target] of Object.entries(input.links ?? {})) symlinkSync(target, join(dir, name));
        await loadDataset(input.id, fileFetcher(dir), { codec: zlibGunzip });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return 'ok';
  } catch (error) {
    return toErrorInfo(error).code;
  }
}

describe('the hostile corpus (seeded sample)', () => {
  for (const [k, cls] of CLASSES.entries()) {
    it(`${cls}: 40 cases end accepted or with a coded error`, async () => {
      const codes = new Map<string, number>();
      for (let j = 0; j < 40; j++) {
        const c = fuzzCase(7, j * CLASSES.length + k);
        expect(c.cls).toBe(cls);
        const code = await outcome(await c.build());
        expect(code, `${c.name}`).not.toBe('INTERNAL');
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
      expect([...codes.values()].reduce((a, b) => a + b, 0)).toBe(40);
      expect(codes.size, [...codes.keys()].join(' ')).toBeGreaterThan(1);
    }, 120_000);
  }
});
