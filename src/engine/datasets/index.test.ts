import { fileFetcher } from './fetchersNode';
import { describe, expect, it } from 'vitest';
import { zlibGunzip } from './formats/gzipNode';
import { batch, batchLabels, listDatasets, loadDataset, sample } from './index';

// The engine API over the committed public/datasets, through a file reader rooted there (as the CLI does).
const fetchBytes = fileFetcher('public/datasets');

describe('loadDataset over the shipped sets', () => {
  it('lists the shipped sets', async () => {
    const manifest = await listDatasets(fetchBytes);
    expect(manifest.sets.map((s) => s.id)).toEqual(expect.arrayContaining(['nmnist', 'nmnist40', 'braille', 'fsdd', 'mnist', 'digits', 'dvs-gesture']));
  });

  it('loads nmnist-test (1 ms bins) with progress; sample and batch are time-major views of the same bits', async () => {
    const stages: string[] = [];
    const ds = await loadDataset('nmnist-test', fetchBytes, { codec: zlibGunzip, onProgress: (p) => stages.push(p.stage) });
    expect(ds).toMatchObject({ id: 'nmnist-test', split: 'test', n: 100, T: 320, dt: 0.001, featureShape: [2, 34, 34], licence: 'CC BY-SA 4.0' });
    expect(ds.packed.length).toBe(100 * 40 * 2312);
    expect(stages[stages.length - 1]).toBe('done');
    const F = 2312;
    const s3 = sample(ds, 3);
    const b = batch(ds, [5, 3]);
    for (let t = 0; t < ds.T; t += 7) {
      for (let f = 0; f < F; f += 13) expect(b[(t * 2 + 1) * F + f]).toBe(s3[t * F + f]);
    }
    // MNIST test index 0 is a 7 (slayerPytorch test100.txt), ids 60001…
    expect(Array.from(batchLabels(ds, [0, 1]))).toEqual([7, 2]);
    expect(() => sample(ds, 100)).toThrow(expect.objectContaining({ code: 'DATA_INDEX_OUT_OF_RANGE' }));
  });

  it('codes an image set at load time with the chosen T and coding', async () => {
    const rate = await loadDataset('digits-test', fetchBytes, { codec: zlibGunzip, T: 12, coding: { kind: 'rate', seed: 1 } });
    const again = await loadDataset('digits-test', fetchBytes, { codec: zlibGunzip, T: 12, coding: { kind: 'rate', seed: 1 } });
    const latency = await loadDataset('digits-test', fetchBytes, { codec: zlibGunzip, T: 12, coding: { kind: 'latency' } });
    expect(rate).toMatchObject({ n: 359, T: 12, dt: null, featureShape: [8, 8] });
    expect(Array.from(rate.packed)).toEqual(Array.from(again.packed));
    // Latency coding: at most one spike per pixel.
    const x = sample(latency, 0);
    for (let f = 0; f < 64; f++) {
      let n = 0;
      for (let t = 0; t < 12; t++) n += x[t * 64 + f];
      expect(n).toBeLessThanOrEqual(1);
    }
  });

  it('answers an unknown id with DATA_UNKNOWN_DATASET and a damaged file with DATA_CHECKSUM_MISMATCH', async () => {
    await expect(loadDataset('shd-train', fetchBytes)).rejects.toMatchObject({ code: 'DATA_UNKNOWN_DATASET' });
    const damaged = async (path: string) => {
      const bytes = await fetchBytes(path);
      if (path.endsWith('.gz')) bytes[bytes.length - 20] ^= 0xff;
      return bytes;
    };
    await expect(loadDataset('digits-test', damaged)).rejects.toMatchObject({ code: 'DATA_CHECKSUM_MISMATCH' });
    await expect(loadDataset('digits-test', async () => { throw new Error('ENOENT'); })).rejects.toMatchObject({ code: 'DATA_FETCH_FAILED' });
  });

  it('stops with DATA_ABORTED when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadDataset('digits-test', fetchBytes, { signal: controller.signal })).rejects.toMatchObject({ code: 'DATA_ABORTED' });
  });
});
