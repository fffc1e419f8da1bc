/**
 * Host copies of a session's parameters, so a run survives the loss of its GPU device (whose
 * tensors vanish with it). Read without blocking (the session's snapshot() uses data()), at most
 * every CHECKPOINT_INTERVAL_MS at a step boundary and whenever a run stops, and only on backends
 * whose device can be lost (webgpu, webgl): on wasm and cpu the parameters already live on the host.
 */
import type { ParameterSnapshot, TrainingSession } from '../engine/tensor/train/session';

export const CHECKPOINT_INTERVAL_MS = 5000;
const LOSABLE = new Set(['webgpu', 'webgl']);

export class Checkpoints {
  private last: ParameterSnapshot | null = null;
  private takenAt = -Infinity;

  constructor(private readonly backend: () => string, private readonly now = () => performance.now()) {}

  /** The newest checkpoint, or null when none was taken (the run continues from the prepared graph). */
  get latest(): ParameterSnapshot | null {
    return this.last;
  }

  /** Takes one if the backend can lose its device and the interval has passed (or `force`). */
  async maybeTake(session: TrainingSession, force = false): Promise<void> {
    if (!LOSABLE.has(this.backend())) return;
    if (!force && this.now() - this.takenAt < CHECKPOINT_INTERVAL_MS) return;
    if (this.last && this.last.step === session.stepsTaken) return;
    this.takenAt = this.now();
    this.last = await session.snapshot();
  }

  clear(): void {
    this.last = null;
    this.takenAt = -Infinity;
  }
}
