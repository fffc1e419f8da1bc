/**
 * One NIR node group → a NirNode of the graph model (docs/specs/nir.md §5), applying the
 * node-local quirks of the tolerant profile (§10): missing v_reset / w_in, mixed 0-d / (1,) / (n,)
 * parameter shapes, scalar pooling and conv parameters, upper-case padding, Conv without
 * input_shape, Flatten without input_type. Which fields a type has, which a file may lack, what
 * is filled in then and the warning it gives come from the catalogue (../graph/primitives); an
 * element-wise type (a neuron model) is read from it alone. Graph-level quirks are in readGraph.ts /
 * normalize.ts.
 */
import { MAX_LAYER_ELEMENTS, MAX_RANK, type ByteBudget } from '../core/limits';
import type { H5Group } from '../hdf5';
import { isElementwise, paramOf, PRIMITIVES } from '../graph/primitives';
import { isNodeType, NODE_TYPES, sizeOf, type NdArray, type NirNode, type NodeType } from '../graph/types';
import { NodeFields, nirError } from './h5fields';
import { readMetadata } from './metadata';
import { broadcastTo, formatShape, sameShape } from './ndarrays';
import { SCHEMA } from './schema';
import type { WarningList } from './warnings';

export interface NodeContext {
  /** Node path for messages and warnings ("lif1", "sub.lif"). */
  name: string;
  /** HDF5 path of the group, for error `where`. */
  where: string;
  warnings: WarningList;
  /** What broadcasting parameters may allocate, the whole file together. */
  budget: ByteBudget;
  readGraph(group: H5Group, ctx: NodeContext): NirNode;
}

const GRAPH_KEYS = new Set(['type', 'nodes', 'edges', 'metadata', ...PRIMITIVES.NIRGraph.nirIgnored]);

export function nodeType(fields: NodeFields): NodeType {
  if (!fields.has('type')) {
    throw nirError('NIR_MISSING_TYPE', `${fields.where} has no "type" dataset, so it is not a NIR node.`, 'Re-export the network with nir.write; every node group stores its type.', fields.where);
  }
  const type = fields.scalarString('type');
  if (type === undefined) {
    throw nirError('NIR_BAD_TYPE', `${fields.where}/type is not a string.`, 'Re-export the network with nir.write.', fields.where);
  }
  if (!isNodeType(type)) {
    throw nirError('NIR_UNKNOWN_NODE_TYPE', `${fields.where} has type "${type}", which is not one of NIR's ${NODE_TYPES.length} node types.`,
      `Replace it by NIR primitives before exporting (Spikelab reads ${NODE_TYPES.join(', ')}).`, fields.where);
  }
  return type;
}

function checkKeys(fields: NodeFields, type: NodeType): void {
  const allowed = type === 'NIRGraph' ? GRAPH_KEYS : new Set(['type', 'metadata', ...SCHEMA[type].required, ...SCHEMA[type].defaults, ...SCHEMA[type].ignored]);
  for (const key of Object.keys(fields.group.children)) {
    if (!allowed.has(key)) {
      throw nirError('NIR_UNEXPECTED_PARAMETER', `${fields.where} (${type}) has a dataset "${key}", which ${type} does not have.`,
        `The official nir.read rejects it too. ${type} takes: ${type === 'NIRGraph' ? 'nodes, edges' : [...SCHEMA[type].required, ...SCHEMA[type].defaults].join(', ')}; move extras into the node's metadata.`, fields.where);
    }
  }
}

/** Refuses a node that lacks a parameter its type requires (nir.read refuses it too), except those the tolerant reader infers (§10.5). */
function requireParameters(fields: NodeFields, type: Exclude<NodeType, 'NIRGraph'>, ctx: NodeContext): void {
  const missing = SCHEMA[type].required.filter((key) => paramOf(type, key)?.ifAbsent === undefined && !fields.has(key));
  if (missing.length === 0) return;
  throw nirError('NIR_MISSING_PARAMETER', `${type} "${ctx.name}" has no ${missing.map((k) => `"${k}"`).join(', ')} dataset${missing.length > 1 ? 's' : ''}; ${type} requires ${SCHEMA[type].required.join(', ')}.`,
    `Re-export the network with a current NIR version (nir.write writes every parameter of a ${type}); the official nir.read refuses this node too.`, ctx.where);
}

