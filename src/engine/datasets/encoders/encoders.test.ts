import { describe, expect, it } from 'vitest';
import { counterHash, lowbias32, uniform01 } from './counterHash';
import { encodeImages, imageSpike } from './imageCoding';
import { sigmaDeltaEncode } from './sigmaDelta';
import { centreFrequencies, cochleaEncode } from './cochlea';
import { countSpikes, spikeAt } from '../formats/bitpack';

describe('counter-based hash', () => {
  it('is a pure function of (seed, sample, t, feature) with uniform output', () => {
    expect(counterHash(1, 2, 3, 4)).toBe(counterHash(1, 2, 3, 4));
    expect(counterHash(1, 2, 3, 4)).not.toBe(counterHash(2, 2, 3, 4));
    expect(counterHash(1, 2, 3, 4)).not.toBe(counterHash(1, 2, 4, 3));
    expect(lowbias32(0)).toBe(0);
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) sum += uniform01(7, i, i % 13, i % 97);
    // Mean of n uniforms: 0.5 ± 0.0020 (one standard deviation); 5σ band.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
  });
});

describe('image coding', () => {
  it('rate codes with probability x·maxRate, deterministically per seed', () => {
    const T = 200;
    const F = 50;
    const pixels = new Uint8Array(F).fill(128);
    const a = encodeImages(pixels, 1, F, 255, T, { kind: 'rate', seed: 3, maxRate: 0.75 });
    const b = encodeImages(pixels, 1, F, 255, T, { kind: 'rate', seed: 3, maxRate: 0.75 });
    const c = encodeImages(pixels, 1, F, 255, T, { kind: 'rate', seed: 4, maxRate: 0.75 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
    const p = (128 / 255) * 0.75;
    // 10,000 Bernoulli(p ≈ 0.376) draws: standard deviation of the rate ≈ 0.0048; 5σ band.
    expect(Math.abs(countSpikes(a) / (T * F) - p)).toBeLessThan(0.025);
    // The batch encoder gives exactly the bits of the pure per-(seed, sample, t, feature) function.
    const two = encodeImages(Uint8Array.of(200, 0, 90, 255, 30, 128), 2, 3, 255, 20, { kind: 'rate', seed: 9 });
    for (let s = 0; s < 2; s++) {
      for (let t = 0; t < 20; t++) {
        for (let f = 0; f < 3; f++) {
          const x = [200, 0, 90, 255, 30, 128][s * 3 + f] / 255;
          expect(spikeAt(two, s * 3 * 3, 3, t, f)).toBe(imageSpike({ kind: 'rate', seed: 9 }, x, s, t, f, 20));
        }
      }
    }
  });

  it('latency codes one spike at round((1 − x)(T − 1)), none at or below the threshold', () => {
    const T = 11;
    // x = 1 → t 0; x = 0.5 → (0.5·10) = 5; x = 0.2 → 8; x = 0.004 → silent (≤ 0.01).
    const pixels = Uint8Array.of(255, 128, 51, 1);
    const out = encodeImages(pixels, 1, 4, 255, T, { kind: 'latency' });
    expect(countSpikes(out)).toBe(3);
    expect(spikeAt(out, 0, 4, 0, 0)).toBe(1);
    expect(spikeAt(out, 0, 4, Math.round((1 - 128 / 255) * 10), 1)).toBe(1);
    expect(spikeAt(out, 0, 4, 8, 2)).toBe(1);
  });

  it('refuses a T that is not a positive whole number with DATA_BAD_OPTIONS', () => {
    expect(() => encodeImages(new Uint8Array(4), 1, 4, 255, 0, { kind: 'latency' })).toThrow(expect.objectContaining({ code: 'DATA_BAD_OPTIONS' }));
  });
});

describe('sigma-delta encoder', () => {
  it('emits ON spikes on a rise, OFF on a fall, one θ step per time step', () => {
    // One channel: 0 → 3 → 3 → 0, no upsampling, θ = 1: ON at t = 1..3 (tracking lag), OFF after.
    const signal = Float32Array.of(0, 3, 3, 3, 0, 0, 0);
    const out = new Uint8Array(2);
    const spikes = sigmaDeltaEncode(signal, 7, 1, { threshold: 1, upsample: 1 }, 8, out);
    expect(spikes).toBe(6);
    expect([1, 2, 3].map((t) => spikeAt(out, 0, 2, t, 0))).toEqual([1, 1, 1]);
    expect([4, 5, 6].map((t) => spikeAt(out, 0, 2, t, 1))).toEqual([1, 1, 1]);
  });
});

describe('cochlea encoder', () => {
  it('puts a pure tone in the channel nearest its frequency', () => {
    const sampleRate = 8000;
    const options = { channels: 32, fMin: 100, fMax: 3800, threshold: 0.002, dt: 0.005, T: 64 };
    const fc = centreFrequencies(options);
    expect(fc[0]).toBeCloseTo(100, 6);
    expect(fc[31]).toBeCloseTo(3800, 6);
    const tone = Float32Array.from({ length: 2400 }, (_, i) => Math.sin((2 * Math.PI * 1000 * i) / sampleRate));
    const out = new Uint8Array(8 * 32);
    cochleaEncode(tone, sampleRate, options, out);
    const perChannel = Array.from({ length: 32 }, (_, c) => Array.from({ length: 64 }, (_, t) => spikeAt(out, 0, 32, t, c)).reduce((a, b) => a + b, 0));
    const best = perChannel.indexOf(Math.max(...perChannel));
    const nearest = Array.from(fc).reduce((bi, f, i) => (Math.abs(f - 1000) < Math.abs(fc[bi] - 1000) ? i : bi), 0);
    expect(Math.abs(best - nearest)).toBeLessThanOrEqual(1);
    expect(perChannel[0]).toBeLessThan(perChannel[best]);
  });
});
