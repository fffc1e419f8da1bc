/**
 * Workload A's synthetic SHD-shaped data (bench.md §2) as TrainingData: sample n is
 * synthSample(n) (label n mod 20, channel group of the label at p = 0.3, else 0.05), kept
 * bit-packed along time in memory ([N, ceil(T/8), C], np.packbits order) and unpacked per batch.
 */
import type { TrainingData } from '../train/types';
import { packTime, synthSample } from './canon';

export function syntheticShd({ n = 8192, T = 256, C = 128, K = 20, offset = 0 } = {}): TrainingData & { packed: Uint8Array } {
  const bytesPerSample = Math.ceil(T / 8) * C;
  const packed = new Uint8Array(n * bytesPerSample);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const { x, y } = synthSample(offset + i, { T, C, K });
    packed.set(packTime(x, T, C), i * bytesPerSample);
    labels[i] = y;
  }
  return {
    n, T, featureShape: [C], classes: K, labels, packed,
    batch(indices) {
      const B = indices.length;
      const out = new Float32Array(T * B * C);
      for (let b = 0; b < B; b++) {
        const base = indices[b] * bytesPerSample;
        for (let t = 0; t < T; t++) {
          const row = base + (t >> 3) * C;
          const bit = 0x80 >> (t & 7);
          const dst = (t * B + b) * C;
          for (let c = 0; c < C; c++) if (packed[row + c] & bit) out[dst + c] = 1;
        }
      }
      return out;
    },
  };
}
