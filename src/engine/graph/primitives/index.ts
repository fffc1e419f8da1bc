/**
 * The catalogue of NIR primitives: one entry per node type (one file each beside this one), and
 * the look-ups everything else uses: the entry of a type, the spec of one of its fields, the
 * palette's node, whether a type is element-wise or stateful. Names read from files are data:
 * look-ups by a string that may not be a type go through `primitiveOf`, never `PRIMITIVES[...]`.
 */
import { hasKey } from '../../core/records';
import type { NdArray, NirNode, NodeType } from '../types';
import { affinePrimitive } from './affine';
import { avgPool2dPrimitive } from './avgPool2d';
import { conv1dPrimitive } from './conv1d';
import { conv2dPrimitive } from './conv2d';
import { cubaLiPrimitive } from './cubaLi';
import { cubaLifPrimitive } from './cubaLif';
import { delayPrimitive } from './delay';
import { flattenPrimitive } from './flatten';
import { ifPrimitive } from './if';
import { inputPrimitive } from './input';
import { integratorPrimitive } from './integrator';
import { linearPrimitive } from './linear';
import { liPrimitive } from './li';
import { lifPrimitive } from './lif';
import { nirGraphPrimitive } from './nirGraph';
import { outputPrimitive } from './output';
import type { ParamSpec, Primitive } from './primitive';
import { scalePrimitive } from './scale';
import { sumPool2dPrimitive } from './sumPool2d';
import { thresholdPrimitive } from './threshold';

export { CATEGORIES, type Category } from './categories';
export { isInferred, PALETTE_SIZE, type Bound, type IfAbsent, type NeuronTraits, type ParamKind, type ParamSpec, type Primitive, type Quantity, type Trained } from './primitive';
export { isDuration, unitOf } from './units';

export const PRIMITIVES: Readonly<Record<NodeType, Primitive>> = {
  Input: inputPrimitive,
  Output: outputPrimitive,
  Affine: affinePrimitive,
  Linear: linearPrimitive,
  Scale: scalePrimitive,
  Conv1d: conv1dPrimitive,
  Conv2d: conv2dPrimitive,
  SumPool2d: sumPool2dPrimitive,
  AvgPool2d: avgPool2dPrimitive,
  Flatten: flattenPrimitive,
  Delay: delayPrimitive,
  Threshold: thresholdPrimitive,
  I: integratorPrimitive,
  IF: ifPrimitive,
  LI: liPrimitive,
  LIF: lifPrimitive,
  CubaLI: cubaLiPrimitive,
  CubaLIF: cubaLifPrimitive,
  NIRGraph: nirGraphPrimitive,
};

/** The entry of `type`, or undefined when it is not a NIR type (a bad file, a hand-made graph). */
export function primitiveOf(type: string): Primitive | undefined {
  return hasKey(PRIMITIVES, type) ? PRIMITIVES[type as NodeType] : undefined;
}

/** The spec of field `key` of `type`. */
export function paramOf(type: NodeType, key: string): ParamSpec | undefined {
  return PRIMITIVES[type].params.find((p) => p.key === key);
}

/** The float parameters of `node` in its type's order, [key, values], leaving out absent ones. */
export function parameterArrays(node: NirNode): Array<[string, NdArray]> {
  const record = node as unknown as Record<string, unknown>;
  return (primitiveOf(node.type)?.params ?? []).flatMap((p): Array<[string, NdArray]> => {
    const value = record[p.key] as Partial<NdArray> | undefined;
    return p.kind === 'array' && value?.data instanceof Float32Array ? [[p.key, value as NdArray]] : [];
  });
}

/** A sensible node of each type for the palette (10 neurons, τ = 20 ms, θ = 1; weights from `seed`). */
export function defaultNode(type: NodeType, seed = 1): NirNode {
  return PRIMITIVES[type].create(seed);
}

/** Element-wise types (Scale, Delay, Threshold, the neurons): every parameter has the layer's shape. */
export function isElementwise(type: string): boolean {
  return primitiveOf(type)?.sizedBy !== undefined;
}

/** Whether a node of `type` keeps state between steps (a neuron, a Delay, a subgraph). */
export function isStateful(type: string): boolean {
  return primitiveOf(type)?.stateful ?? false;
}
