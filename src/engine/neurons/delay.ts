/**
 * Delay (NIR `Delay`): y(t) = x(t − d) element-wise, d (the `delay` field) in the file's time unit.
 * Discretised to a whole number of steps per neuron, k = round(d / dt); the first k outputs are 0.
 * k is clamped to [0, 2^31 − 1]: a delay of 1e9 s at dt = 1 ms must not wrap to a negative int32
 * (any k ≥ T already means "all zeros").
 */
import type { DelayNode } from '../graph/types';

const MAX_STEPS = 2 ** 31 - 1;

export function delaySteps(node: DelayNode, dt: number): Int32Array {
  return Int32Array.from(node.delay.data, (d) => Math.min(MAX_STEPS, Math.max(0, Math.round(d / dt))) || 0);
}
