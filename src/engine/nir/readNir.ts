/**
 * `readNir(bytes) → { graph, warnings, dtGuess }`: the tolerant reader of
 * docs/specs/nir.md §10. Order of work: sniff the bytes (empty, not HDF5, truncated) → read
 * the HDF5 tree → recognise what kind of HDF5 it is (NIRGraphData recordings, nir 0.0.x layout,
 * not NIR at all) → parse nodes and edges (node-local quirks) → graph-level repairs and the shape
 * check → guess dt. Every error is a SpikelabError with a NIR_ code; every repair is a warning.
 */
import { SpikelabError } from '../core/errors';
import type { ErrorCode, NirErrorCode } from '../core/errorCodes';
import { ByteBudget, MAX_DECODED_BYTES, MAX_NIR_NODES } from '../core/limits';
import { checkSignature, readH5, type H5Group } from '../hdf5';
import type { NirGraph } from '../graph/types';
import type { NodeShapes } from '../graph/shapes';
import { nirAdmission } from './admit';
import { guessDt, type DtGuess } from './dtGuess';
import { repairNorseFile } from './norseQuirks';
import { stringsOf } from './h5fields';
import { normalizeGraph, type NormalizeOptions } from './normalize';
import { graphContext } from './readGraph';
import { nodeType, readNode } from './readNode';
import { NodeFields } from './h5fields';
import { sniffNir } from './sniff';
import { WarningList, type NirWarning } from './warnings';

export interface ReadNirOptions extends NormalizeOptions {
  /** File name for messages. */
  name?: string;
  /** Override the guessed dt (the guess is still reported with this dt and reason "given"). */
  dt?: { dt: number; unit: 's' | 'step' };
  /** Largest decoded size of the file's datasets together (default MAX_DECODED_BYTES, 256 MiB). */
  maxBytes?: number;
  /** Most nodes the file may hold, subgraphs included (default MAX_NIR_NODES). */
  maxNodes?: number;
}

export interface ReadNirResult {
  graph: NirGraph;
  warnings: NirWarning[];
  dtGuess: DtGuess;
  /** The /version string, if the file has one. */
  version?: string;
  /** Inferred shapes, keyed like ../graph/shapes.ts ("sub.inner" inside subgraphs). */
  shapes: Record<string, NodeShapes>;
}

const HDF5_TO_NIR: Partial<Record<ErrorCode, NirErrorCode>> = {
  HDF5_EMPTY: 'NIR_EMPTY',
  HDF5_NOT_HDF5: 'NIR_NOT_HDF5',
  HDF5_TRUNCATED: 'NIR_TRUNCATED',
  HDF5_CORRUPT: 'NIR_CORRUPT',
  HDF5_READ_FAILED: 'NIR_CORRUPT',
  HDF5_UNSUPPORTED_FILTER: 'NIR_UNSUPPORTED_FILTER',
  HDF5_TOO_LARGE: 'NIR_TOO_LARGE',
  HDF5_CHUNK_TOO_LARGE: 'NIR_CHUNK_TOO_LARGE',
  HDF5_TOO_DEEP: 'NIR_TOO_DEEP',
  HDF5_LINK: 'NIR_LINK',
  HDF5_VIRTUAL_DATASET: 'NIR_VIRTUAL_DATASET',
};

function asNirError(error: unknown): unknown {
  if (!(error instanceof SpikelabError) || !error.code.startsWith('HDF5_')) return error;
  const code = HDF5_TO_NIR[error.code] ?? 'NIR_CORRUPT';
  const hint = code === 'NIR_UNSUPPORTED_FILTER' ? 'Re-save it with gzip: in Python, nir.write(path, nir.read(path)) (gzip is the default), or h5py with compression="gzip".' : error.hint;
  return new SpikelabError(code, error.message, hint, error.where);
}

function attrString(group: H5Group, name: string): string | undefined {
  const attr = group.attrs[name];
  const value = attr?.value;
  return Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;
}

function topNode(root: H5Group): H5Group {
  const kind = attrString(root, '__type__');
  if (kind === 'NIRGraphData' || (root.children.nodes?.kind === 'group' && !root.children.node && Object.values(root.children.nodes.children).some((c) => c.kind === 'group' && attrString(c, '__type__')))) {
    throw new SpikelabError('NIR_DATA_FILE', 'This file holds recorded activity (NIRGraphData, written by nir.write_data), not a network graph.', 'Open the network .nir file written by nir.write; recordings cannot be loaded as a graph.');
  }
  const node = root.children.node;
  if (node === undefined) {
    if (root.children.nodes && root.children.edges) {
      throw new SpikelabError('NIR_LEGACY_UNSUPPORTED', 'This is a nir 0.0.x file (root /nodes and /edges, July 2023 layout), which no current NIR tool reads.', 'Re-export the network with a current NIR version (pip install -U nir) and open the new file.');
    }
    const members = Object.keys(root.children).slice(0, 8).join(', ') || 'nothing';
    throw new SpikelabError('NIR_NOT_NIR', `This is an HDF5 file but not a NIR graph: it has no /node group (it contains ${members}).`, 'Open a .nir file written by nir.write; other HDF5 files (datasets, Keras models) are not networks.');
  }
  if (node.kind !== 'group') throw new SpikelabError('NIR_NOT_NIR', 'This HDF5 file has a /node dataset where NIR stores the graph group.', 'Open a .nir file written by nir.write.');
  return node;
}

export async function readNir(bytes: Uint8Array, options: ReadNirOptions = {}): Promise<ReadNirResult> {
  sniffNir(bytes, options.name);
  let root: H5Group;
  try {
    checkSignature(bytes, options.name);
    root = await readH5(bytes, { maxBytes: options.maxBytes ?? MAX_DECODED_BYTES, ...nirAdmission(options.maxNodes ?? MAX_NIR_NODES) });
  } catch (error) {
    throw asNirError(error);
  }
  const warnings = new WarningList();
  const versionDs = root.children.version;
  const version = versionDs?.kind === 'dataset' ? stringsOf(versionDs)?.[0] : undefined;
  const node = topNode(root);
  if (version === undefined) warnings.add('NIR_NO_VERSION', 'The file has no version string (nir ≤ 0.1, 2023); it is read as a legacy file.');
  const budget = new ByteBudget(options.maxBytes ?? MAX_DECODED_BYTES, 'NIR_TOO_LARGE', 'Broadcasting the scalar parameters of this file to their layers');
  const ctx = graphContext(warnings, budget);
  const type = nodeType(new NodeFields(node, '/node'));
  if (type !== 'NIRGraph') {
    throw new SpikelabError('NIR_TOP_NOT_GRAPH', `The top-level node of this file is a single ${type}, not a NIRGraph; nir.read cannot load it either.`, 'Wrap the node in a graph before saving: nir.write(path, nir.NIRGraph.from_list(node)).', '/node');
  }
  const graph = readNode(node, ctx) as NirGraph;
  const shapes = normalizeGraph(graph, warnings, { ...options, budget }).shapes;
  const attributed = guessDt(graph, Object.keys(graph.nodes));
  const dtGuess: DtGuess = options.dt
    ? { ...options.dt, reason: `Given by the user (dt = ${options.dt.dt} ${options.dt.unit}).` }
    : attributed;
  if (attributed.exporter === 'norse' && dtGuess.unit === 's') repairNorseFile(graph, dtGuess.dt, attributed.confidence === 'signature', warnings);
  const result: ReadNirResult = { graph, warnings: warnings.items, dtGuess, shapes };
  if (version !== undefined) result.version = version;
  return result;
}
