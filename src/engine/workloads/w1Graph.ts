/**
 * Workload W1 of docs/specs/webgpu.md (end: the CPU comparison network) as a NIR graph the
 * engine compiles (the bench's W1 cell, scripts/cpu-bench.ts, the CPU fast-path tests):
 *   Input[700] → Linear W1 (H × 700) → LIF(H) → Linear W2 (20 × H) → LI(20) → Output
 * LIF: β = 0.95 fixed (τ = 20 steps, dt = 1, R = τ so the input gain is 1), θ = 1, subtractive
 * reset, spike from the updated membrane ('post'; run with detachReset and fast sigmoid k = 25);
 * LI: β = 0.95, gain 1. Weights W1 ~ U(±2·√(3/700)), W2 ~ U(±0.02/√H) from mulberry32(seed);
 * Data: x ~ Bernoulli(p = 0.02) time-major [T, B, 700], labels b mod 20.
 */
import { mulberry32 } from '../core/rng';
import { withNeuronOptions } from '../graph/labMetadata';
import { filled, type NirGraph } from '../graph/types';

export const W1_INPUTS = 700;
export const W1_CLASSES = 20;
const TAU = 20;

export function w1Graph({ H = 128, seed = 42 }: { H?: number; seed?: number } = {}): NirGraph {
  const r = mulberry32(seed);
  const uniform = (count: number, a: number) => Float32Array.from({ length: count }, () => (2 * r.uniform() - 1) * a);
  const W1 = uniform(H * W1_INPUTS, 2 * Math.sqrt(3 / W1_INPUTS));
  const W2 = uniform(W1_CLASSES * H, 0.02 / Math.sqrt(H));
  return {
    type: 'NIRGraph',
    nodes: {
      input: { type: 'Input', shape: [W1_INPUTS] },
      fc1: { type: 'Linear', weight: { shape: [H, W1_INPUTS], data: W1 } },
      lif: withNeuronOptions({
        type: 'LIF' as const, tau: filled([H], TAU), r: filled([H], TAU), v_leak: filled([H], 0),
        v_threshold: filled([H], 1), v_reset: filled([H], 0),
      }, { spikeFrom: 'post', reset: 'subtract' }),
      fc2: { type: 'Linear', weight: { shape: [W1_CLASSES, H], data: W2 } },
      li: { type: 'LI', tau: filled([W1_CLASSES], TAU), r: filled([W1_CLASSES], TAU), v_leak: filled([W1_CLASSES], 0) },
      output: { type: 'Output', shape: [W1_CLASSES] },
    },
    edges: [['input', 'fc1'], ['fc1', 'lif'], ['lif', 'fc2'], ['fc2', 'li'], ['li', 'output']],
    metadata: { spikelab: { dt: 1, time_unit: 'step' } },
  };
}
