/**
 * When to checkpoint a training run: at every epoch end and at least every `everyMs` of training,
 * one at a time, and never closer than `minGapMs` apart (tiny epochs would otherwise checkpoint
 * continuously; an epoch end inside the gap is taken once the gap has passed).
 */
export const CHECKPOINT_EVERY_MS = 30_000;
export const CHECKPOINT_MIN_GAP_MS = 1000;

export class CheckpointSchedule {
  private lastAt: number;
  private epochPending = false;
  private inFlight = false;

  constructor(now: number, private readonly everyMs = CHECKPOINT_EVERY_MS, private readonly minGapMs = CHECKPOINT_MIN_GAP_MS) {
    this.lastAt = now;
  }

  /** A frame arrived; true when a checkpoint should be taken now (then call `started`). */
  due(now: number, epochEnded: boolean): boolean {
    this.epochPending ||= epochEnded;
    if (this.inFlight || now - this.lastAt < this.minGapMs) return false;
    return this.epochPending || now - this.lastAt >= this.everyMs;
  }

  started(now: number): void {
    this.inFlight = true;
    this.epochPending = false;
    this.lastAt = now;
  }

  finished(): void {
    this.inFlight = false;
  }
}
