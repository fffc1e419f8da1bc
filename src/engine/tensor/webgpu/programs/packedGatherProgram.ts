/**
 * What the two batch gathers from a GPU-resident packed dataset share (./gatherUnpackProgram.ts:
 * one float per value; ./gatherPackProgram.ts: one bit per value): their inputs and which sample
 * and shift batch column b reads.
 *
 * Inputs: words int32 [⌈N·Tp·F/4⌉], the packed bytes [N, Tp = ⌈T/8⌉, F] read as little-endian
 * u32 words (np.packbits order: step t of feature f of sample n is bit 7 − (t mod 8) of byte
 * i = (n·Tp + ⌊t/8⌋)·F + f); perm int32 [≥ offset + B], sample indices; with shifts, int32 [B, 2]
 * (Δt, Δf) per batch column. Uniforms (at least): steps T, batch B, features F, packedSteps Tp,
 * offset. Output step t0 of column b reads sample n = perm[offset + b] at step t = t0 − Δt_b,
 * feature f' = f − Δf_b (no shifts: Δ = 0).
 */
import { FlatProgram } from './program';

export abstract class PackedGatherProgram extends FlatProgram {
  variableNames: string[];
  protected readonly shifted: boolean;

  constructor(outputShape: number[], invocations: number, name: string, shifted: boolean) {
    super(outputShape, invocations, `spikelab_gather_${name}_${shifted ? 'shift' : 'plain'}`);
    this.shifted = shifted;
    this.variableNames = shifted ? ['words', 'perm', 'shifts'] : ['words', 'perm'];
  }

  /** WGSL lets, given b and t0: the sample n, its step t and the feature shift df = Δf_b. */
  protected sampleLets(): string {
    const shift = this.shifted ? 'let t = t0 - shifts[2 * b]; let df = shifts[2 * b + 1];' : 'let t = t0; let df = 0;';
    return `let n = perm[uniforms.offset + b];\n        ${shift}`;
  }
}
