/**
 * A JSON form of NirGraph, for the CLI (`spikelab info graph.json`), tests and hand-written
 * graphs. Documented, versioned and validated on read.
 *
 *   { "format": "spikelab.nir-graph", "version": 1, "graph": GRAPH }
 *   GRAPH = { "type": "NIRGraph", "nodes": { NAME: NODE, … }, "edges": [[SOURCE, TARGET], …], "metadata"?: META }
 *   NODE  = { "type": one of the 19 NIR types, …its fields (names as in NIR / types.ts, as the
 *             catalogue ./primitives lists them; inferred ones may be left out)…, "metadata"?: META }
 *
 * Field encodings:
 *  - float parameters (weight, bias, tau, r, v_threshold, …): ARRAY = { "shape": [d0, …], "data": [row-major values] };
 *    `[]` shape for a 0-d scalar; NaN/±Infinity as the strings "NaN", "Infinity", "-Infinity".
 *  - integer fields as plain JSON: Input/Output `shape` [..]; Conv `stride`/`dilation`/`input_shape`
 *    [..] (length 1 for Conv1d, 2 for Conv2d); `padding` [..] or "same"/"valid"; `groups` n;
 *    pool `kernel_size`/`stride`/`padding` [k, k]; Flatten `start_dim`, `end_dim` n and `input_type` [..].
 *  - META: strings, numbers, booleans, number/string arrays, nested objects, and ARRAY objects
 *    (an object with exactly the keys "shape" and "data" is read as an ARRAY).
 * A bare GRAPH (without the envelope) is accepted on read. Errors: GRAPH_JSON_SYNTAX, GRAPH_JSON_INVALID.
 * API: graphToJson(graph, indent?) → text; graphFromJson(text | value) → NirGraph;
 * graphToJsonValue / graphFromJsonValue for the plain-object forms.
 */
import { SpikelabError } from '../core/errors';
import { MAX_EDGES, MAX_LAYER_ELEMENTS, MAX_NODES, MAX_SHAPE_VALUES } from '../core/limits';
import { emptyRecord } from '../core/records';
import { isInferred, PRIMITIVES, type ParamSpec } from './primitives';
import { isNodeType, sizeOf, type Metadata, type MetaValue, type NdArray, type NirGraph, type NirNode } from './types';

export const GRAPH_JSON_FORMAT = 'spikelab.nir-graph';
export const GRAPH_JSON_VERSION = 1;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ---------------------------------------------------------------------------------- writing

function numberToJson(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

function arrayToJson(array: NdArray): Json {
  return { shape: [...array.shape], data: Array.from(array.data, numberToJson) };
}

function metaToJson(value: MetaValue): Json {
  if (typeof value !== 'object') return typeof value === 'number' ? numberToJson(value) : value;
  if (Array.isArray(value)) return (value as Array<number | string>).map((v) => (typeof v === 'number' ? numberToJson(v) : v));
  if ('data' in value && 'shape' in value && ArrayBuffer.isView(value.data)) return arrayToJson(value as NdArray);
  return metadataToJson(value as Metadata);
}

function metadataToJson(metadata: Metadata): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, metaToJson(v)]));
}

function nodeToJson(node: NirNode): Json {
  if (node.type === 'NIRGraph') return graphBody(node);
  const out: { [key: string]: Json } = { type: node.type };
  const record = node as unknown as Record<string, unknown>;
  for (const { key, kind } of PRIMITIVES[node.type].params) {
    const value = record[key];
    if (value === undefined) continue;
    out[key] = kind === 'array' ? arrayToJson(value as NdArray) : (structuredClone(value) as Json);
  }
  if (node.metadata && Object.keys(node.metadata).length > 0) out.metadata = metadataToJson(node.metadata);
  return out;
}

function graphBody(graph: NirGraph): { [key: string]: Json } {
  const out: { [key: string]: Json } = {
    type: 'NIRGraph',
    nodes: Object.fromEntries(Object.entries(graph.nodes).map(([name, node]) => [name, nodeToJson(node)])),
    edges: graph.edges.map(([a, b]) => [a, b]),
  };
  if (graph.metadata && Object.keys(graph.metadata).length > 0) out.metadata = metadataToJson(graph.metadata);
  return out;
}

/** The JSON document as a plain object. */
export function graphToJsonValue(graph: NirGraph): Json {
  return { format: GRAPH_JSON_FORMAT, version: GRAPH_JSON_VERSION, graph: graphBody(graph) };
}

