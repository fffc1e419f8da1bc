/**
 * Loading and saving a graph file for CLI commands: `.nir` through the NIR codec (tolerant
 * reader, writer profile), `.json` through the documented JSON form (../../engine/graph/json.ts).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { SpikelabError } from '../../engine/core/errors';
import { graphFromJson, graphToJson } from '../../engine/graph/json';
import { inferShapes, type NodeShapes } from '../../engine/graph/shapes';
import type { NirGraph } from '../../engine/graph/types';
import { guessDt, readNir, writeNir, type DtGuess, type NirWarning } from '../../engine/nir';

export interface LoadedGraph {
  format: 'nir' | 'json';
  graph: NirGraph;
  warnings: NirWarning[];
  dtGuess: DtGuess;
  shapes: Record<string, NodeShapes>;
  version?: string;
}

async function bytesOf(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    throw new SpikelabError('CLI_FILE_NOT_FOUND', `The file ${path} ${reason}.`, 'Check the path; it is relative to the current directory.', path);
  }
}

export async function loadGraph(path: string, dt?: number): Promise<LoadedGraph> {
  const bytes = await bytesOf(path);
  const override = dt === undefined ? undefined : { dt, unit: dt >= 1 ? ('step' as const) : ('s' as const) };
  if (extname(path).toLowerCase() === '.json') {
    const graph = graphFromJson(new TextDecoder().decode(bytes));
    const dtGuess = override ? { ...override, reason: `Given by the user (dt = ${dt}).` } : guessDt(graph, Object.keys(graph.nodes));
    return { format: 'json', graph, warnings: [], dtGuess, shapes: inferShapes(graph).shapes };
  }
  const result = await readNir(bytes, { name: basename(path), dt: override });
  return { format: 'nir', ...result };
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
