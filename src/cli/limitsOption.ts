/**
 * `--max-bytes N` and `--max-nodes N` (every command), else the environment variables
 * SPIKELAB_MAX_BYTES / SPIKELAB_MAX_NODES, else the defaults of ../engine/core/limits.ts.
 * The byte cap bounds what one input file may decode to (NIR datasets, a gzip stream, a dataset
 * in memory); the node cap, the nodes of one graph.
 */
import { MAX_BYTES_ENV, MAX_DATASET_BYTES, MAX_DECODED_BYTES, MAX_INFLATED_BYTES, MAX_NODES_ENV, limitFromEnv } from '../engine/core/limits';
import type { ParsedArgs } from './args';

export interface CliLimits {
  /** NIR files: bytes their datasets may decode to. */
  decodedBytes: number;
  /** Gzip streams: bytes one may inflate to. */
  inflatedBytes: number;
  /** Datasets: bytes one may occupy in memory. */
  datasetBytes: number;
  /** Nodes of one graph; undefined: each reader's default (MAX_NIR_NODES for .nir, MAX_NODES for graphs). */
  maxNodes?: number;
}

function given(args: ParsedArgs, name: string, env: string): number | undefined {
  const raw = args.options[name];
  return typeof raw === 'string' ? Number(raw) : limitFromEnv(env);
}

export function limitsOf(args: ParsedArgs): CliLimits {
  const bytes = given(args, 'max-bytes', MAX_BYTES_ENV);
  return {
    decodedBytes: bytes ?? MAX_DECODED_BYTES,
    inflatedBytes: bytes ?? MAX_INFLATED_BYTES,
    datasetBytes: bytes ?? MAX_DATASET_BYTES,
    maxNodes: given(args, 'max-nodes', MAX_NODES_ENV),
  };
}
