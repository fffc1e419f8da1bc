/**
 * What one read of an HDF5 file may cost, shared by the JavaScript reader (./jsRead.ts) and
 * the h5wasm one it falls back to (./wasmRead.ts): bytes decoded (every value and vlen payload
 * is charged before it is allocated), objects visited, group depth, and the caller's `admit`
 * hooks, which may refuse a dataset or group from what it declares.
 */
import { SpikelabError } from '../core/errors';
import { MAX_DECODED_BYTES, tooMany, tooManyBytes } from '../core/limits';
import type { H5ReadOptions } from './tree';

export const DEFAULT_MAX_DEPTH = 64;
/** Groups, datasets and attributes one whole-file read may visit. */
export const MAX_OBJECTS = 1_000_000;

export class ReadLimits {
  left: number;
  objects = 0;
  readonly cap: number;
  readonly maxDepth: number;
  readonly admit?: H5ReadOptions['admit'];
  readonly admitGroup?: H5ReadOptions['admitGroup'];

  constructor(options: H5ReadOptions = {}, defaultCap = MAX_DECODED_BYTES) {
    this.cap = options.maxBytes ?? defaultCap;
    this.left = this.cap;
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.admit = options.admit;
    this.admitGroup = options.admitGroup;
  }

  /** Reserves `bytes` from the decode budget (guards against absurd declared shapes and vlen lengths). */
  spend(bytes: number, where: string): void {
    if (!Number.isFinite(bytes) || bytes > this.left) {
      throw tooManyBytes('HDF5_TOO_LARGE', `Dataset ${where} (with what the file decoded before it)`, this.cap - this.left + bytes, this.cap, where);
    }
    this.left -= bytes;
  }

  /** Counts objects against MAX_OBJECTS (a file of a million tiny groups costs its tree). */
  visit(where: string, count = 1): void {
    this.objects += count;
    if (this.objects > MAX_OBJECTS) throw tooMany('HDF5_TOO_LARGE', `The file holds more groups, datasets and attributes than this reader visits (at ${where})`, this.objects, MAX_OBJECTS, undefined, where);
  }

  /** Refuses a group nested deeper than maxDepth. */
  depth(depth: number, path: string): void {
    if (depth > this.maxDepth) {
      throw new SpikelabError('HDF5_TOO_DEEP', `The file nests groups more than ${this.maxDepth} levels deep (at ${path}).`, 'Check that the file is what you meant to open.', path);
    }
  }
}
