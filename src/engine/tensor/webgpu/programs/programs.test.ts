import { describe, expect, it } from 'vitest';
import { scanCases } from '../../../../harness/conformance/fusedScanCases';
import { GatherUnpackProgram } from './gatherUnpackProgram';
import { RecurrentBackwardProgram } from './recurrentBackwardProgram';
import { RecurrentForwardProgram } from './recurrentForwardProgram';
import { ScanBackwardProgram } from './scanBackwardProgram';
import { ScanForwardProgram } from './scanForwardProgram';
import { ScanSpikesProgram } from './scanSpikesProgram';
import { scanLayout, scanShaderKey } from './scanLayout';

// The WGSL generators, checked without a GPU (e2e/gpu-conformance.spec.ts runs them). With the
// pipeline layout 'auto', a bound input the shader never reads invalidates the bind group and
// WebGPU drops the whole command buffer (it silently zeroed outputs once), so every program must
// read every one of its variables.
const reads = (code: string, name: string) => new RegExp(`\\b${name}\\[`).test(code);

describe('fused-scan and unpack WGSL programs', () => {
  const specs = scanCases().map((c) => c.spec);

  it('read every input they bind, for every spec variant and surrogate', () => {
    for (const spec of specs) {
      const spikes = spec.output === 'spikes' ? [new ScanSpikesProgram(spec, 5, 6)] : [];
      for (const program of [new ScanForwardProgram(spec, 5, 6), new ScanBackwardProgram(spec, 5, 6), ...spikes]) {
        const code = program.getUserCode();
        for (const name of program.variableNames) expect(reads(code, name), `${program.shaderKey} reads ${name}`).toBe(true);
        if ('outputNames' in program) {
          for (const name of program.outputNames) expect(new RegExp(`\\b${name}\\[[^\\]]*\\] =`).test(code), `${program.shaderKey} writes ${name}`).toBe(true);
        }
      }
    }
    // the recurrent passes: one neuron per invocation (N = 6) and several (N = 300)
    for (const spec of specs.filter((s) => s.output === 'spikes')) {
      for (const N of [6, 300]) {
        for (const program of [new RecurrentForwardProgram(spec, 5, 2, N), new RecurrentBackwardProgram(spec, 5, 2, N)]) {
          const code = program.getUserCode();
          for (const name of program.variableNames) expect(reads(code, name), `${program.shaderKey} reads ${name}`).toBe(true);
        }
      }
    }
    for (const shifted of [false, true]) {
      const program = new GatherUnpackProgram(13, 4, 5, shifted);
      for (const name of program.variableNames) expect(reads(program.getUserCode(), name)).toBe(true);
    }
  });

  it('give each distinct spec its own shader key (the pipeline cache key)', () => {
    const keys = new Map<string, string>();
    for (const spec of specs) {
      const key = scanShaderKey(spec);
      const spikes = spec.output === 'spikes' ? new ScanSpikesProgram(spec, 1, 1).getUserCode() : '';
      const code = new ScanForwardProgram(spec, 1, 1).getUserCode() + new ScanBackwardProgram(spec, 1, 1).getUserCode() + spikes;
      if (keys.has(key)) expect(keys.get(key)).toBe(code);
      keys.set(key, code);
    }
    expect(keys.size).toBeGreaterThanOrEqual(40);
  });

  it('save only the state the backward cannot recompute (layout of scanLayout.ts)', () => {
    const base = specs[0];
    // LIF/IF/LI: the membrane only (the spikes are the layer's own output buffer).
    expect(scanLayout({ ...base, output: 'membrane', synaptic: false })).toMatchObject({ slots: 1, mem: 0, c: -1, a: -1 });
    expect(scanLayout({ ...base, spikeFrom: 'pre', synaptic: false, adaptive: false })).toMatchObject({ slots: 1, mem: 0, c: -1, a: -1 });
    expect(scanLayout({ ...base, spikeFrom: 'post', synaptic: true, adaptive: true })).toMatchObject({ slots: 3, mem: 0, c: 1, a: 2 });
    expect(new ScanSpikesProgram({ ...base, output: 'spikes' }, 7, 3).outputShape).toEqual([7 * 3]);
    // the forward's state and spikes; the backward's dx (T·lanes values) and one lane block per parameter gradient
    const adaptiveForward = new ScanForwardProgram({ ...base, output: 'spikes', spikeFrom: 'post', synaptic: true, adaptive: true }, 7, 3);
    expect(adaptiveForward.outputNames).toEqual(['result', 'spikes']);
    expect(adaptiveForward.outputShapes).toEqual([[3 * 7 * 3], [7 * 3]]);
    expect(new ScanForwardProgram({ ...base, output: 'membrane', synaptic: false }, 7, 3).outputShapes).toEqual([[7 * 3]]);
    const synapticBackward = new ScanBackwardProgram({ ...base, synaptic: true }, 7, 3);
    expect(synapticBackward.outputNames).toEqual(['result', 'dBeta', 'dAlpha']);
    expect(synapticBackward.outputShapes).toEqual([[7 * 3], [3], [3]]);
    // the recurrent forward saves the same state (its spikes come from ScanSpikesProgram too)
    const alif = { ...base, output: 'spikes', spikeFrom: 'post', synaptic: false, adaptive: true } as const;
    expect(new RecurrentForwardProgram(alif, 7, 2, 3).outputShape).toEqual([2 * 7 * 2 * 3]);
    expect(new RecurrentForwardProgram({ ...alif, adaptive: false }, 7, 2, 3).outputShape).toEqual([7 * 2 * 3]);
  });

  it('carry in the recurrent passes only the registers the spec uses', () => {
    const lif = { ...specs[0], output: 'spikes', spikeFrom: 'post', synaptic: false, adaptive: false } as const;
    const forward = new RecurrentForwardProgram(lif, 4, 2, 6).getUserCode();
    expect(forward).not.toMatch(/\b[ca]S\b/);
    const backward = new RecurrentBackwardProgram(lif, 4, 2, 6).getUserCode();
    expect(backward).not.toMatch(/\b(lc|la|dah)S\b/);
    expect(new RecurrentForwardProgram({ ...lif, synaptic: true, adaptive: true }, 4, 2, 6).getUserCode()).toMatch(/\bcS\b[\s\S]*\baS\b/);
  });
});
