/**
 * How a training batch is cut into micro-batches for gradient accumulation (./accumulate.ts).
 * A step that would take longer than about half a second is split, so that the caller can pause,
 * record a sample and report progress between the pieces (DESIGN.md §1, rule 2); a fast step
 * stays one piece. Sizes are powers of two (or the whole batch), so a backend that compiles per
 * shape (WebGPU) sees at most two new shapes: the piece and the remainder.
 *
 * The planner learns the time per sample from the pieces it has seen (an exponential moving
 * average). Before the first measurement it probes with a small piece (⌈B/8⌉ rounded down to a
 * power of two), so even the very first step of a slow network cannot block for its whole length.
 */

/** A piece of work longer than this (ms) is split, when splitting is automatic. */
export const TARGET_PIECE_MS = 400;
/** A whole batch up to this factor over the target still runs in one piece (no split for 10 % more). */
const SLACK = 1.5;
const SMOOTHING = 0.5;

const floorPowerOfTwo = (n: number) => 2 ** Math.floor(Math.log2(Math.max(1, n)));

/** Splits B samples into pieces of `size` (the last one smaller when size does not divide B). */
export function splitBatch(B: number, size: number): number[] {
  const m = Math.max(1, Math.min(B, Math.floor(size)));
  const pieces: number[] = [];
  for (let start = 0; start < B; start += m) pieces.push(Math.min(m, B - start));
  return pieces;
}

export class MicroBatchPlanner {
  private msPerSample: number | undefined;

  /** `fixed`: always this piece size; 'auto': learned; undefined: the whole batch. */
  constructor(private readonly mode: number | 'auto' | undefined, private readonly targetMs = TARGET_PIECE_MS) {}

  /** The size of the next piece, given how many samples of the batch are left. */
  nextPiece(B: number, remaining: number): number {
    if (this.mode === undefined) return remaining;
    if (this.mode !== 'auto') return Math.min(remaining, Math.max(1, Math.floor(this.mode)));
    if (this.msPerSample === undefined) return Math.min(remaining, floorPowerOfTwo(Math.ceil(B / 8)));
    if (B * this.msPerSample <= SLACK * this.targetMs) return remaining;
    return Math.min(remaining, floorPowerOfTwo(this.targetMs / this.msPerSample));
  }

  /** Records that a piece of `samples` took `ms` (forward, backward and the read-back of its loss). */
  observe(samples: number, ms: number): void {
    const perSample = ms / Math.max(1, samples);
    this.msPerSample = this.msPerSample === undefined ? perSample : SMOOTHING * perSample + (1 - SMOOTHING) * this.msPerSample;
  }

  /** The learned time per sample (ms), once a piece has been measured. */
  get estimate(): number | undefined {
    return this.msPerSample;
  }
}