/** The reader's warning (from the catalogue) for a field the file lacks. */
function noteAbsent(type: NodeType, key: string, ctx: NodeContext): void {
  const warning = paramOf(type, key)?.ifAbsent?.warning;
  if (warning) ctx.warnings.add(warning.code, `${type} "${ctx.name}" ${warning.note}`, ctx.name);
}

/** A 0-d integer, or the value the catalogue fills in when the file lacks it (Flatten dims). */
function intOrFill(fields: NodeFields, type: NodeType, key: string): number {
  return fields.has(key) ? fields.scalarInt(key) : paramOf(type, key)!.ifAbsent!.fill!;
}

/** Checks a shape read from the file (Input/Output shape, Flatten input_type, Conv input_shape). */
function checkDims(values: number[], key: string, ctx: NodeContext, positive: boolean): number[] {
  if (values.length > MAX_RANK) {
    throw nirError('NIR_BAD_PARAMETER_RANK', `${ctx.name}: ${key} has ${values.length} dimensions; Spikelab reads shapes of at most ${MAX_RANK}.`, 'Re-export the network with the data shape (without batch dim).', ctx.where);
  }
  const bad = values.find((v) => v < (positive ? 1 : 0) || v > MAX_LAYER_ELEMENTS);
  if (bad !== undefined) {
    throw nirError('NIR_BAD_PARAMETER', `${ctx.name}: ${key} [${values.join(', ')}] has the dimension ${bad}; each must be ${positive ? 'from 1' : 'from 0'} to ${MAX_LAYER_ELEMENTS}.`, 'Re-export the network with the data shape (without batch dim).', ctx.where);
  }
  const size = values.reduce((a, b) => a * b, 1);
  if (size > MAX_LAYER_ELEMENTS) {
    throw nirError('NIR_TOO_LARGE', `${ctx.name}: ${key} [${values.join(', ')}] is ${size} elements, over the ${MAX_LAYER_ELEMENTS} one layer may hold.`, 'Check that the file is what you meant to open; such a layer does not fit in memory.', ctx.where);
  }
  return values;
}

