/**
 * Rate and time left of a download: rate = Δbytes / Δt over the last WINDOW_MS of samples (so a
 * stall shows at once and a burst does not last), ETA = (total − received) / rate. Both are null
 * until the window spans MIN_SPAN_MS (one early chunk says nothing about the line), and the ETA
 * is null without a known total. Times in ms from a clock the caller gives (tests pass their own).
 */
export const WINDOW_MS = 5000;
export const MIN_SPAN_MS = 500;

export interface TransferEstimate {
  receivedBytes: number;
  totalBytes: number | null;
  /** Bytes per second over the window, or null while too early to say. */
  bytesPerSecond: number | null;
  /** Seconds left at that rate, or null (too early, no total, or stalled). */
  etaSeconds: number | null;
}

export class TransferRate {
  private readonly samples: { t: number; bytes: number }[] = [];

  constructor(private readonly totalBytes: number | null, start: number) {
    this.samples.push({ t: start, bytes: 0 });
  }

  /** Records that `receivedBytes` have arrived by time `t` and answers the estimate. */
  at(t: number, receivedBytes: number): TransferEstimate {
    this.samples.push({ t, bytes: receivedBytes });
    while (this.samples.length > 2 && t - this.samples[1].t >= WINDOW_MS) this.samples.shift();
    const first = this.samples[0];
    const span = t - first.t;
    const bytesPerSecond = span >= MIN_SPAN_MS ? ((receivedBytes - first.bytes) * 1000) / span : null;
    const left = this.totalBytes === null ? null : Math.max(0, this.totalBytes - receivedBytes);
    const etaSeconds = left === null || bytesPerSecond === null || bytesPerSecond <= 0 ? null : left / bytesPerSecond;
    return { receivedBytes, totalBytes: this.totalBytes, bytesPerSecond, etaSeconds };
  }
}
