/** Every stimulus kind: shape, formula, units, seeded determinism, Poisson rate, refusals with codes. */
import { describe, expect, it } from 'vitest';
import { SpikelabError } from '../core/errors';
import { generateStimulus } from './generate';
import { STIMULUS_KIND_NAMES, STIMULUS_KINDS } from './kinds';
import { stepAt } from './timeGrid';
import type { StimulusGrid, StimulusSpec } from './types';

const one = (T: number, dt: number): StimulusGrid => ({ T, dt, inputShape: [1] });
const nonZeroSteps = (x: Float32Array, F = 1) => Array.from({ length: x.length / F }, (_, t) => t).filter((t) => x.subarray(t * F, (t + 1) * F).some((v) => v !== 0));

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof SpikelabError ? error.code : 'NOT_A_SPIKELAB_ERROR';
  }
  return 'NO_ERROR';
}

/** One valid spec per kind. */
const EXAMPLES: Record<string, StimulusSpec> = {
  constant: { kind: 'constant', amplitude: 0.5 },
  step: { kind: 'step', amplitude: 2, onset: 0.001, duration: 0.002 },
  ramp: { kind: 'ramp', amplitude: 1, onset: 0.001, duration: 0.004 },
  sine: { kind: 'sine', amplitude: 1, frequency: 500 },
  noise: { kind: 'noise', amplitude: 0.1, seed: 3 },
  poisson: { kind: 'poisson', rate: 2000, seed: 1 },
  regular: { kind: 'regular', rate: 1000 },
  pulse: { kind: 'pulse', at: 0.002 },
};

