/**
 * Loading and saving a graph file for CLI commands: `.nir` through the NIR codec (tolerant
 * reader, writer profile), `.json` through the documented JSON form (../../engine/graph/json.ts).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SpikelabError } from '../../engine/core/errors';
import { tooManyBytes } from '../../engine/core/limits';
import { limitsOf, type CliLimits } from '../limitsOption';
import { graphFromJson, graphToJson } from '../../engine/graph/json';
import type { Problem } from '../../engine/graph/problems';
import type { NodeShapes } from '../../engine/graph/shapes';
import { validateGraph } from '../../engine/graph/validate';
import type { NirGraph } from '../../engine/graph/types';
import { guessDt, readNir, writeNir, type DtGuess, type NirWarning } from '../../engine/nir';

export interface LoadedGraph {
  format: 'nir' | 'json';
  graph: NirGraph;
  warnings: NirWarning[];
  dtGuess: DtGuess;
  shapes: Record<string, NodeShapes>;
  /** What validateGraph finds (the checks `simulate` and `train` refuse on, and warnings). */
  problems: Problem[];
  version?: string;
}

function unreadable(path: string, error: unknown): SpikelabError {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
  return new SpikelabError('CLI_FILE_NOT_FOUND', `The file ${path} ${reason}.`, 'Check the path; it is relative to the current directory.', path);
}

/** The bytes of a file of at most `maxBytes` (its size is checked before it is read). */
export async function bytesOf(path: string, maxBytes: number): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw unreadable(path, error);
  }
  if (size > maxBytes) throw tooManyBytes('CLI_FILE_TOO_LARGE', `The file ${path}`, size, maxBytes, path);
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw unreadable(path, error);
  }
}

export async function loadGraph(path: string, dt?: number, limits: CliLimits = limitsOf({ positionals: [], options: {} })): Promise<LoadedGraph> {
  const bytes = await bytesOf(path, limits.decodedBytes);
  const override = dt === undefined ? undefined : { dt, unit: dt >= 1 ? ('step' as const) : ('s' as const) };
  if (extname(path).toLowerCase() === '.json') {
    const graph = graphFromJson(new TextDecoder().decode(bytes));
    const dtGuess = override ? { ...override, reason: `Given by the user (dt = ${dt}).` } : guessDt(graph, Object.keys(graph.nodes));
    const { shapes, problems } = validateGraph(graph, { maxNodes: limits.maxNodes });
    return { format: 'json', graph, warnings: [], dtGuess, shapes, problems };
  }
  const result = await readNir(bytes, { name: basename(path), dt: override, maxBytes: limits.decodedBytes, maxNodes: limits.maxNodes });
  return { format: 'nir', ...result, problems: validateGraph(result.graph, { maxNodes: limits.maxNodes }).problems };
}

export async function saveGraph(path: string, graph: NirGraph): Promise<number> {
  const bytes = extname(path).toLowerCase() === '.json' ? new TextEncoder().encode(graphToJson(graph)) : await writeNir(graph);
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new SpikelabError('CLI_WRITE_FAILED', `Cannot write ${path}: ${(error as Error).message}.`, 'Check that the folder exists and is writable.', path);
  }
  return bytes.length;
}
