/**
 * Batch gather + bit unpack of a GPU-resident packed dataset, one invocation per output value.
 *
 * Inputs and uniforms: those of ./packedGatherProgram.ts (steps T, batch B, features F,
 * packedSteps Tp, offset).
 * Output: result float32 [T, B, F], time-major, 0 or 1:
 *   n = perm[offset + b];  t' = t − Δt_b;  f' = f − Δf_b   (no shifts: t' = t, f' = f)
 *   out[t, b, f] = 0 if t' ∉ [0, T) or f' ∉ [0, F), else
 *                  (word[i >> 2] >> (8·(i & 3) + 7 − (t' & 7))) & 1,  i = (n·Tp + (t' >> 3))·F + f'
 * (the WGSL formula of docs/specs/bench.md §1.8).
 */
import { PackedGatherProgram } from './packedGatherProgram';

export class GatherUnpackProgram extends PackedGatherProgram {
  uniforms = 'steps : i32, batch : i32, features : i32, packedSteps : i32, offset : i32,';

  constructor(steps: number, batch: number, features: number, shifted: boolean) {
    super([steps, batch, features], steps * batch * features, 'unpack', shifted);
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
        ${this.sampleLets()}
        let f = f0 - df;
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
