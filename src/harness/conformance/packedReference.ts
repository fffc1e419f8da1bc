/**
 * The JS side of the resident dataset's conformance suites (./unpackConformance.ts,
 * ./bitMatMulConformance.ts): random packed bytes as np.packbits writes them, and the float batch
 * a gather of them must give (../../engine/datasets/formats/bitpack.ts unpack, then the shifts of
 * ../../engine/tensor/data/residentDataset.ts).
 */
import { mulberry32 } from '../../engine/core/rng';
import { packedFrom, unpackSampleInto } from '../../engine/datasets/formats/bitpack';

/**
 * Random packed bytes [N, ⌈T/8⌉, F], each the AND of `draws` random bytes (bit density 2^−draws),
 * with zero tail bits, as np.packbits leaves them.
 */
export function randomPacked(N: number, T: number, F: number, seed: number, draws = 1): Uint8Array {
  const r = mulberry32(seed);
  return packedFrom(N, T, F, () => {
    let byte = 0xff;
    for (let d = 0; d < draws; d++) byte &= r.nextU32();
    return byte;
  });
}

export interface GatherCase {
  T: number;
  F: number;
  B: number;
  offset: number;
}

/** x [T, B, F] of the batch: JS unpack, gather by perm from offset, shift (Δt, Δf per column; zero outside). */
export function referenceBatch(packed: Uint8Array, perm: Int32Array, shifts: Int32Array | null, c: GatherCase): Float32Array {
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
