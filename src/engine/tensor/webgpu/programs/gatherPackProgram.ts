/**
 * Batch gather + repack of a GPU-resident packed dataset into the bit rows a first layer reads
 * directly (../../kernels/packedBatch.ts), one invocation per output word.
 *
 * Inputs as ./packedGatherProgram.ts: words int32 [⌈N·Tp·F/4⌉], the packed bytes [N, Tp = ⌈T/8⌉, F]
 * as little-endian u32 words (step t of feature f of sample n is bit 7 − (t mod 8) of byte
 * i = (n·Tp + ⌊t/8⌋)·F + f); perm int32 [≥ offset + B]; with shifts, int32 [B, 2] (Δt, Δf).
 * Uniforms: those of ./packedGatherProgram.ts and rowWords W = ⌈F/32⌉.
 * Output: result int32 [T·B, W], row r = t·B + b:
 *   n = perm[offset + b];  t' = t − Δt_b   (no shifts: Δ = 0)
 *   bit k of result[r, w] = x[t, b, f = 32·w + k] of the float batch
 *     = 0 if f ≥ F or t' ∉ [0, T) or f' = f − Δf_b ∉ [0, F), else
 *       (word[i >> 2] >> (8·(i & 3) + 7 − (t' & 7))) & 1,  i = (n·Tp + (t' >> 3))·F + f'
 * The 32 bytes of one output word are consecutive (i rises with f), so each source word is
 * loaded once per invocation.
 */
import { PackedGatherProgram } from './packedGatherProgram';

export class GatherPackProgram extends PackedGatherProgram {
  uniforms = 'steps : i32, batch : i32, features : i32, packedSteps : i32, offset : i32, rowWords : i32,';

  constructor(steps: number, batch: number, features: number, shifted: boolean) {
    const W = Math.ceil(features / 32);
    super([steps * batch, W], steps * batch * W, 'pack', shifted);
  }

  getUserCode(): string {
    return `
      fn main(index : i32) {
        let F = uniforms.features;
        let B = uniforms.batch;
        let W = uniforms.rowWords;
        if (index >= uniforms.steps * B * W) { return; }
        let w = index % W;
        let b = (index / W) % B;
        let t0 = index / (W * B);
        ${this.sampleLets()}
        var packedWord = 0u;
        if (t >= 0 && t < uniforms.steps) {
          let shift = 7u - u32(t & 7);
          let rowStart = (n * uniforms.packedSteps + (t >> 3u)) * F;
          var cached = -1;
          var source = 0u;
          let fStart = max(32 * w, df);
          let fEnd = min(min(32 * w + 32, F), F + df);
          for (var f = fStart; f < fEnd; f++) {
            let i = u32(rowStart + f - df);
            let at = i32(i >> 2u);
            if (at != cached) {
              source = bitcast<u32>(words[at]);
              cached = at;
            }
            packedWord = packedWord | (((source >> (8u * (i & 3u) + shift)) & 1u) << u32(f - 32 * w));
          }
        }
        result[index] = bitcast<i32>(packedWord);
      }`;
  }
}
