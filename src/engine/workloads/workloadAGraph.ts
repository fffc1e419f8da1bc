/**
 * Workload A of docs/specs/bench.md §2 as a NIR graph the engine compiles:
 *   Input[C] → Linear W1ᵀ → LIF(H) → Linear W2ᵀ → LIF(H) → Linear W3ᵀ → LI(O) → Output
 * with Spyx semantics in the lab's node options: spike from the previous membrane ('pre'),
 * subtractive reset, learnable per-neuron β (clipped to [0, 1]). dt = 1 step; β = 1 − dt/τ gives
 * τ = 1/(1 − β), and r = τ makes the input gain R·dt/τ exactly 1 (Spyx's V = βV + x).
 * NIR weights are (out, in), so the Spyx [in, out] matrices are transposed.
 */
import { withNeuronOptions } from '../graph/labMetadata';
import { filled, type NdArray, type NirGraph } from '../graph/types';
import type { WorkloadAParams } from './canon';

function transposed(w: Float32Array, rows: number, cols: number): NdArray {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = w[i * cols + j];
  return { shape: [cols, rows], data: out };
}

function tauFromBeta(beta: Float32Array): NdArray {
  return { shape: [beta.length], data: Float32Array.from(beta, (b) => 1 / (1 - b)) };
}

export function workloadAGraph(p: WorkloadAParams): NirGraph {
  const lif = (beta: Float32Array) => {
    const tau = tauFromBeta(beta);
    return withNeuronOptions({
      type: 'LIF' as const,
      tau,
      r: { shape: tau.shape, data: Float32Array.from(tau.data) },
      v_leak: filled([beta.length], 0),
      v_threshold: filled([beta.length], 1),
      v_reset: filled([beta.length], 0),
    }, { spikeFrom: 'pre', reset: 'subtract', learnDecay: true });
  };
  const tauOut = tauFromBeta(p.betaOut);
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [p.C] },
      fc1: { type: 'Linear', weight: transposed(p.W1, p.C, p.H) },
      lif1: lif(p.beta1),
      fc2: { type: 'Linear', weight: transposed(p.W2, p.H, p.H) },
      lif2: lif(p.beta2),
      fc3: { type: 'Linear', weight: transposed(p.W3, p.H, p.O) },
      li: withNeuronOptions({ type: 'LI' as const, tau: tauOut, r: { shape: tauOut.shape, data: Float32Array.from(tauOut.data) }, v_leak: filled([p.O], 0) }, { learnDecay: true }),
      output: { type: 'Output', shape: [p.O] },
    },
    edges: [['input', 'fc1'], ['fc1', 'lif1'], ['lif1', 'fc2'], ['fc2', 'lif2'], ['lif2', 'fc3'], ['fc3', 'li'], ['li', 'output']],
    metadata: { spikelab: { dt: 1, time_unit: 'step' } },
  };
}
