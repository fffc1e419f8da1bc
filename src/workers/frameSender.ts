/**
 * Frames to the page with back-pressure (DESIGN.md §1, rule 2): at most one frame is in flight;
 * the page's onFrame returns a promise that settles once it has drawn that frame (its next
 * animation frame), and only then does the next one go. Meanwhile everything is coalesced into
 * the pending frame: step metrics appended (the newest MAX_BUFFERED_STEPS kept), epoch summaries
 * appended, the recorded sample and the progress replaced by the newest. A frame is plain data;
 * the sample's typed arrays are transferred. `flushNow` sends whatever is pending even while a
 * frame is in flight (the end of a run: the last metrics must land before train() answers, and
 * comlink keeps messages in order).
 */
import type { RunFrame } from './api';

export const MAX_BUFFERED_STEPS = 256;
/** Never more often than this, even if the page acknowledges at once (ms): 15 frames a second is smooth for curves and leaves the page idle most of the time. */
const MIN_INTERVAL_MS = 1000 / 15;

export type FrameSink = (frame: RunFrame) => Promise<void> | void;
export type Transfer = (frame: RunFrame) => RunFrame;

function emptyFrame(): RunFrame {
  return { steps: [] };
}

function isEmpty(frame: RunFrame): boolean {
  return frame.steps.length === 0 && !frame.epochs?.length && !frame.record && !frame.progress && !frame.notice;
}

export class FrameSender {
  private pending: RunFrame = emptyFrame();
  private inFlight = false;
  private lastSent = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  /** `transfer` marks the frame's buffers for transfer (comlink); identity in tests. */
  constructor(private readonly sink: FrameSink, private readonly transfer: Transfer = (f) => f, private readonly now = () => performance.now()) {}

  add(part: Partial<RunFrame>): void {
    const frame = this.pending;
    if (part.steps?.length) {
      frame.steps.push(...part.steps);
      if (frame.steps.length > MAX_BUFFERED_STEPS) frame.steps = frame.steps.slice(-MAX_BUFFERED_STEPS);
    }
    if (part.epochs?.length) frame.epochs = [...(frame.epochs ?? []), ...part.epochs];
    if (part.record) {
      frame.record = part.record;
      frame.recordedAt = part.recordedAt;
    }
    if (part.progress) frame.progress = part.progress;
    if (part.notice) frame.notice = part.notice;
    this.flush();
  }

  /** Sends the pending frame if none is in flight and the minimum interval has passed. */
  flush(): void {
    if (this.inFlight || isEmpty(this.pending)) return;
    const wait = this.lastSent + MIN_INTERVAL_MS - this.now();
    if (wait > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, wait);
      return;
    }
    this.send();
  }

  /** Sends what is pending now, in flight or not. */
  flushNow(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!isEmpty(this.pending)) this.send();
  }

  /** Whether a frame waits for the page to draw it. */
  get waiting(): boolean {
    return this.inFlight;
  }

  private send(): void {
    const frame = this.pending;
    this.pending = emptyFrame();
    this.inFlight = true;
    this.lastSent = this.now();
    const generation = ++this.generation;
    const settle = () => {
      if (generation !== this.generation) return; // a later frame (flushNow) is the one in flight
      this.inFlight = false;
      this.flush();
    };
    try {
      Promise.resolve(this.sink(this.transfer(frame))).then(settle, settle);
    } catch {
      settle();
    }
  }
}
