import { describe, expect, it } from 'vitest';
import { cubaLi, li, lif } from '../graph/templates';
import { discretise } from '../neurons';
import { readoutGain } from './readoutGain';

describe('readoutGain (the DC gain of a readout population)', () => {
  it('is g/(1 − β) for LI: the templates\' LI (τ 20 ms, R = τ/1 ms) is 20 at dt 5 ms and 20 at 1 ms (Euler)', () => {
    expect(readoutGain(discretise(li(3), 5e-3))[0]).toBeCloseTo(20, 4);
    expect(readoutGain(discretise(li(3), 1e-3))[0]).toBeCloseTo(20, 3);
  });

  it('is the value an LI and a CubaLI settle at for a constant input 1', () => {
    for (const node of [li(1), cubaLi(1)]) {
      const n = discretise(node, 2e-3);
      let c = 0;
      let v = 0;
      for (let t = 0; t < 5000; t++) {
        c = n.alpha ? n.alpha[0] * c + n.gainIn[0] : n.gainIn[0];
        v = n.beta[0] * v + (n.gainCur ? n.gainCur[0] : 1) * c;
      }
      expect(readoutGain(n)[0]).toBeCloseTo(v, 2);
    }
  });

  it('is 1 for a spiking population and for a non-leaky integrator', () => {
    expect(Array.from(readoutGain(discretise(lif(2), 1e-3)))).toEqual([1, 1]);
    expect(Array.from(readoutGain(discretise({ type: 'I', r: { data: Float32Array.of(5), shape: [1] } }, 1e-3)))).toEqual([1]);
  });
});
