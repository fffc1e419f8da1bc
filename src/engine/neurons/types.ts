/**
 * A neuron population turned into discrete time: the per-neuron constants of the scan in
 * src/engine/tensor/kernels/neuronScan.ts (whose doc comment holds the update equations) and how it runs.
 * Each NIR neuron model has one file here that maps its continuous-time parameters to these, for
 * a dt in the file's time unit and the lab's options (spike convention, reset, integration).
 */
import type { NeuronOptions } from '../graph/labMetadata';

export interface DiscreteNeuron {
  /** 'spikes' for spiking models (output z_t), 'membrane' for integrators (output v). */
  output: 'spikes' | 'membrane';
  synaptic: boolean;
  adaptive: boolean;
  spikeFrom: NeuronOptions['spikeFrom'];
  reset: NeuronOptions['reset'];
  size: number;
  beta: Float32Array;
  gainIn: Float32Array;
  bias: Float32Array;
  threshold: Float32Array;
  vReset: Float32Array;
  alpha?: Float32Array;
  gainCur?: Float32Array;
  gamma?: Float32Array;
  /** Learn β (and α) per neuron, Spyx-style, clipped to [0, 1] in the scan. */
  learnDecay: boolean;
}

/** Decay and input weight of one first-order stage dx/dt = (−x + g·u)/τ over one step dt. */
export function decay(dt: number, tau: number, integration: NeuronOptions['integration']): { keep: number; take: number } {
  if (integration === 'exact') {
    const keep = Math.exp(-dt / tau);
    return { keep, take: 1 - keep };
  }
  return { keep: 1 - dt / tau, take: dt / tau };
}

export function perNeuron(size: number, f: (i: number) => number): Float32Array {
  const out = new Float32Array(size);
  for (let i = 0; i < size; i++) out[i] = f(i);
  return out;
}
