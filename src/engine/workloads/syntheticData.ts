/**
 * Workload A's synthetic SHD-shaped data (bench.md §2) as TrainingData: sample n is
 * synthSample(n) (label n mod 20, channel group of the label at p = 0.3, else 0.05), kept
 * bit-packed along time in memory ([N, ceil(T/8), C], np.packbits order) and unpacked per batch.
 */
import type { TrainingData } from '../train/types';
import { packRasterInto, unpackSampleInto } from '../datasets/formats/bitpack';
import { synthSample } from './canon';

export function syntheticShd({ n = 8192, T = 256, C = 128, K = 20, offset = 0 } = {}): TrainingData & { packed: Uint8Array } {
  const bytesPerSample = Math.ceil(T / 8) * C;
  const packed = new Uint8Array(n * bytesPerSample);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const { x, y } = synthSample(offset + i, { T, C, K });
    packRasterInto(x, T, C, packed, i * bytesPerSample);
    labels[i] = y;
  }
  return {
    n, T, featureShape: [C], classes: K, labels, packed,
    batch(indices) {
      const B = indices.length;
      const out = new Float32Array(T * B * C);
      for (let b = 0; b < B; b++) unpackSampleInto(packed, indices[b], T, C, out, B * C, b * C);
      return out;
    },
  };
}
