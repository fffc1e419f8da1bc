/**
 * The fused recurrent scan on the CPU backends (JS loops, ./recurrentScan.ts) against the
 * step-by-step TF.js reference (../kernels/plain/plainRecurrentScan.ts): every case of
 * ../../../harness/conformance/recurrentScanConformance.ts on cpu, and all of them on wasm; spikes identical, membranes and
 * the gradients ∂x, ∂W, ∂β, ∂α, ∂r within 1e-4 of each tensor's largest value.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../runtime/loaders.node';
import { jsRecurrentScan } from './recurrentScan';
import { plainRecurrentScan } from '../kernels/plain/plainRecurrentScan';
import { compareRecurrent, evaluateRecurrent, recurrentCases, runRecurrentConformance } from '../../../harness/conformance/recurrentScanConformance';
import { recurrentScanFor } from '../kernels/recurrentScan';

describe('fused recurrent scan (JS loops) against the step-by-step reference', () => {
  beforeAll(async () => {
    await startNodeBackend('cpu');
  });
  afterAll(async () => {
    await startNodeBackend('cpu');
  });

  for (const c of recurrentCases()) {
    it(c.name, async () => {
      const want = await evaluateRecurrent(c, plainRecurrentScan);
      const got = await evaluateRecurrent(c, jsRecurrentScan);
      const result = compareRecurrent(got, want);
      expect(result.spikes, `${c.name}: the reference spikes`).toBeGreaterThan(0);
      expect(result.spikeFlips, `${c.name}: spike flips`).toBe(0);
      expect(result, JSON.stringify(result.relErr)).toMatchObject({ ok: true });
    });
  }

  it('is the kernel the registry picks on cpu and wasm, and conforms on wasm', async () => {
    const spec = recurrentCases()[0].spec;
    expect(recurrentScanFor(spec, 128, 'cpu')).toBe(jsRecurrentScan);
    expect(recurrentScanFor(spec, 128, 'wasm')).toBe(jsRecurrentScan);
    expect(recurrentScanFor(spec, 128, 'webgl')).toBeNull();
    expect(recurrentScanFor({ ...spec, output: 'membrane' }, 8, 'cpu')).toBeNull();
    await startNodeBackend('wasm');
    const results = await runRecurrentConformance('wasm');
    expect(results.filter((r) => !r.ok).map((r) => `${r.name}: ${JSON.stringify(r)}`)).toEqual([]);
    expect(new Set(results.map((r) => r.path))).toEqual(new Set(['fused']));
  }, 60_000);
});
