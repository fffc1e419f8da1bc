/** Threshold against its equation z_t = H(x_t − θ) (NIR spec): stateless, strict inequality. */
import { describe, expect, it } from 'vitest';
import { ndarray, type ThresholdNode } from '../graph/types';
import { discretise } from './index';
import { runDiscrete } from './testing/runDiscrete';

describe('Threshold follows z = H(x − θ)', () => {
  it('fires exactly where the input is above θ, step by step, with no memory', () => {
    const node: ThresholdNode = { type: 'Threshold', threshold: ndarray([2], [0.5, -1]) };
    const x = Float32Array.from([0.4, -0.9, 0.6, -1.1, 0.5, -1, 2, 0, 0.4, -1]);
    const run = runDiscrete(discretise(node, 1e-3), x, 5);
    expect(Array.from(run.spikes)).toEqual(Array.from(x, (v, i) => (v > node.threshold.data[i % 2] ? 1 : 0)));
  });
});