/** The JSON document as text (`indent` spaces per level; compact by default). */
export function graphToJson(graph: NirGraph, indent?: number): string {
  return JSON.stringify(graphToJsonValue(graph), null, indent);
}

// ---------------------------------------------------------------------------------- reading

function invalid(where: string, what: string): SpikelabError {
  return new SpikelabError('GRAPH_JSON_INVALID', `Graph JSON at ${where}: ${what}.`, `See the format in src/engine/graph/json.ts (ARRAY = {"shape": [...], "data": [...]}).`, where);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonNumber(value: unknown, where: string): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  throw invalid(where, `expected a number, got ${JSON.stringify(value)}`);
}

function isIntList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((v) => Number.isInteger(v));
}

function arrayFromJson(value: unknown, where: string): NdArray {
  if (!isObject(value) || !isIntList(value.shape) || value.shape.some((d) => d < 0) || !Array.isArray(value.data)) {
    throw invalid(where, 'expected {"shape": [non-negative integers], "data": [numbers]}');
  }
  const shape = value.shape;
  if (shape.length > MAX_SHAPE_VALUES) throw invalid(where, `a shape of ${shape.length} dimensions (at most ${MAX_SHAPE_VALUES})`);
  if (value.data.length !== sizeOf(shape)) throw invalid(where, `${value.data.length} values for shape [${shape.slice(0, 8).join(', ')}]`);
  const data = new Float32Array(value.data.length);
  for (let i = 0; i < data.length; i++) {
    const v = value.data[i];
    data[i] = typeof v === 'number' ? v : jsonNumber(v, `${where}.data[${i}]`);
  }
  return { shape: [...shape], data };
}

function fieldFromJson(value: unknown, spec: ParamSpec, where: string): unknown {
  switch (spec.kind) {
    case 'array':
      return arrayFromJson(value, where);
    case 'int':
      if (!Number.isInteger(value)) throw invalid(where, `expected an integer, got ${JSON.stringify(value)}`);
      return value;
    case 'padding':
    case 'ints':
      if (spec.kind === 'padding' && (value === 'same' || value === 'valid')) return value;
      if (!isIntList(value) || (spec.length !== undefined && value.length !== spec.length)) {
        throw invalid(where, `expected ${spec.length ?? 'a list of'} integer${spec.length === 1 ? '' : 's'}${spec.kind === 'padding' ? ' or "same"/"valid"' : ''}, got ${JSON.stringify(value).slice(0, 200)}`);
      }
      if (value.length > MAX_SHAPE_VALUES || value.some((v) => Math.abs(v) > MAX_LAYER_ELEMENTS)) {
        throw invalid(where, `expected at most ${MAX_SHAPE_VALUES} integers of at most ${MAX_LAYER_ELEMENTS}, got ${value.length} values`);
      }
      return [...value];
  }
}

function metaFromJson(value: unknown, where: string, depth: number): MetaValue {
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string') && value.some((v) => !['NaN', 'Infinity', '-Infinity'].includes(v as string))) return [...(value as string[])];
    return value.map((v, i) => jsonNumber(v, `${where}[${i}]`));
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 2 && 'shape' in value && 'data' in value) return arrayFromJson(value, where);
    return metadataFromJson(value, where, depth + 1);
  }
  throw invalid(where, `unsupported metadata value ${JSON.stringify(value)}`);
}

function metadataFromJson(value: unknown, where: string, depth: number): Metadata {
  if (!isObject(value)) throw invalid(where, 'metadata must be an object');
  if (depth > 64) throw invalid(where, 'metadata nested more than 64 levels deep');
  const out = emptyRecord<MetaValue>();
  for (const [k, v] of Object.entries(value)) out[k] = metaFromJson(v, `${where}.${k}`, depth);
  return out;
}

function nodeFromJson(value: unknown, where: string, depth: number, counts: Counts): NirNode {
  if (!isObject(value)) throw invalid(where, 'a node must be an object');
  if (!isNodeType(value.type)) throw invalid(where, `unknown node type ${JSON.stringify(value.type)?.slice(0, 100)}`);
  if (value.type === 'NIRGraph') return graphFromBody(value, where, depth + 1, counts);
  const { params } = PRIMITIVES[value.type];
  const node: Record<string, unknown> = { type: value.type };
  for (const key of Object.keys(value)) {
    if (key !== 'type' && key !== 'metadata' && !params.some((p) => p.key === key)) throw invalid(`${where}.${key}`, `${value.type} has no field "${key}"`);
  }
  for (const param of params) {
    if (value[param.key] === undefined) {
      if (isInferred(param)) continue;
      throw invalid(`${where}.${param.key}`, `missing (required for ${value.type})`);
    }
    node[param.key] = fieldFromJson(value[param.key], param, `${where}.${param.key}`);
  }
  if (value.metadata !== undefined) node.metadata = metadataFromJson(value.metadata, `${where}.metadata`, 0);
  return node as unknown as NirNode;
}

