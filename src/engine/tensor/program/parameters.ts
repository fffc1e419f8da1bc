/**
 * The tensors a program holds: trainable weights (tf.Variable, keyed "node/param") and the
 * per-neuron scan constants of every neuron population (./../../neurons). Learned decays are
 * variables too (Spyx: β and α are parameters, clipped to [0, 1] in the scan).
 */
import * as tf from '@tensorflow/tfjs-core';
import type { NirNode } from '../../graph/types';
import type { DiscreteNeuron } from '../../neurons';
import type { ScanParams } from '../kernels/neuronScan';
import type { LayerWeights } from './layers';

export type VariableMap = Record<string, tf.Variable>;

function variable(values: Float32Array, shape: number[], name: string, trainable: boolean): tf.Variable {
  return tf.tidy(() => tf.variable(tf.tensor(values, shape, 'float32'), trainable, name));
}

/** Unique variable names per program instance (TF.js names are global). */
let programCounter = 0;
export function nextProgramId(): number {
  return ++programCounter;
}

export function layerWeights(name: string, node: NirNode, variables: VariableMap, trainable: boolean, scope: string): LayerWeights {
  const make = (param: string, values: Float32Array, shape: number[]) => {
    const v = variable(values, shape, `${scope}/${name}/${param}`, trainable);
    variables[`${name}/${param}`] = v;
    return v;
  };
  switch (node.type) {
    case 'Affine':
      return { weight: make('weight', node.weight.data, node.weight.shape), bias: make('bias', node.bias.data, [node.bias.data.length]) };
    case 'Linear':
      return { weight: make('weight', node.weight.data, node.weight.shape) };
    case 'Conv1d':
    case 'Conv2d':
      return { weight: make('weight', node.weight.data, node.weight.shape), bias: make('bias', node.bias.data, [node.bias.data.length]) };
    case 'Scale':
      return { scale: tf.keep(tf.tensor(node.scale.data, node.scale.shape)) };
    default:
      return {};
  }
}

export function neuronParams(name: string, neuron: DiscreteNeuron, variables: VariableMap, trainable: boolean, scope: string): ScanParams {
  const constant = (values: Float32Array) => tf.keep(tf.tensor1d(values));
  const decay = (param: 'beta' | 'alpha', values: Float32Array) => {
    if (!neuron.learnDecay) return constant(values);
    const v = variable(values, [values.length], `${scope}/${name}/${param}`, trainable);
    variables[`${name}/${param}`] = v;
    return v;
  };
  const params: ScanParams = {
    beta: decay('beta', neuron.beta),
    gainIn: constant(neuron.gainIn),
    bias: constant(neuron.bias),
    threshold: constant(neuron.threshold),
    vReset: constant(neuron.vReset),
  };
  if (neuron.alpha) params.alpha = decay('alpha', neuron.alpha);
  if (neuron.gainCur) params.gainCur = constant(neuron.gainCur);
  if (neuron.gamma) params.gamma = constant(neuron.gamma);
  return params;
}
