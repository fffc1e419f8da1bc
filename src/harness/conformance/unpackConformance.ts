/**
 * Conformance of the resident dataset: every batch the backend unpacks (gather by a permutation,
 * optional per-sample time/channel shift) must equal, bit for bit, a plain JS unpack of the same
 * bytes (./packedReference.ts: ../../engine/datasets/formats/bitpack.ts, np.packbits order). Sizes are chosen so that T is not a
 * multiple of 8 or 16 and the byte count not a multiple of 4.
 */
import * as tf from '@tensorflow/tfjs-core';
import { randomPacked, referenceBatch } from './packedReference';
import { fisherYates } from '../../engine/tensor/data/permutation';
import { uploadDataset } from '../../engine/tensor/data/residentDataset';

export interface UnpackCaseResult {
  name: string;
  backend: string;
  layout: string;
  ok: boolean;
  mismatches: number;
  residentBytes: number;
  error?: string;
}

const CASES = [
  { N: 7, T: 13, F: 5, B: 4, offset: 2, shift: false },
  { N: 9, T: 21, F: 3, B: 3, offset: 5, shift: true },
  { N: 5, T: 16, F: 12, B: 5, offset: 0, shift: false },
  { N: 6, T: 40, F: 7, B: 2, offset: 3, shift: true },
];

export async function runUnpackConformance(backend: string): Promise<UnpackCaseResult[]> {
  const results: UnpackCaseResult[] = [];
  for (const [k, c] of CASES.entries()) {
    const name = `N${c.N} T${c.T} F${c.F} B${c.B}${c.shift ? ' shifted' : ''}`;
    try {
      const packed = randomPacked(c.N, c.T, c.F, 500 + k);
      const labels = Uint8Array.from({ length: c.N }, (_, i) => i % 3);
      const permHost = fisherYates(c.N, k);
      const shiftsHost = c.shift ? Int32Array.from({ length: 2 * c.B }, (_, i) => (i % 2 === 0 ? (i % 4) - 1 : 2 - (i % 3))) : null;
      const dataset = uploadDataset({ packed, labels, N: c.N, T: c.T, F: c.F });
      const perm = tf.tensor1d(permHost, 'int32');
      const shifts = shiftsHost ? tf.tensor2d(shiftsHost, [c.B, 2], 'int32') : undefined;
      const batch = dataset.batch(perm, c.offset, c.B, shifts);
      const got = await batch.x.data();
      const gotLabels = await batch.y.data();
      const want = referenceBatch(packed, permHost, shiftsHost, c);
      let mismatches = 0;
      for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) mismatches++;
      for (let b = 0; b < c.B; b++) if (gotLabels[b] !== labels[permHost[c.offset + b]]) mismatches++;
      results.push({ name, backend, layout: dataset.layout, ok: mismatches === 0 && got.length === want.length, mismatches, residentBytes: dataset.residentBytes });
      tf.dispose([batch.x, batch.y, perm, ...(shifts ? [shifts] : [])]);
      dataset.dispose();
    } catch (error) {
      results.push({ name, backend, layout: '?', ok: false, mismatches: -1, residentBytes: 0, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
