/**
 * The memory budget of a training step (issue 5's target, after the Spyx paper's accounting):
 *   weights + Adam state (2 values per trainable weight) + the resident packed dataset
 *   + 2·T·B·n·4 bytes per neuron population of n
 * — per layer, room for what the backward must read (the membranes) and the spikes the next layer
 * consumes; nothing else of size T·B may outlive its layer. Bytes, float32.
 */
import type { Program } from '../../engine/tensor/program/program';

export function memoryBudgetBytes(program: Program, T: number, B: number, residentBytes: number): number {
  const variables = Object.values(program.variables);
  const weights = variables.reduce((sum, v) => sum + v.size * 4, 0);
  const adam = variables.filter((v) => v.trainable).reduce((sum, v) => sum + 2 * v.size * 4, 0);
  const perStep = program.neuronLayers().reduce((sum, layer) => sum + 2 * T * B * layer.size * 4, 0);
  return weights + adam + residentBytes + perStep;
}
