/**
 * Seeded inputs for the conv and pool conformance tests: dense values in [−1, 1), or sparse
 * spikes (1) / event counts (1–3) at `density`, as a conv layer of a spiking network sees them.
 */
import { mulberry32 } from '../../../core/rng';

export type Input = 'dense' | 'spikes' | 'counts';

export function values(shape: number[], seed: number, input: Input, density = 1): Float32Array {
  const r = mulberry32(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => {
    if (input === 'dense') return r.uniform() * 2 - 1;
    if (r.uniform() >= density) return 0;
    return input === 'spikes' ? 1 : 1 + Math.floor(r.uniform() * 3);
  });
}
