/** Delay against its equation y(t) = x(t − τ_d) on the step grid: k = round(τ_d/dt) steps, clamped (./delay.ts). */
import { describe, expect, it } from 'vitest';
import { ndarray, type DelayNode } from '../graph/types';
import { delaySteps } from './delay';

describe('Delay rounds τ_d/dt to whole steps', () => {
  it('rounds to the nearest step, per neuron', () => {
    const node: DelayNode = { type: 'Delay', delay: ndarray([4], [0, 0.001, 0.0024, 0.0026]) };
    expect(Array.from(delaySteps(node, 1e-3))).toEqual([0, 1, 2, 3]);
  });

  it('clamps negative, huge and non-finite delays instead of wrapping', () => {
    const node: DelayNode = { type: 'Delay', delay: ndarray([3], [-0.5, 1e9, Number.NaN]) };
    expect(Array.from(delaySteps(node, 1e-3))).toEqual([0, 2 ** 31 - 1, 0]);
  });
});
