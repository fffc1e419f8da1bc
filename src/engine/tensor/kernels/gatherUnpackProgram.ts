/**
 * Batch gather + bit unpack of a GPU-resident packed dataset, one invocation per output value.
 *
 * Inputs: words int32 [⌈N·Tp·F/4⌉], the packed bytes [N, Tp = ⌈T/8⌉, F] read as little-endian
 * u32 words (np.packbits order: step t of feature f of sample n is bit 7 − (t mod 8) of byte
 * i = (n·Tp + ⌊t/8⌋)·F + f); perm int32 [≥ offset + B], sample indices; with shifts, int32 [B, 2]
 * (Δt, Δf) per batch column. Uniforms: steps T, batch B, features F, packedSteps Tp, offset.
 * Output: result float32 [T, B, F], time-major, 0 or 1:
 *   n = perm[offset + b];  t' = t − Δt_b;  f' = f − Δf_b   (no shifts: t' = t, f' = f)
 *   out[t, b, f] = 0 if t' ∉ [0, T) or f' ∉ [0, F), else
 *                  (word[i >> 2] >> (8·(i & 3) + 7 − (t' & 7))) & 1,  i = (n·Tp + (t' >> 3))·F + f'
 * (the WGSL formula of ../shared/specs/bench.md §1.8).
 */
import { FlatProgram } from './program';

export class GatherUnpackProgram extends FlatProgram {
  variableNames: string[];
  uniforms = 'steps : i32, batch : i32, features : i32, packedSteps : i32, offset : i32,';
  private readonly shifted: boolean;

  constructor(steps: number, batch: number, features: number, shifted: boolean) {
    super([steps, batch, features], steps * batch * features, `spikelab_gather_unpack_${shifted ? 'shift' : 'plain'}`);
    this.shifted = shifted;
    this.variableNames = shifted ? ['words', 'perm', 'shifts'] : ['words', 'perm'];
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        let F = uniforms.features;
        let B = uniforms.batch;
        if (index >= uniforms.steps * B * F) { return; }
        let f0 = index % F;
        let b = (index / F) % B;
        let t0 = index / (F * B);
        let n = perm[uniforms.offset + b];
        ${this.shifted ? 'let t = t0 - shifts[2 * b]; let f = f0 - shifts[2 * b + 1];' : 'let t = t0; let f = f0;'}
        if (t < 0 || t >= uniforms.steps || f < 0 || f >= F) {
          result[index] = 0.0;
          return;
        }
        let i = u32((n * uniforms.packedSteps + (t >> 3u)) * F + f);
        let word = bitcast<u32>(words[i >> 2u]);
        result[index] = f32((word >> (8u * (i & 3u) + 7u - u32(t & 7))) & 1u);
      }`;
  }
}
