/**
 * Test support for the neuron models beside it: runs a discretised population (../types.ts) over
 * an input [T, N] (batch 1) through the CPU scan loops the engine trains with
 * (src/engine/tensor/cpu/scanLoops.ts), so each model's test checks the path a run takes against
 * a float64 integration of the model's own equation written out in the test.
 */
import type { DiscreteNeuron } from '../types';
import { membraneOf, scanForward } from '../../tensor/cpu/scanLoops';
import type { ScanSpec } from '../../tensor/kernels/neuronScan';

export interface DiscreteRun {
  /** z_t per step and neuron ([T·N], t-major); all zeros for membrane outputs. */
  spikes: Float32Array;
  /** v_t after the step for spiking layers (after reset), the output v_t for membrane outputs. */
  membrane: Float32Array;
}

export function runDiscrete(neuron: DiscreteNeuron, input: Float32Array, T: number): DiscreteRun {
  const N = neuron.size;
  const spec: ScanSpec = {
    output: neuron.output, synaptic: neuron.synaptic, spikeFrom: neuron.spikeFrom, reset: neuron.reset,
    detachReset: false, adaptive: neuron.adaptive, surrogate: { name: 'superspike', slope: 25 },
  };
  const tape = scanForward(input, neuron, spec, T, 1, N);
  if (neuron.output === 'membrane') return { spikes: new Float32Array(T * N), membrane: membraneOf(tape, spec) };
  return { spikes: tape.out, membrane: tape.v! };
}

/** A deterministic input [T, N] that drives every neuron through several spikes: x = a + b·sin(…). */
export function drive(T: number, N: number, level = 1.5): Float32Array {
  return Float32Array.from({ length: T * N }, (_, i) => {
    const t = Math.floor(i / N), n = i % N;
    return level * (0.6 + 0.4 * Math.sin(0.37 * t + 1.3 * n));
  });
}

/**
 * max_i |got_i − want_i| / max(1, max_i |want_i|): the float32 scan against a float64 reference
 * drifts by a few ulps of the largest membrane, so the error is taken relative to it.
 */
export function relativeError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let err = 0, scale = 1;
  for (let i = 0; i < want.length; i++) {
    err = Math.max(err, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return err / scale;
}
