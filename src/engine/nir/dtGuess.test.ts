/**
 * dt guesses from exporter conventions (docs/specs/nir.md §7, §11). Fixtures: cuba_snn.nir is
 * written with snnTorch's parameters (fixtures.md: "dt = 1e-4 s implied"); lif_rockpool.nir and
 * lif_norse.nir are the NIR paper's single-LIF files (paper dt = 0.1 ms).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withGraphLabInfo } from '../graph/labMetadata';
import { filled, ndarray, type NirGraph } from '../graph/types';
import { guessDt } from './dtGuess';
import { readNir } from './readNir';
import { FIXTURES, bytesOf } from './testing/fixtures';

const lifGraph = (tau: number[], r: number[]): NirGraph => ({
  type: 'NIRGraph',
  nodes: { lif: { type: 'LIF', tau: ndarray([tau.length], tau), r: ndarray([r.length], r), v_leak: filled([tau.length], 0), v_threshold: filled([tau.length], 1), v_reset: filled([tau.length], 0) } },
  edges: [],
});

describe('guessDt', () => {
  it('recognises snnTorch parameters (r = τ/dt, dt = 0.1 ms)', async () => {
    const { dtGuess } = await readNir(bytesOf(join(FIXTURES, 'cuba_snn.nir')));
    expect(dtGuess).toMatchObject({ dt: 1e-4, unit: 's', exporter: 'snntorch' });
  });

  it('recognises Rockpool by its node names and recovers dt = min τ/(1 + r)', async () => {
    const { dtGuess } = await readNir(bytesOf(join(FIXTURES, 'upstream', 'nir_01_lif__lif_rockpool.nir')));
    expect(dtGuess.exporter).toBe('rockpool');
    expect(dtGuess.dt).toBeCloseTo(1e-4, 6);
  });

  it('reads fast time constants in seconds as dt = 0.1 ms (Norse paper file, τ = 2.5 ms)', async () => {
    const { dtGuess } = await readNir(bytesOf(join(FIXTURES, 'upstream', 'nir_01_lif__lif_norse.nir')));
    expect(dtGuess).toMatchObject({ dt: 1e-4, unit: 's' });
  });

  it('recognises Spyx (r = β = 1 − 1/τ) and time-step files (Sinabs: τ ≥ 1, r = 1)', () => {
    expect(guessDt(lifGraph([2, 4], [0.5, 0.75]))).toMatchObject({ dt: 1, unit: 'step', exporter: 'spyx' });
    expect(guessDt(lifGraph([20, 20], [1, 1]))).toMatchObject({ dt: 1, unit: 'step' });
  });

  it('recognises Norse (r = 1, v_leak = 0) at its default dt = 1 ms, τ = 1/100 stored as float32', () => {
    const norse = lifGraph([Math.fround(1 / 100), Math.fround(1 / 100)], [1, 1]);
    expect(Math.fround(1 / 100)).toBeLessThan(0.01); // 0.0099999998: the cutoff must allow float32 rounding
    expect(guessDt(norse)).toMatchObject({ dt: 1e-3, unit: 's', exporter: 'norse' });
    expect(guessDt(norse).reason).toMatch(/Norse/);
    // Norse's shape but other time constants: seconds by magnitude, still named as Norse's.
    expect(guessDt(lifGraph([Math.fround(0.02)], [1]))).toMatchObject({ dt: 1e-3, exporter: 'norse' });
    expect(guessDt(lifGraph([Math.fround(0.0099)], [1]))).toMatchObject({ dt: 1e-4, exporter: 'norse' });
  });

  it('names Sinabs (r = 1, v_leak = 0, τ in steps)', () => {
    expect(guessDt(lifGraph([20, 40], [1, 1]))).toMatchObject({ dt: 1, unit: 'step', exporter: 'sinabs' });
  });

  it('prefers what Spikelab saved, and defaults to 1 ms without time constants', () => {
    const saved = lifGraph([0.02], [1]);
    saved.metadata = withGraphLabInfo(undefined, { dt: 2e-3, timeUnit: 's', positions: {} });
    expect(guessDt(saved)).toMatchObject({ dt: 2e-3, exporter: 'spikelab' });
    expect(guessDt({ type: 'NIRGraph', nodes: { input: { type: 'Input', shape: [3] } }, edges: [] })).toMatchObject({ dt: 1e-3, unit: 's' });
  });

  it('lets the caller override the guess', async () => {
    const { dtGuess } = await readNir(bytesOf(join(FIXTURES, 'cuba_snn.nir')), { dt: { dt: 1e-3, unit: 's' } });
    expect(dtGuess.dt).toBe(1e-3);
    expect(dtGuess.reason).toMatch(/Given/);
  });
});
