import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../../../test/paths';
import { zlibGunzip } from '../formats/gzipNode';
import { batch } from '../spikeDataset';
import { loadDvsGestureFiles } from './dvsGesture';
import { loadNmnistFiles } from './nmnist';

// Real recordings (test/README.md): tonic's N-MNIST test sample, the first three N-MNIST test samples of
// slayerPytorch's NMNISTsmall (60001–60003, in Test/<label>/ folders as N-MNIST ships them), and DVS
// Gesture clip 1 (hand clapping).
const tonicSample = new Uint8Array(readFileSync(fixture('data', 'nmnist', 'tonic_sample_nmnist.bin')));
const FIRST_TEST = [{ label: 7, id: 60001 }, { label: 2, id: 60002 }, { label: 1, id: 60003 }];

describe('N-MNIST .bin loader', () => {
  it('loads one file with the Spyx default binning (T = 40, [2, 34, 34])', async () => {
    const { dataset, unlabelled } = await loadNmnistFiles([{ name: 'sample_nmnist.bin', bytes: tonicSample }]);
    expect(dataset).toMatchObject({ n: 1, T: 40, dt: null, featureShape: [2, 34, 34] });
    expect(unlabelled).toEqual(['sample_nmnist.bin']);
    // 3,154 spikes: golden_binning.csv, tonic_sample_nmnist.bin, all saccades, T = 40.
    expect(batch(dataset, [0]).reduce((a, b) => a + b, 0)).toBe(3154);
  });

  it('loads several files, labels from the parent folder, reports progress', async () => {
    const files = FIRST_TEST.map((r) => ({
      name: `Test/${r.label}/${r.id}.bin`,
      bytes: new Uint8Array(readFileSync(fixture('data', 'nmnist', 'Test', String(r.label), `${r.id}.bin`))),
    }));
    const progress: number[] = [];
    const { dataset, unlabelled } = await loadNmnistFiles(files, { binning: { timeWindowUs: 1000, T: 320 }, onProgress: (done) => progress.push(done) });
    expect(unlabelled).toEqual([]);
    expect(Array.from(dataset.labels)).toEqual(FIRST_TEST.map((r) => r.label));
    expect(progress).toEqual([1, 2, 3]);
    expect(dataset.dt).toBe(0.001);
  });

  it('rejects a truncated file with DATA_NMNIST_TRUNCATED', async () => {
    await expect(loadNmnistFiles([{ name: 'cut.bin', bytes: tonicSample.subarray(0, 1003) }])).rejects.toMatchObject({ code: 'DATA_NMNIST_TRUNCATED' });
  });

  it('rejects a 128×128 DVS clip given as N-MNIST with DATA_EVENT_OUT_OF_RANGE', async () => {
    const clip = new Uint8Array(readFileSync(fixture('data', 'dvs_gesture', 'dvsgesture_clip01.bin.gz')));
    await expect(loadNmnistFiles([{ name: 'clip01.bin.gz', bytes: clip }], { codec: zlibGunzip })).rejects.toMatchObject({ code: 'DATA_EVENT_OUT_OF_RANGE' });
  });

  it('stops with DATA_ABORTED when the signal fires and rejects an empty list', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadNmnistFiles([{ name: 'a.bin', bytes: tonicSample }], { signal: controller.signal })).rejects.toMatchObject({ code: 'DATA_ABORTED' });
    await expect(loadNmnistFiles([])).rejects.toMatchObject({ code: 'DATA_BAD_OPTIONS' });
  });
});

describe('DVS Gesture clip loader', () => {
  it('loads a shipped clip at 10 ms bins, label from the file name, with spatial pooling', async () => {
    const clip = new Uint8Array(readFileSync(fixture('data', 'dvs_gesture', 'dvsgesture_clip01.bin.gz')));
    const { dataset } = await loadDvsGestureFiles([{ name: 'dvsgesture_clip01.bin.gz', bytes: clip }], { codec: zlibGunzip, spatialPool: 4 });
    expect(dataset).toMatchObject({ n: 1, T: 145, dt: 0.01, featureShape: [2, 32, 32] });
    expect(dataset.classes[dataset.labels[0]]).toBe('hand_clapping');
    expect(batch(dataset, [0]).some((v) => v === 1)).toBe(true);
  });
});
