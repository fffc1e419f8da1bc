import { packedSteps, setSpike } from '../formats/bitpack';

/**
 * Spyx's SHD binning (spyx/loaders.py SHD_loader: tonic `Downsample` + `_SHD2Raster` +
 * `np.packbits(axis=0)`), reproduced exactly, all casts truncating toward zero:
 *   t_us = trunc(time_s · 1e6)                       (float64)
 *   bin  = trunc(t_us · (1e-6 / (1/T)))              one bin is 1/T s
 *   ch   = trunc(unit · (C / 700))                   700 cochlea channels squeezed to C
 *   spikes with bin ≥ T are dropped (only the first second is kept), counts clamp to 1.
 * Non-finite or negative times are skipped (Spyx patches tonic to drop them).
 * Writes a packed [⌈T/8⌉, C] sample at `offset`; returns the number of spikes kept.
 */
export const SHD_CHANNELS = 700;

export interface ShdBinning {
  T: number;
  channels: number;
}

export function binShdSample(
  times: ArrayLike<number>, units: ArrayLike<number>, binning: ShdBinning, out: Uint8Array, offset = 0,
): number {
  const { T, channels: C } = binning;
  out.fill(0, offset, offset + packedSteps(T) * C);
  const timeFactor = 1e-6 / (1 / T);
  const spatialFactor = C / SHD_CHANNELS;
  let kept = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (!Number.isFinite(t) || t < 0) continue;
    const bin = Math.trunc(Math.trunc(t * 1e6) * timeFactor);
    const ch = Math.trunc(units[i] * spatialFactor);
    if (bin >= T || ch >= C) continue;
    setSpike(out, offset, C, bin, ch);
    kept++;
  }
  return kept;
}