/** Nodes and edges read so far, all subgraphs together, against MAX_NODES / MAX_EDGES. */
interface Counts {
  nodes: number;
  edges: number;
}

function graphFromBody(value: Record<string, unknown>, where: string, depth: number, counts: Counts = { nodes: 0, edges: 0 }): NirGraph {
  if (depth > 64) throw invalid(where, 'graphs nested more than 64 levels deep');
  if (value.type !== 'NIRGraph') throw invalid(`${where}.type`, `expected "NIRGraph", got ${JSON.stringify(value.type)}`);
  if (!isObject(value.nodes)) throw invalid(`${where}.nodes`, 'expected an object of nodes by name');
  counts.nodes += Object.keys(value.nodes).length;
  if (counts.nodes > MAX_NODES) {
    throw new SpikelabError('GRAPH_TOO_MANY_NODES', `The graph JSON has more than ${MAX_NODES} nodes (${counts.nodes} so far, at ${where}).`, 'Spikelab runs graphs of populations (layers), not of single neurons.', where);
  }
  if (Array.isArray(value.edges)) counts.edges += value.edges.length;
  if (counts.edges > MAX_EDGES) {
    throw new SpikelabError('GRAPH_TOO_MANY_NODES', `The graph JSON has more than ${MAX_EDGES} edges (${counts.edges} so far, at ${where}).`, 'Spikelab runs graphs of populations (layers), not of single neurons.', where);
  }
  const nodes = emptyRecord<NirNode>();
  for (const [name, node] of Object.entries(value.nodes)) {
    if (name.length === 0 || name.includes('/')) throw invalid(`${where}.nodes`, `node name ${JSON.stringify(name)} is empty or contains "/"`);
    nodes[name] = nodeFromJson(node, `${where}.nodes.${name}`, depth, counts);
  }
  const edgesValue = value.edges ?? [];
  if (!Array.isArray(edgesValue)) throw invalid(`${where}.edges`, 'expected a list of [source, target] pairs');
  const edges = edgesValue.map((edge, i): [string, string] => {
    if (!Array.isArray(edge) || edge.length !== 2 || !edge.every((e) => typeof e === 'string')) {
      throw invalid(`${where}.edges[${i}]`, `expected [source, target] names, got ${JSON.stringify(edge)}`);
    }
    return [edge[0], edge[1]];
  });
  const graph: NirGraph = { type: 'NIRGraph', nodes, edges };
  if (value.metadata !== undefined) graph.metadata = metadataFromJson(value.metadata, `${where}.metadata`, 0);
  return graph;
}

/** Validates a parsed JSON value (envelope or bare graph) and builds the NirGraph. */
export function graphFromJsonValue(value: unknown): NirGraph {
  if (isObject(value) && value.format !== undefined) {
    if (value.format !== GRAPH_JSON_FORMAT) throw invalid('format', `expected "${GRAPH_JSON_FORMAT}", got ${JSON.stringify(value.format)}`);
    if (value.version !== GRAPH_JSON_VERSION) throw invalid('version', `this Spikelab reads version ${GRAPH_JSON_VERSION}, got ${JSON.stringify(value.version)}`);
    if (!isObject(value.graph)) throw invalid('graph', 'expected the graph object');
    return graphFromBody(value.graph, 'graph', 0);
  }
  if (!isObject(value)) throw invalid('(root)', 'expected an object');
  return graphFromBody(value, '(root)', 0);
}

/** Parses JSON text (or takes an already parsed value) and builds the NirGraph. */
export function graphFromJson(input: string | object): NirGraph {
  if (typeof input !== 'string') return graphFromJsonValue(input);
  const text = input;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SpikelabError('GRAPH_JSON_SYNTAX', `The graph JSON is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, 'Fix the syntax, or write the file with graphToJson / `spikelab convert IN.nir OUT.json`.');
  }
  return graphFromJsonValue(value);
}
