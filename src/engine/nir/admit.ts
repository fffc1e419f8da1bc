/**
 * Declared-size checks on the datasets of a NIR file, run by the HDF5 reader before each value is
 * allocated (H5ReadOptions.admit). What a dataset's dataspace declares costs nothing to store: a
 * 37 KB file can declare an Input `shape` of 10^8 elements as a chunked dataset with a fill value
 * and no stored chunks. So, by position in the NIR layout (docs/specs/nir.md §2):
 *  - a node's integer fields (shape, input_shape, stride, padding, dilation, kernel_size, groups,
 *    start_dim, end_dim, input_type) and its `type` hold at most MAX_SHAPE_VALUES values;
 *  - the members of every `nodes` group are nodes: more than `maxNodes` of them, all graphs
 *    together, is NIR_TOO_MANY_NODES, refused before any of them is read;
 *  - `edges` datasets hold at most MAX_EDGES pairs, all graphs together;
 *  - `/version` is one string.
 * Float parameters and metadata are bounded by the reader's byte budget (MAX_DECODED_BYTES).
 */
import { MAX_EDGES, MAX_NIR_NODES, MAX_SHAPE_VALUES, RAISE_NODES, tooMany } from '../core/limits';
import type { H5Dataset } from '../hdf5';
import { nirError } from './h5fields';

const SMALL_FIELDS = new Set(['type', 'shape', 'input_shape', 'stride', 'padding', 'dilation', 'kernel_size', 'groups', 'start_dim', 'end_dim', 'input_type', 'output_type']);

/** The dataset's key when it sits directly in a node group (/node, /node/nodes/a, …), else undefined.
 * Scans the path in place (it runs for every dataset of a file: 500,000 in a 100,000-node one). */
export function nodeFieldOf(path: string): string | undefined {
  if (!path.startsWith('/node/')) return undefined;
  let start = 6;
  for (;;) {
    const slash = path.indexOf('/', start);
    if (slash < 0) return start < path.length ? path.slice(start) : undefined;
    if (slash - start !== 5 || !path.startsWith('nodes', start)) return undefined;
    const next = path.indexOf('/', slash + 1); // the end of the node's name
    if (next < 0 || next + 1 >= path.length) return undefined;
    start = next + 1;
  }
}

function elements(dataset: H5Dataset): number {
  return dataset.shape.reduce((a, b) => a * b, 1);
}

/** `admit` / `admitGroup` callbacks for readH5 that count nodes and edges across the whole file. */
export function nirAdmission(maxNodes = MAX_NIR_NODES): { admit(path: string, dataset: H5Dataset): void; admitGroup(path: string, members: number): void } {
  let nodes = 0;
  let edges = 0;
  const admitGroup = (path: string, members: number) => {
    if (nodeFieldOf(path) !== 'nodes') return;
    nodes += members;
    if (nodes > maxNodes) throw tooMany('NIR_TOO_MANY_NODES', 'The file holds more nodes than Spikelab opens', nodes, maxNodes, RAISE_NODES, path);
  };
  const admit = (path: string, dataset: H5Dataset) => {
    if (path === '/version' && elements(dataset) > 1) {
      throw nirError('NIR_BAD_PARAMETER_RANK', `/version declares ${elements(dataset)} values; NIR stores one string.`, 'Re-export the network with nir.write.', path);
    }
    const field = nodeFieldOf(path);
    if (field === undefined) return;
    if (field === 'edges') {
      edges += elements(dataset) / 2;
      if (edges > MAX_EDGES) throw tooMany('NIR_TOO_MANY_EDGES', `The file declares more edges than Spikelab opens (at ${path})`, edges, MAX_EDGES, undefined, path);
      return;
    }
    if (!SMALL_FIELDS.has(field)) return;
    if (elements(dataset) > MAX_SHAPE_VALUES) {
      throw nirError('NIR_BAD_PARAMETER_RANK', `${path} declares ${elements(dataset)} values (shape [${dataset.shape.join(', ')}]); a node's ${field} holds at most ${MAX_SHAPE_VALUES}.`,
        'Re-export the network: shapes, strides and sizes are short integer lists.', path);
    }
  };
  return { admit, admitGroup };
}