/** Reads the float parameters of an element-wise node and brings them to one shape. */
function elementwise(fields: NodeFields, type: NodeType, ctx: NodeContext): Record<string, NdArray> {
  const schema = SCHEMA[type as Exclude<NodeType, 'NIRGraph'>];
  const params: Record<string, NdArray> = {};
  for (const key of schema.float) {
    if (!fields.has(key)) continue;
    params[key] = fields.floats(key, () => ctx.warnings.add('NIR_INT_PARAMETER', `${key} of ${ctx.name} is stored as integers; read as floats.`, ctx.name));
  }
  const present = Object.values(params);
  const full = present.filter((p) => sizeOf(p.shape) !== 1 || p.shape.length > 1);
  let shape = full[0]?.shape ?? present.find((p) => p.shape.length > 0)?.shape ?? [];
  if (full.some((p) => !sameShape(p.shape, full[0].shape))) {
    const listed = Object.entries(params).map(([k, p]) => `${k} ${formatShape(p.shape)}`).join(', ');
    throw nirError('NIR_BAD_PARAMETER_SHAPES', `${type} "${ctx.name}" has parameters of different shapes: ${listed}.`, `All parameters of a ${type} node must have the same shape (one value per neuron); re-export the network.`, ctx.where);
  }
  // Only scalars, some 0-d and some (1,) (snnTorch wraps a Python-number threshold): keep them 0-d,
  // so that normalize.ts broadcasts them all to the neighbouring layer's size.
  if (full.length === 0) shape = present.some((p) => p.shape.length === 0) ? [] : (present[0]?.shape ?? []);
  const mixed = present.some((p) => !sameShape(p.shape, shape));
  if (mixed) {
    for (const [key, p] of Object.entries(params)) if (!sameShape(p.shape, shape)) params[key] = broadcastTo(p, shape, ctx.budget, ctx.where);
    if (shape.length > 0) ctx.warnings.add('NIR_SCALAR_PARAMS', `${type} "${ctx.name}" mixes scalar and per-neuron parameters; scalars were broadcast to ${formatShape(shape)}.`, ctx.name);
  }
  for (const param of PRIMITIVES[type].params) {
    const fill = param.ifAbsent?.fill;
    if (param.kind !== 'array' || fill === undefined || params[param.key]) continue;
    params[param.key] = broadcastTo({ shape: [], data: new Float32Array([fill]) }, shape, ctx.budget, ctx.where);
    noteAbsent(type, param.key, ctx);
  }
  for (const param of PRIMITIVES[type].params) {
    if (param.quantity === 'time constant' && params[param.key]?.data.some((v) => v === Infinity)) {
      ctx.warnings.add('NIR_INFINITE_TAU', `${param.key} of ${ctx.name} is infinite (e.g. a Lava export of a zero decay): read as "no leak".`, ctx.name);
    }
  }
  return params;
}

function pair(fields: NodeFields, key: string, ctx: NodeContext, warnScalar: boolean): [number, number] {
  const { shape, values } = fields.ints(key);
  if (values.length === 1) {
    if (warnScalar && shape.length === 0) ctx.warnings.add('NIR_SCALAR_POOL', `${key} of ${ctx.name} is a scalar ${values[0]}; read as (${values[0]}, ${values[0]}).`, ctx.name);
    return bounded([values[0], values[0]], key, ctx);
  }
  if (values.length !== 2) throw nirError('NIR_BAD_PARAMETER', `${ctx.name}: ${key} must hold 2 integers, got ${formatShape(shape)}.`, 'Re-export the network; 2-D layers take (height, width) pairs.', ctx.where);
  return bounded([values[0], values[1]], key, ctx);
}

function single(fields: NodeFields, key: string, ctx: NodeContext): [number] {
  const { shape, values } = fields.ints(key);
  if (values.length !== 1) throw nirError('NIR_BAD_PARAMETER', `${ctx.name}: ${key} must hold 1 integer, got ${formatShape(shape)}.`, 'Re-export the network.', ctx.where);
  return bounded([values[0]], key, ctx);
}

/** Strides, paddings, dilations and kernel sizes within ±MAX_LAYER_ELEMENTS (ranges are validate.ts's). */
function bounded<T extends number[]>(values: T, key: string, ctx: NodeContext): T {
  if (values.some((v) => Math.abs(v) > MAX_LAYER_ELEMENTS)) {
    throw nirError('NIR_BAD_PARAMETER', `${ctx.name}: ${key} (${values.join(', ')}) is out of range (at most ${MAX_LAYER_ELEMENTS}).`, 'Re-export the network.', ctx.where);
  }
  return values;
}

function padding(fields: NodeFields, ctx: NodeContext, spatial: 1 | 2): [number] | [number, number] | 'same' | 'valid' {
  const text = fields.scalarString('padding');
  if (text === undefined) return spatial === 1 ? single(fields, 'padding', ctx) : pair(fields, 'padding', ctx, false);
  const lower = text.toLowerCase();
  if (lower !== 'same' && lower !== 'valid') {
    throw nirError('NIR_BAD_PARAMETER', `${ctx.name}: padding "${text}" is neither "same" nor "valid".`, 'Use integer padding or "same"/"valid".', ctx.where);
  }
  if (lower !== text) ctx.warnings.add('NIR_PADDING_CASE', `${ctx.name}: padding "${text}" (old Spyx spelling) read as "${lower}".`, ctx.name);
  return lower;
}

