/** I (integrator) against its equation dv/dt = R·I, output v (NIR spec): v_t = Σ_{s ≤ t} R·dt·x_s. */
import { describe, expect, it } from 'vitest';
import { ndarray, type INode } from '../graph/types';
import { discretise } from './index';
import { drive, relativeError, runDiscrete } from './testing/runDiscrete';

describe('I follows dv/dt = R·I', () => {
  it('integrates its input without leak or reset', () => {
    const T = 50, dt = 1e-3;
    const node: INode = { type: 'I', r: ndarray([2], [1, 40]) };
    const x = drive(T, 2);
    const want = new Float64Array(T * 2), v = new Float64Array(2);
    for (let t = 0; t < T; t++) for (let n = 0; n < 2; n++) want[t * 2 + n] = v[n] += node.r.data[n] * dt * x[t * 2 + n];
    const run = runDiscrete(discretise(node, dt), x, T);
    expect(relativeError(run.membrane, want)).toBeLessThan(1e-6);
    expect(run.membrane[(T - 1) * 2 + 1]).toBeGreaterThan(1); // it grew without bound, no reset
  });
});