describe('stimulus generators', () => {
  it('gives a time-major [T, ...inputShape] array for every kind and any Input shape', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...STIMULUS_KIND_NAMES].sort());
    for (const shape of [[1], [12], [2, 3, 4]]) {
      const F = shape.reduce((a, b) => a * b, 1);
      for (const spec of Object.values(EXAMPLES)) {
        const x = generateStimulus(spec, { T: 100, dt: 1e-4, inputShape: shape });
        expect(x).toBeInstanceOf(Float32Array);
        expect(x.length).toBe(100 * F);
        expect(x.every(Number.isFinite)).toBe(true);
        expect(nonZeroSteps(x, F).length, spec.kind).toBeGreaterThan(0);
      }
    }
  });

  it('follows each formula', () => {
    const dt = 1e-4;
    expect(Array.from(generateStimulus(EXAMPLES.constant, one(5, dt)))).toEqual([0.5, 0.5, 0.5, 0.5, 0.5]);
    // step: A for onset ≤ t·dt < onset + duration — steps 10 … 29.
    const step = generateStimulus(EXAMPLES.step, one(40, dt));
    expect(nonZeroSteps(step)).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i));
    expect(step[10]).toBe(2);
    // ramp: A·(t·dt − onset)/duration, 0 at the onset, A/40 a step later.
    const ramp = generateStimulus(EXAMPLES.ramp, one(60, dt));
    expect(ramp[10]).toBe(0);
    expect(ramp[11]).toBeCloseTo(1 / 40, 6);
    expect(ramp[49]).toBeCloseTo(39 / 40, 6);
    expect(ramp[50]).toBe(0);
    // sine: offset + A·sin(2π f t), f = 500 Hz, dt = 0.1 ms: period 20 steps.
    const sine = generateStimulus(EXAMPLES.sine, one(40, dt));
    sine.forEach((v, t) => expect(v).toBeCloseTo(Math.sin(2 * Math.PI * 500 * t * dt), 5));
    // regular: 1000 Hz at dt 0.1 ms is every 10th step from the onset.
    expect(nonZeroSteps(generateStimulus({ kind: 'regular', rate: 1000, onset: 0.0005 }, one(40, dt)))).toEqual([5, 15, 25, 35]);
    // pulse: one step.
    expect(nonZeroSteps(generateStimulus(EXAMPLES.pulse, one(40, dt)))).toEqual([20]);
    // noise: mean offset, standard deviation A.
    const noise = generateStimulus({ kind: 'noise', amplitude: 0.5, offset: 2, seed: 9 }, one(20_000, dt));
    const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
    const sd = Math.sqrt(noise.reduce((a, b) => a + (b - mean) ** 2, 0) / noise.length);
    expect(mean).toBeCloseTo(2, 1);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
  });

  it('reads times in the graph unit: seconds at dt 1e-4, steps at dt 1', () => {
    // 1 ms / 0.1 ms is 9.999999999999998 in binary: it must still be step 10.
    expect(stepAt(0.001, 1e-4)).toBe(10);
    expect(nonZeroSteps(generateStimulus({ kind: 'step', onset: 0.001 }, one(20, 1e-4)))[0]).toBe(10);
    expect(nonZeroSteps(generateStimulus({ kind: 'step', onset: 0.0123, duration: 0.0007 }, one(200, 1e-4)))).toEqual([123, 124, 125, 126, 127, 128, 129]);
    // The same stimulus in a step-unit graph (dt = 1): onset 10 steps.
    expect(nonZeroSteps(generateStimulus({ kind: 'step', onset: 10, duration: 3 }, one(20, 1)))).toEqual([10, 11, 12]);
    // A rate is per unit of time: 0.1 per step at dt = 1 is every 10th step.
    expect(nonZeroSteps(generateStimulus({ kind: 'regular', rate: 0.1 }, one(30, 1)))).toEqual([0, 10, 20]);
    expect(nonZeroSteps(generateStimulus({ kind: 'pulse', at: 0.0123 }, one(200, 1e-4)))).toEqual([123]);
  });

  it('drives only the chosen channels', () => {
    const x = generateStimulus({ kind: 'constant', amplitude: 1, channels: [4, 1] }, { T: 3, dt: 1, inputShape: [2, 3] });
    for (let t = 0; t < 3; t++) expect(Array.from(x.subarray(t * 6, t * 6 + 6))).toEqual([0, 1, 0, 0, 1, 0]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const grid = { T: 500, dt: 1e-3, inputShape: [8] };
    for (const kind of ['noise', 'poisson'] as const) {
      const spec: StimulusSpec = kind === 'noise' ? { kind, amplitude: 1, seed: 5 } : { kind, rate: 100, seed: 5 };
      const a = generateStimulus(spec, grid);
      expect(generateStimulus(spec, grid)).toEqual(a);
      expect(generateStimulus({ ...spec, seed: 6 }, grid)).not.toEqual(a);
    }
    // The first draw of mulberry32(42) is 2581720956 / 2^32 = 0.6011…: a spike iff p above it.
    expect(generateStimulus({ kind: 'poisson', rate: 610, seed: 42 }, one(1, 1e-3))[0]).toBe(1);
    expect(generateStimulus({ kind: 'poisson', rate: 600, seed: 42 }, one(1, 1e-3))[0]).toBe(0);
  });

  it('fires Poisson trains at the asked rate', () => {
    // 200 Hz at dt 1 ms for 20 s on 5 channels: 20,000 Bernoulli(0.2) draws per channel.
    const T = 20_000;
    const x = generateStimulus({ kind: 'poisson', rate: 200, seed: 7 }, { T, dt: 1e-3, inputShape: [5] });
    for (let c = 0; c < 5; c++) {
      let spikes = 0;
      for (let t = 0; t < T; t++) spikes += x[t * 5 + c];
      const rate = spikes / (T * 1e-3);
      // σ of the count = √(N p (1 − p)) = 56.6 spikes = 2.8 Hz; allow 4σ.
      expect(Math.abs(rate - 200)).toBeLessThan(11.4);
    }
    // Only inside the window.
    const windowed = generateStimulus({ kind: 'poisson', rate: 500, onset: 0.01, duration: 0.02, seed: 1 }, one(100, 1e-3));
    expect(nonZeroSteps(windowed).every((t) => t >= 10 && t < 30)).toBe(true);
  });

  it('refuses bad stimuli with a code and a hint', () => {
    const grid = one(100, 1e-4);
    const cases: Array<[StimulusSpec, StimulusGrid, string]> = [
      [{ kind: 'wave' as never }, grid, 'STIMULUS_UNKNOWN_KIND'],
      [{ kind: 'constant', rate: 3 }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'step', amplitude: Number.NaN }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'step', onset: 0.01 }, grid, 'STIMULUS_BAD_PARAMETER'], // the run is 100 × 0.1 ms = 10 ms
      [{ kind: 'step', onset: -1 }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'step', duration: 0 }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'poisson' }, grid, 'STIMULUS_MISSING_PARAMETER'],
      [{ kind: 'poisson', rate: 20_000 }, grid, 'STIMULUS_BAD_PARAMETER'], // 2 spikes per step
      [{ kind: 'regular', rate: -1 }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'sine', frequency: 6000 }, grid, 'STIMULUS_BAD_PARAMETER'], // over Nyquist (5 kHz)
      [{ kind: 'pulse', at: 0.02 }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'noise', seed: 1.5 }, grid, 'STIMULUS_BAD_PARAMETER'],
      [{ kind: 'constant', channels: [1] }, grid, 'STIMULUS_BAD_CHANNEL'],
      [{ kind: 'constant', channels: [] }, grid, 'STIMULUS_BAD_CHANNEL'],
      [{ kind: 'constant' }, { T: 0, dt: 1, inputShape: [1] }, 'STIMULUS_BAD_GRID'],
      [{ kind: 'constant' }, { T: 10, dt: 0, inputShape: [1] }, 'STIMULUS_BAD_GRID'],
    ];
    for (const [spec, g, code] of cases) expect(codeOf(() => generateStimulus(spec, g)), JSON.stringify(spec)).toBe(code);
    try {
      generateStimulus({ kind: 'sine' }, grid);
    } catch (error) {
      expect((error as SpikelabError).hint).toMatch(/frequency=/);
    }
  });

  it('documents a formula for every kind', () => {
    for (const name of STIMULUS_KIND_NAMES) expect(STIMULUS_KINDS[name].formula).toMatch(/x =/);
  });
});