function denseWeight(fields: NodeFields, ctx: NodeContext, type: string): NdArray {
  const weight = fields.floats('weight');
  if (weight.shape.length < 2) {
    throw nirError('NIR_BAD_PARAMETER_SHAPES', `${type} "${ctx.name}": weight must be at least 2-D (out, in), got ${formatShape(weight.shape)}.`, 'Re-export the network; dense weights are stored (out, in) like torch.nn.Linear.weight.', ctx.where);
  }
  return weight;
}

function affineBias(fields: NodeFields, weight: NdArray, ctx: NodeContext): NdArray {
  const bias = fields.floats('bias');
  const expected = weight.shape.slice(0, -1);
  if (sameShape(bias.shape, expected)) return bias;
  if (sizeOf(bias.shape) === sizeOf(expected) && bias.shape.filter((d) => d !== 1).length <= 1) return { shape: expected, data: bias.data };
  if (sizeOf(bias.shape) === 1) return broadcastTo(bias, expected, ctx.budget, ctx.where);
  if (weight.shape.length === 2 && sizeOf(bias.shape) === weight.shape[1]) {
    throw nirError('NIR_WEIGHT_TRANSPOSED', `Affine "${ctx.name}": weight ${formatShape(weight.shape)} with bias ${formatShape(bias.shape)} looks stored as (in, out), as old Spyx (Haiku) files did; NIR stores (out, in).`,
      `Transpose the weight to (${weight.shape[1]}, ${weight.shape[0]}) before exporting (e.g. weight.T in NumPy), or re-export with a current Spyx.`, ctx.where);
  }
  throw nirError('NIR_BAD_PARAMETER_SHAPES', `Affine "${ctx.name}": bias ${formatShape(bias.shape)} does not match weight ${formatShape(weight.shape)} (expected ${formatShape(expected)}).`, 'Re-export the network.', ctx.where);
}

function convInputShape(fields: NodeFields, ctx: NodeContext, spatial: 1 | 2): [number] | [number, number] | undefined {
  if (!fields.has('input_shape')) {
    noteAbsent(spatial === 1 ? 'Conv1d' : 'Conv2d', 'input_shape', ctx);
    return undefined;
  }
  if (spatial === 1) return checkDims([fields.scalarInt('input_shape')], 'input_shape', ctx, true) as [number];
  return checkDims(pair(fields, 'input_shape', ctx, false), 'input_shape', ctx, true) as [number, number];
}

export function readNode(group: H5Group, ctx: NodeContext): NirNode {
  const fields = new NodeFields(group, ctx.where);
  const type = nodeType(fields);
  checkKeys(fields, type);
  const node = type === 'NIRGraph' ? ctx.readGraph(group, ctx) : readPrimitive(fields, type, ctx);
  const meta = group.children.metadata;
  if (meta?.kind === 'group') {
    const metadata = readMetadata(meta, `${ctx.where}/metadata`, ctx.warnings, ctx.name);
    if (Object.keys(metadata).length > 0) node.metadata = metadata;
  }
  return node;
}

