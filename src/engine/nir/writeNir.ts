/**
 * `writeNir(graph) → bytes`: the writer profile of docs/specs/nir.md §9, so that the file loads
 * with plain `nir.read(path)` of the official library and passes `validate_nir.py` strict:
 *  - /version (vlen UTF-8) and /node (a NIRGraph), every node group = scalar `type` + exactly the
 *    datasets of its type (v_reset and w_in always written) + `metadata` when non-empty;
 *  - float parameters float32 with the full node shape (0-d ones broadcast first), gzip;
 *  - integers int64: 0-d for groups, Flatten dims, Conv1d input_shape/stride/padding/dilation;
 *    (2,) for Conv2d and pooling pairs; Conv input_shape and Flatten input_type always written;
 *  - the datasets of a node in NIR's order, as its catalogue entry lists them (../graph/primitives);
 *  - edges (E, 2) vlen UTF-8, or a (0, 2) string dataset when there are none;
 *  - every graph gets explicit Input/Output nodes for its roots/leaves, so nir.read adds nothing.
 * The caller's graph is not modified. Lab extras live in `metadata` (../graph/labMetadata.ts).
 */
import { SpikelabError } from '../core/errors';
import { withGraphLabInfo, type GraphLabInfo } from '../graph/labMetadata';
import { isInferred, PRIMITIVES, type ParamSpec } from '../graph/primitives';
import type { NdArray, NirGraph, NirNode } from '../graph/types';
import { writeH5, type H5WriteDataset, type H5WriteGroup } from '../hdf5';
import { cloneGraph } from './clone';
import { writeMetadata } from './metadata';
import { normalizeGraph } from './normalize';
import { WarningList } from './warnings';

/** The NIR format version written to /version (the layout of nir 1.0.7/1.0.8, with v_reset). */
export const NIR_FORMAT_VERSION = '1.0.7';

export interface WriteNirOptions {
  /** Lab information (dt, time unit, canvas positions, training) merged into graph metadata `spikelab`. */
  lab?: GraphLabInfo;
}

const floats = (a: NdArray): H5WriteDataset => ({ kind: 'dataset', dtype: 'float32', shape: [...a.shape], value: a.data, compression: 'gzip' });
const ints = (values: number[]): H5WriteDataset => ({ kind: 'dataset', dtype: 'int64', shape: [values.length], value: values, compression: 'gzip' });
const int0 = (value: number): H5WriteDataset => ({ kind: 'dataset', dtype: 'int64', shape: [], value: [value] });
const str0 = (value: string): H5WriteDataset => ({ kind: 'dataset', dtype: 'string', shape: [], value: [value] });

function unknownShape(name: string, what: string): SpikelabError {
  return new SpikelabError('NIR_WRITE_UNKNOWN_SHAPE', `Cannot save "${name}": its ${what} is unknown.`, 'Connect it to an Input (or a layer with a known output shape) so the shape can be inferred, then save again.', name);
}

/** One field as NIR stores it: float32 tensors, 0-d or 1-D int64, a scalar string for word padding. */
function dataset(param: ParamSpec, value: unknown, elementwise: boolean, name: string): H5WriteDataset {
  switch (param.kind) {
    case 'array': {
      const array = value as NdArray;
      if (elementwise && array.shape.length === 0) throw unknownShape(name, 'layer size (its parameters are scalars)');
      return floats(array);
    }
    case 'int':
      return int0(value as number);
    case 'padding':
    case 'ints':
      if (typeof value === 'string') return str0(value);
      return param.length === 1 ? int0((value as number[])[0]) : ints([...(value as number[])]);
  }
}

/** `type` and every field of the node's type, in NIR's order (../graph/primitives). */
function nodeDatasets(node: Exclude<NirNode, NirGraph>, name: string): H5WriteGroup['children'] {
  const out: H5WriteGroup['children'] = { type: str0(node.type) };
  const { params, sizedBy } = PRIMITIVES[node.type];
  const record = node as unknown as Record<string, unknown>;
  for (const param of params) {
    const value = record[param.key];
    if (value === undefined && isInferred(param)) throw unknownShape(name, `${param.meaning} (${param.key})`);
    if (value === undefined) throw new SpikelabError('NIR_WRITE_MISSING_PARAMETER', `Cannot save ${node.type} "${name}": parameter ${param.key} is missing.`, `Set ${param.key} in the inspector, then save again.`, name);
    out[param.key] = dataset(param, value, sizedBy !== undefined, name);
  }
  return out;
}

function checkName(name: string, where: string): void {
  if (name === '' || name.includes('/') || name === '.') {
    throw new SpikelabError('NIR_WRITE_BAD_NAME', `Cannot save: node name "${name}"${where ? ` in ${where}` : ''} is not allowed in a NIR file.`, 'Rename the node: names must be non-empty and contain no "/".', name);
  }
}

function graphGroup(graph: NirGraph, path: string): H5WriteGroup {
  const nodes: H5WriteGroup['children'] = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    checkName(name, path);
    const key = path ? `${path}.${name}` : name;
    nodes[name] = node.type === 'NIRGraph' ? graphGroup(node, key) : withMetadata({ kind: 'group', children: nodeDatasets(node, key) }, node);
  }
  for (const [a, b] of graph.edges) {
    if (!(a in graph.nodes) || !(b in graph.nodes)) {
      throw new SpikelabError('NIR_WRITE_BAD_EDGE', `Cannot save: edge ${a} → ${b}${path ? ` in ${path}` : ''} names a node that does not exist.`, 'Delete the edge or restore the node, then save again.', path || undefined);
    }
  }
  const edges: H5WriteDataset = { kind: 'dataset', dtype: 'string', shape: [graph.edges.length, 2], value: graph.edges.flat() };
  return withMetadata({ kind: 'group', children: { type: str0('NIRGraph'), nodes: { kind: 'group', children: nodes }, edges } }, graph);
}

function withMetadata(group: H5WriteGroup, node: NirNode): H5WriteGroup {
  if (node.metadata && Object.keys(node.metadata).length > 0) group.children.metadata = writeMetadata(node.metadata);
  return group;
}

/** Prepares a copy of `graph` for saving: broadcasts 0-d parameters, fills inferred shapes, adds ports. */
export function prepareForWrite(graph: NirGraph, options: WriteNirOptions = {}): NirGraph {
  const copy = cloneGraph(graph);
  normalizeGraph(copy, new WarningList(), { allowShapeErrors: true });
  if (options.lab) copy.metadata = withGraphLabInfo(copy.metadata, options.lab);
  return copy;
}

export async function writeNir(graph: NirGraph, options: WriteNirOptions = {}): Promise<Uint8Array> {
  const prepared = prepareForWrite(graph, options);
  const root: H5WriteGroup = {
    kind: 'group',
    children: { version: str0(NIR_FORMAT_VERSION), node: graphGroup(prepared, '') },
  };
  return writeH5(root);
}
