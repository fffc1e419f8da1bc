import { describe, expect, it } from 'vitest';
import { filled, type NirGraph } from '../../engine/graph/types';
import { withGraphLabInfo } from '../../engine/graph/labMetadata';
import { DEFAULT_STIMULUS } from '../state/runStore';
import { checkedStimulus, formatSpan, graphTimeUnit, paramLabel, parseChannels, stimulusSpecOf } from './stimulusSpec';

const lif = (tau: number): NirGraph => ({
  type: 'NIRGraph',
  nodes: {
    input: { type: 'Input', shape: [1] },
    lif: { type: 'LIF', tau: filled([1], tau), r: filled([1], 1), v_leak: filled([1], 0), v_threshold: filled([1], 1), v_reset: filled([1], 0) },
    output: { type: 'Output', shape: [1] },
  },
  edges: [['input', 'lif'], ['lif', 'output']],
});

describe('the Run panel stimulus', () => {
  it('keeps only the parameters of the chosen kind', () => {
    expect(stimulusSpecOf({ ...DEFAULT_STIMULUS, kind: 'step', amplitude: 0.2, onset: 0.001, duration: 0.01 })).toEqual({ kind: 'step', amplitude: 0.2, onset: 0.001, duration: 0.01 });
    expect(stimulusSpecOf({ ...DEFAULT_STIMULUS, kind: 'step' })).toEqual({ kind: 'step', amplitude: 1, onset: 0 }); // duration null: to the end
    expect(stimulusSpecOf({ ...DEFAULT_STIMULUS, kind: 'poisson', rate: 20, channels: '0, 2-3' })).toEqual({ kind: 'poisson', rate: 20, amplitude: 1, onset: 0, seed: 0, channels: [0, 2, 3] });
    expect(stimulusSpecOf({ ...DEFAULT_STIMULUS, kind: 'pulse', at: 0.5 })).toEqual({ kind: 'pulse', at: 0.5, amplitude: 1 });
  });

  it('parses channel lists', () => {
    expect(parseChannels('')).toBeUndefined();
    expect(parseChannels(' all ')).toBeUndefined();
    expect(parseChannels('3 1,5-6')).toEqual([3, 1, 5, 6]);
    expect(parseChannels('x')).toMatch(/not a channel/);
    expect(parseChannels('4-2')).toMatch(/backwards/);
  });

  it('says what the engine would refuse, in words', () => {
    expect(checkedStimulus({ ...DEFAULT_STIMULUS, kind: 'step', onset: 0.001 }, 1e-4, [1])).toHaveProperty('spec');
    const late = checkedStimulus({ ...DEFAULT_STIMULUS, kind: 'step', onset: 0.5, T: 200 }, 1e-4, [1]);
    expect(late).toHaveProperty('error', expect.stringMatching(/onset 0.5 is not before the run ends/));
    expect(checkedStimulus({ ...DEFAULT_STIMULUS, channels: '3' }, 1e-4, [2])).toHaveProperty('error', expect.stringMatching(/Channel 3/));
  });

  it('labels fields in the graph unit', () => {
    expect(graphTimeUnit(lif(2.5e-3))).toBe('s');
    expect(graphTimeUnit(lif(20))).toBe('step');
    expect(graphTimeUnit({ ...lif(20), metadata: withGraphLabInfo(undefined, { dt: 1e-3, timeUnit: 's', positions: {} }) })).toBe('s');
    expect(paramLabel('onset', 's')).toBe('Onset (s)');
    expect(paramLabel('rate', 's')).toBe('Rate (Hz)');
    expect(paramLabel('onset', 'step')).toBe('Onset (steps)');
    expect(paramLabel('amplitude', 's')).toBe('Amplitude');
    expect(formatSpan(1e-4, 's')).toBe('0.1 ms');
    expect(formatSpan(5e-6, 's')).toBe('5 µs');
    expect(formatSpan(0.02, 's')).toBe('20 ms');
    expect(formatSpan(200, 'step')).toBe('200 steps');
  });
});