function readPrimitive(fields: NodeFields, type: Exclude<NodeType, 'NIRGraph'>, ctx: NodeContext): NirNode {
  requireParameters(fields, type, ctx);
  if (isElementwise(type)) return { type, ...elementwise(fields, type, ctx) } as NirNode;
  switch (type) {
    case 'Input':
    case 'Output': {
      const ds = fields.dataset('shape');
      if (ds.dtype.class === 'float') ctx.warnings.add('NIR_FLOAT_SHAPE', `${type} "${ctx.name}": shape is stored as floats; read as integers.`, ctx.name);
      const { values } = fields.ints('shape');
      if (values.some((v) => v < 0)) throw nirError('NIR_BAD_PARAMETER', `${type} "${ctx.name}" has a negative dimension in shape [${values.join(', ')}].`, 'Re-export the network with the data shape (without batch dim).', ctx.where);
      return { type, shape: checkDims(values, 'shape', ctx, false) };
    }
    case 'Affine': {
      const weight = denseWeight(fields, ctx, 'Affine');
      return { type, weight, bias: affineBias(fields, weight, ctx) };
    }
    case 'Linear':
      return { type, weight: denseWeight(fields, ctx, 'Linear') };
    case 'Conv1d':
    case 'Conv2d': {
      const spatial = type === 'Conv1d' ? 1 : 2;
      const weight = fields.floats('weight');
      if (weight.shape.length !== spatial + 2) {
        throw nirError('NIR_BAD_PARAMETER_SHAPES', `${type} "${ctx.name}": weight must be ${spatial + 2}-D, got ${formatShape(weight.shape)}.`, 'Re-export the network.', ctx.where);
      }
      const bias = fields.floats('bias');
      const groupsValues = fields.ints('groups').values;
      if (groupsValues.length !== 1 || groupsValues[0] < 1) throw nirError('NIR_BAD_PARAMETER', `${type} "${ctx.name}": groups must be one positive integer.`, 'Re-export the network.', ctx.where);
      const groups = groupsValues[0];
      if (groups > MAX_LAYER_ELEMENTS) throw nirError('NIR_BAD_PARAMETER', `${type} "${ctx.name}": groups = ${groups} is not a channel count.`, 'Re-export the network.', ctx.where);
      if (groups > 1) ctx.warnings.add('NIR_GROUPED_CONV', `${type} "${ctx.name}" has groups = ${groups}; the official nir.read type check miscomputes its input channels, so saved files need type_check=False there.`, ctx.name);
      const biasOk = sizeOf(bias.shape) === weight.shape[0] ? { shape: [weight.shape[0]], data: bias.data } : sizeOf(bias.shape) === 1 ? broadcastTo(bias, [weight.shape[0]], ctx.budget, ctx.where) : undefined;
      if (!biasOk) throw nirError('NIR_BAD_PARAMETER_SHAPES', `${type} "${ctx.name}": bias ${formatShape(bias.shape)} does not match ${weight.shape[0]} output channels.`, 'Re-export the network.', ctx.where);
      const base = { weight, bias: biasOk, groups };
      const input_shape = convInputShape(fields, ctx, spatial);
      if (spatial === 1) {
        const node: NirNode = { type: 'Conv1d', ...base, stride: single(fields, 'stride', ctx), dilation: single(fields, 'dilation', ctx), padding: padding(fields, ctx, 1) as [number] | 'same' | 'valid' };
        if (input_shape) node.input_shape = input_shape as [number];
        return node;
      }
      const node: NirNode = { type: 'Conv2d', ...base, stride: pair(fields, 'stride', ctx, false), dilation: pair(fields, 'dilation', ctx, false), padding: padding(fields, ctx, 2) as [number, number] | 'same' | 'valid' };
      if (input_shape) node.input_shape = input_shape as [number, number];
      return node;
    }
    case 'SumPool2d':
    case 'AvgPool2d':
      return { type, kernel_size: pair(fields, 'kernel_size', ctx, true), stride: pair(fields, 'stride', ctx, true), padding: pair(fields, 'padding', ctx, true) };
    case 'Flatten': {
      const node: NirNode = { type, start_dim: intOrFill(fields, type, 'start_dim'), end_dim: intOrFill(fields, type, 'end_dim') };
      if (fields.has('input_type')) node.input_type = checkDims(fields.ints('input_type').values, 'input_type', ctx, false);
      else noteAbsent(type, 'input_type', ctx);
      return node;
    }
    default:
      throw nirError('NIR_UNKNOWN_NODE_TYPE', `${ctx.where}: type ${type} is not handled.`, 'This is a bug in Spikelab; please report it.', ctx.where);
  }
}
