/**
 * Shift augmentation of training batches (Spyx's shift_augment, per sample): each training sample
 * of a step is moved later in time by Δt and up in channel by Δf, integers drawn uniformly from
 * [−timeShift, timeShift] and [−channelShift, channelShift], what moves out of range is dropped and
 * what comes in is zero:
 *   x'[t, b, f] = x[t − Δt_b, b, f − Δf_b]   (0 where t − Δt_b ∉ [0, T) or f − Δf_b ∉ [0, F))
 * Spyx rolls the channel axis by one shift per batch; here every sample gets its own and nothing
 * wraps round. The draw is mulberry32(seed, step): a run is reproducible. Only training batches
 * are shifted, never evaluation. Channel shifts need 1-D features (SHD and SSC channels, cochlea
 * bands): on images or [polarity, taxel] a shift of the flattened index would cross rows.
 */
import { SpikelabError } from '../core/errors';
import { mulberry32 } from '../core/rng';

export interface ShiftAugment {
  /** Largest |Δt| in steps. */
  timeShift: number;
  /** Largest |Δf| in channels (1-D features only). */
  channelShift: number;
}

export function checkAugment(augment: ShiftAugment, T: number, featureShape: readonly number[]): void {
  const bad = (what: string, hint: string) => { throw new SpikelabError('TRAIN_BAD_CONFIG', what, hint); };
  for (const [name, value] of [['Time shift', augment.timeShift], ['Channel shift', augment.channelShift]] as const) {
    if (!Number.isInteger(value) || value < 0) bad(`${name} must be a whole number of at least 0, got ${value}.`, 'Use 0 to switch it off.');
  }
  if (augment.timeShift >= T) bad(`A time shift of ±${augment.timeShift} steps moves every sample out of its ${T} steps.`, `Use at most ${Math.max(0, Math.floor(T / 4))}.`);
  if (augment.channelShift > 0 && featureShape.length !== 1) {
    bad(`Channel shift needs one feature axis; this data has [${featureShape.join(', ')}] per step.`, 'Use it on data with one channel axis (SHD, SSC, the spoken digits), or set it to 0.');
  }
  if (augment.channelShift > 0 && augment.channelShift >= featureShape[0]) {
    bad(`A channel shift of ±${augment.channelShift} moves every sample out of its ${featureShape[0]} channels.`, `Use at most ${Math.max(0, Math.floor(featureShape[0] / 4))}.`);
  }
}

/** [B, 2] int32, (Δt, Δf) per sample, for training step `step` of a run seeded `seed`. */
export function drawShifts(B: number, augment: ShiftAugment, seed: number, step: number): Int32Array {
  const r = mulberry32((seed * 0x9e3779b1 + step * 7919 + 0x5f356495) >>> 0);
  const draw = (max: number) => (max === 0 ? 0 : Math.floor(r.uniform() * (2 * max + 1)) - max);
  const out = new Int32Array(2 * B);
  for (let b = 0; b < B; b++) {
    out[2 * b] = draw(augment.timeShift);
    out[2 * b + 1] = draw(augment.channelShift);
  }
  return out;
}

/** The shifts applied to a host batch x [T, B, F] (time-major), as the device batches do. */
export function shiftBatch(x: Float32Array, T: number, B: number, F: number, shifts: Int32Array): Float32Array {
  const out = new Float32Array(x.length);
  for (let b = 0; b < B; b++) {
    const dt = shifts[2 * b];
    const df = shifts[2 * b + 1];
    for (let t = Math.max(0, dt); t < Math.min(T, T + dt); t++) {
      const src = ((t - dt) * B + b) * F - df;
      const dst = (t * B + b) * F;
      for (let f = Math.max(0, df); f < Math.min(F, F + df); f++) out[dst + f] = x[src + f];
    }
  }
  return out;
}
