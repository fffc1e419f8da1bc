/**
 * Conformance of the resident dataset: every batch the backend unpacks (gather by a permutation,
 * optional per-sample time/channel shift) must equal, bit for bit, a plain JS unpack of the same
 * bytes (../../datasets/formats/bitpack.ts, np.packbits order). Sizes are chosen so that T is not a
 * multiple of 8 or 16 and the byte count not a multiple of 4.
 */
import * as tf from '@tensorflow/tfjs-core';
import { unpackSampleInto } from '../../datasets/formats/bitpack';
import { fisherYates } from './permutation';
import { mulberry32 } from '../../core/rng';
import { uploadDataset } from './residentDataset';

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

function reference(packed: Uint8Array, perm: Int32Array, shifts: Int32Array | null, c: typeof CASES[number]): Float32Array {
  const { T, F, B, offset } = c;
  const sample = new Float32Array(T * F);
  const out = new Float32Array(T * B * F);
  for (let b = 0; b < B; b++) {
    unpackSampleInto(packed, perm[offset + b], T, F, sample, F, 0);
    const dt = shifts ? shifts[2 * b] : 0;
    const df = shifts ? shifts[2 * b + 1] : 0;
    for (let t = 0; t < T; t++) {
      for (let f = 0; f < F; f++) {
        const ts = t - dt;
        const fs = f - df;
        out[(t * B + b) * F + f] = ts >= 0 && ts < T && fs >= 0 && fs < F ? sample[ts * F + fs] : 0;
      }
    }
  }
  return out;
}

export async function runUnpackConformance(backend: string): Promise<UnpackCaseResult[]> {
  const results: UnpackCaseResult[] = [];
  for (const [k, c] of CASES.entries()) {
    const name = `N${c.N} T${c.T} F${c.F} B${c.B}${c.shift ? ' shifted' : ''}`;
    try {
      const r = mulberry32(500 + k);
      const packed = Uint8Array.from({ length: c.N * Math.ceil(c.T / 8) * c.F }, () => r.nextU32() & 0xff);
      // np.packbits leaves the tail bits of the last byte zero; so do we.
      if (c.T % 8) for (let i = 0; i < packed.length; i++) if (Math.floor(i / c.F) % Math.ceil(c.T / 8) === Math.ceil(c.T / 8) - 1) packed[i] &= (0xff << (8 - (c.T % 8))) & 0xff;
      const labels = Uint8Array.from({ length: c.N }, (_, i) => i % 3);
      const permHost = fisherYates(c.N, k);
      const shiftsHost = c.shift ? Int32Array.from({ length: 2 * c.B }, (_, i) => (i % 2 === 0 ? (i % 4) - 1 : 2 - (i % 3))) : null;
      const dataset = uploadDataset({ packed, labels, N: c.N, T: c.T, F: c.F });
      const perm = tf.tensor1d(permHost, 'int32');
      const shifts = shiftsHost ? tf.tensor2d(shiftsHost, [c.B, 2], 'int32') : undefined;
      const batch = dataset.batch(perm, c.offset, c.B, shifts);
      const got = await batch.x.data();
      const gotLabels = await batch.y.data();
      const want = reference(packed, permHost, shiftsHost, c);
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
