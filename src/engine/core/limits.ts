/**
 * The caps on what an input may make the engine allocate, in one place. Every count read from a
 * file (HDF5 extents, declared shapes, vlen lengths, gzip output, manifest `n` and shapes) is
 * checked against one of these before a byte is allocated, so that any input of up to 100 MB is
 * answered within 30 s and 1.5 GB of memory (issue 16). A refusal says what, how big, the cap,
 * and how to raise it: in the CLI `--max-bytes N` (or the environment variable SPIKELAB_MAX_BYTES)
 * for the byte caps, `--max-nodes N` (SPIKELAB_MAX_NODES) for the node cap.
 */
import { SpikelabError, type ErrorCode } from './errors';

const MiB = 2 ** 20;

/** Bytes the datasets of one NIR file may decode to, all together (weights, shapes, metadata). */
export const MAX_DECODED_BYTES = 256 * MiB;
/** Bytes one gzip stream (a dataset file, a dropped .h5.gz, a zip entry) may inflate to. */
export const MAX_INFLATED_BYTES = 1024 * MiB;
/** Bytes a dataset may occupy in memory once decoded (bit-packed spikes or pixels). */
export const MAX_DATASET_BYTES = 1024 * MiB;
/** Nodes of one graph, all subgraphs together. */
export const MAX_NODES = 100_000;
/**
 * Nodes of one NIR file, counted before they are read. Reading is no longer what limits it: the
 * HDF5 reader parses the file in JavaScript (../hdf5/jsRead.ts; through h5wasm a node cost
 * 2–3 ms, so 10,000 nodes took 22 s), and `spikelab info` reads a 100,000-node file in ~20 s at
 * 1.0 GB. `simulate` is: it builds a program of ~5 tensors per node, 20 s and 0.95 GB at 50,000
 * nodes, 28 s at 70,000, 39 s and 1.85 GB at 100,000 (chains of LIF and Scale nodes, on the
 * project's 2-core machine). 50,000 keeps every command within 30 s and 1.5 GB with a margin.
 */
export const MAX_NIR_NODES = 50_000;
/** Edges of one graph, all subgraphs together. */
export const MAX_EDGES = 1_000_000;
/** Dimensions of one shape (NIR layers are (n,), (C, L) or (C, H, W); batch dims add a few). */
export const MAX_RANK = 16;
/** Elements of one layer's shape (neurons of a population, values of an activation per step). */
export const MAX_LAYER_ELEMENTS = 2 ** 26;
/** Values of one integer field of a node (a shape, a stride, a kernel size). */
export const MAX_SHAPE_VALUES = MAX_RANK;
/** Samples of one dataset split. */
export const MAX_SAMPLES = 10_000_000;
/** Time steps of one sample. */
export const MAX_STEPS = 1_000_000;

/** The environment variables the CLI reads as defaults for `--max-bytes` and `--max-nodes`. */
export const MAX_BYTES_ENV = 'SPIKELAB_MAX_BYTES';
export const MAX_NODES_ENV = 'SPIKELAB_MAX_NODES';

/** How a person raises a byte cap, for hints. */
export const RAISE_BYTES = `in the CLI pass --max-bytes N (or set ${MAX_BYTES_ENV}=N)`;
export const RAISE_NODES = `in the CLI pass --max-nodes N (or set ${MAX_NODES_ENV}=N)`;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return `${bytes} bytes`;
  if (bytes >= 2 ** 30) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  if (bytes >= MiB) return `${(bytes / MiB).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** A refusal for `what` needing `bytes` over `cap` bytes, with the way to raise the cap. */
export function tooManyBytes(code: ErrorCode, what: string, bytes: number, cap: number, where?: string): SpikelabError {
  return new SpikelabError(code, `${what} needs ${formatBytes(bytes)}, over the cap of ${formatBytes(cap)}.`,
    `Check that the file is what you meant to open; to allow more, ${RAISE_BYTES}.`, where);
}

/** A refusal for `what` holding `count` items over `cap`. */
export function tooMany(code: ErrorCode, what: string, count: number, cap: number, raise: string | undefined, where?: string): SpikelabError {
  return new SpikelabError(code, `${what}: ${count} is over the cap of ${cap}.`,
    raise ? `Check that the file is what you meant to open; to allow more, ${raise}.` : 'Check that the file is what you meant to open.', where);
}

/** Reads a positive whole number from an environment variable (undefined when unset or invalid). */
export function limitFromEnv(name: string, env: Record<string, string | undefined> = globalThis.process?.env ?? {}): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

/** A running total of bytes allocated on an input's behalf (e.g. parameters broadcast by the NIR reader). */
export class ByteBudget {
  private used = 0;

  constructor(readonly cap: number, readonly code: ErrorCode, readonly what: string) {}

  /** Charges `bytes`; throws `code` (with the way to raise the cap) when the total would pass the cap. */
  spend(bytes: number, where?: string): void {
    if (!Number.isFinite(bytes) || this.used + bytes > this.cap) throw tooManyBytes(this.code, this.what, this.used + bytes, this.cap, where);
    this.used += bytes;
  }
}
