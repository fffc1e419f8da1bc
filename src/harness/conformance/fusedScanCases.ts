/**
 * The conformance cases for neuron scans: every ScanSpec variant (spiking: synaptic × spikeFrom ×
 * reset × detachReset × adaptive = 32; membrane output: plain or synaptic = 2) with the primary
 * surrogate, plus every surrogate on the LIF and Spyx variants. Tiny sizes (T ≤ 12, B ≤ 4, N ≤ 16)
 * so SwiftShader runs them all in one page load.
 */
import { SURROGATE_NAMES, surrogateSpec } from '../../engine/surrogates';
import type { ScanSpec } from '../../engine/tensor/kernels/neuronScan';

export interface ScanCase {
  name: string;
  spec: ScanSpec;
  T: number;
  B: number;
  N: number;
  seed: number;
}

function describe(spec: ScanSpec): string {
  if (spec.output === 'membrane') return `${spec.synaptic ? 'CubaLI' : 'LI'}`;
  const model = `${spec.synaptic ? 'CubaLIF' : 'LIF'}${spec.adaptive ? '+ALIF' : ''}`;
  return `${model} ${spec.spikeFrom} ${spec.reset}${spec.detachReset ? ' detached' : ''}`;
}

export function scanCases(): ScanCase[] {
  const cases: ScanCase[] = [];
  const add = (spec: ScanSpec, label = describe(spec)) => {
    const seed = cases.length + 1;
    cases.push({ name: `${label} [${spec.surrogate.name}]`, spec, T: 6 + (seed % 7), B: 1 + (seed % 4), N: 3 + (seed % 14), seed });
  };
  const primary = surrogateSpec('superspike');
  for (const synaptic of [false, true]) {
    for (const spikeFrom of ['pre', 'post'] as const) {
      for (const reset of ['subtract', 'to_reset'] as const) {
        for (const detachReset of [false, true]) {
          for (const adaptive of [false, true]) add({ output: 'spikes', synaptic, spikeFrom, reset, detachReset, adaptive, surrogate: primary });
        }
      }
    }
    add({ output: 'membrane', synaptic, spikeFrom: 'post', reset: 'to_reset', detachReset: false, adaptive: false, surrogate: primary });
  }
  for (const name of SURROGATE_NAMES) {
    const surrogate = surrogateSpec(name);
    add({ output: 'spikes', synaptic: false, spikeFrom: 'post', reset: 'to_reset', detachReset: true, adaptive: false, surrogate }, 'LIF (NIR/Norse)');
    add({ output: 'spikes', synaptic: false, spikeFrom: 'pre', reset: 'subtract', detachReset: false, adaptive: false, surrogate }, 'LIF (Spyx)');
  }
  return cases;
}
