import { packedSteps } from '../formats/bitpack';

/**
 * A cochlea-like audio → spikes encoder, in the spirit of how SHD was made from speech
 * (Cramer et al. 2020 used a hydrodynamic cochlea, hair cells and bushy cells; this is a much
 * simpler stand-in with the same shape of output: channels ordered by frequency, spikes in time).
 *
 * 1. Normalise the recording to unit RMS (speakers and microphones differ in level).
 * 2. Filterbank: C band-pass biquads (RBJ "constant 0 dB peak" band-pass, Q = fc / ERB(fc)),
 *    centre frequencies evenly spaced on the ERB-rate scale (Glasberg & Moore 1990:
 *    ERB(f) = 24.7·(4.37·f/1000 + 1) Hz, ERB-rate = 21.4·log10(4.37·f/1000 + 1)) between fMin and fMax.
 * 3. Hair cell: half-wave rectification y⁺ = max(y, 0).
 * 4. Threshold encoder per channel, an integrate-and-fire neuron at the audio rate, no leak:
 *      v ← v + y⁺·(1/fs);  if v ≥ θ: spike and v ← v − θ
 * 5. Spikes are binned to steps of dt seconds (a step holds 1 if at least one spike fell in it),
 *    cut or zero-padded to T steps. Output features [C], low frequency first.
 */
export interface CochleaOptions {
  channels: number;
  fMin: number;
  fMax: number;
  threshold: number;
  dt: number;
  T: number;
}

export const DEFAULT_COCHLEA: CochleaOptions = { channels: 64, fMin: 100, fMax: 3800, threshold: 0.002, dt: 0.005, T: 256 };

function erbRate(f: number): number {
  return 21.4 * Math.log10(4.37e-3 * f + 1);
}

function erbRateInverse(e: number): number {
  return (10 ** (e / 21.4) - 1) / 4.37e-3;
}

export function centreFrequencies(options: Pick<CochleaOptions, 'channels' | 'fMin' | 'fMax'>): Float64Array {
  const lo = erbRate(options.fMin);
  const hi = erbRate(options.fMax);
  return Float64Array.from({ length: options.channels }, (_, c) =>
    erbRateInverse(lo + ((hi - lo) * c) / Math.max(1, options.channels - 1)));
}

/** Encodes mono audio into a packed [⌈T/8⌉, C] sample at `offset`; returns the spikes kept. */
export function cochleaEncode(samples: Float32Array, sampleRate: number, options: CochleaOptions, out: Uint8Array, offset = 0): number {
  const { channels: C, T } = options;
  out.fill(0, offset, offset + packedSteps(T) * C);
  let energy = 0;
  for (const s of samples) energy += s * s;
  const gain = energy > 0 ? 1 / Math.sqrt(energy / samples.length) : 0;
  const stepsPerBin = options.dt * sampleRate;
  const fc = centreFrequencies(options);
  let kept = 0;
  for (let c = 0; c < C; c++) {
    const q = fc[c] / (24.7 * (4.37e-3 * fc[c] + 1));
    const w0 = (2 * Math.PI * fc[c]) / sampleRate;
    const alpha = Math.sin(w0) / (2 * q);
    const a0 = 1 + alpha;
    const b0 = alpha / a0;
    const b2 = -alpha / a0;
    const a1 = (-2 * Math.cos(w0)) / a0;
    const a2 = (1 - alpha) / a0;
    let x1 = 0, x2 = 0, y1 = 0, y2 = 0, v = 0;
    for (let i = 0; i < samples.length; i++) {
      const x0 = samples[i] * gain;
      const y0 = b0 * x0 + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1; x1 = x0; y2 = y1; y1 = y0;
      if (y0 > 0) v += y0 / sampleRate;
      if (v >= options.threshold) {
        v -= options.threshold;
        const t = Math.floor(i / stepsPerBin);
        if (t < T) {
          const idx = offset + (t >> 3) * C + c;
          const bit = 0x80 >> (t & 7);
          if (!(out[idx] & bit)) kept++;
          out[idx] |= bit;
        }
      }
    }
  }
  return kept;
}
