/**
 * Delay (NIR `Delay`): y(t) = x(t − τ_d) element-wise, τ_d in the file's time unit. Discretised
 * to a whole number of steps per neuron, k = round(τ_d / dt); the first k outputs are 0.
 */
import type { DelayNode } from '../graph/types';

export function delaySteps(node: DelayNode, dt: number): Int32Array {
  return Int32Array.from(node.delay.data, (d) => Math.max(0, Math.round(d / dt)));
}
