import { describe, expect, it } from 'vitest';
import { SURROGATES, SURROGATE_NAMES, surrogateSpec } from './index';

// Points away from the kinks of boxcar/triangular (|z| = 1/k) and of |z| at 0.
const POINTS = [-1.3, -0.61, -0.2, -0.037, 0.011, 0.08, 0.33, 0.77, 1.9];

describe('surrogate gradients', () => {
  for (const name of SURROGATE_NAMES) {
    const s = SURROGATES[name];
    it(`${name}: g is the derivative of its primitive (central differences)`, () => {
      for (const z of POINTS) {
        const h = 1e-6;
        const fd = (s.primitive(z + h, s.defaultSlope) - s.primitive(z - h, s.defaultSlope)) / (2 * h);
        expect(s.grad(z, s.defaultSlope)).toBeCloseTo(fd, 6);
      }
    });
  }

  it('match their published peaks and areas (Spyx, specs/spyx.md §2.3)', () => {
    expect(SURROGATES.superspike.grad(0, 25)).toBe(1);
    expect(SURROGATES.spyx_arctan.grad(0, 2)).toBeCloseTo(1 / Math.PI, 12);
    expect(SURROGATES.snntorch_atan.grad(0, 2)).toBe(1);
    expect(SURROGATES.sigmoid.grad(0, 25)).toBeCloseTo(25 / 4, 12);
    expect(SURROGATES.boxcar.grad(0.99, 1)).toBe(0.5);
    expect(SURROGATES.boxcar.grad(1.01, 1)).toBe(0);
    expect(SURROGATES.triangular.grad(0.25, 2)).toBe(0.5);
    // Spyx arctan(k) = snnTorch ATan(α = 2k) / (k·π)
    for (const z of POINTS) expect(SURROGATES.spyx_arctan.grad(z, 2)).toBeCloseTo(SURROGATES.snntorch_atan.grad(z, 4) / (2 * Math.PI), 12);
    // area: ∫g = S(∞) − S(−∞)
    expect(SURROGATES.superspike.primitive(1e9, 25) - SURROGATES.superspike.primitive(-1e9, 25)).toBeCloseTo(2 / 25, 6);
    expect(SURROGATES.spyx_arctan.primitive(1e9, 2) - SURROGATES.spyx_arctan.primitive(-1e9, 2)).toBeCloseTo(1 / (2 * Math.PI), 6);
  });

  it('default to Spyx superspike k = 25', () => {
    expect(surrogateSpec()).toEqual({ name: 'superspike', slope: 25 });
    expect(surrogateSpec('spyx_arctan')).toEqual({ name: 'spyx_arctan', slope: 2 });
  });
});
