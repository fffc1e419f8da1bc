import { SpikelabError } from '../core/errors';
import type { OwnDataErrorCode } from './own/errors';

/**
 * The DATA_ error codes of the dataset layer, in one place so callers can switch on them.
 * Every loader throws only these (as SpikelabError) and never returns a half-built dataset.
 */
export type DataErrorCode =
  | 'DATA_NOT_SAFETENSORS'
  | 'DATA_BAD_PACKED_FILE'
  | 'DATA_CHECKSUM_MISMATCH'
  | 'DATA_BAD_GZIP'
  | 'DATA_BAD_ARCHIVE'
  | 'DATA_NMNIST_TRUNCATED'
  | 'DATA_EVENT_OUT_OF_RANGE'
  | 'DATA_NOT_IDX'
  | 'DATA_NOT_WAV'
  | 'DATA_NOT_SHD'
  | 'DATA_UNKNOWN_DATASET'
  | 'DATA_BAD_MANIFEST'
  | 'DATA_BAD_OPTIONS'
  | 'DATA_INDEX_OUT_OF_RANGE'
  | 'DATA_ABORTED'
  | 'DATA_FETCH_FAILED'
  | 'DATA_BAD_PATH'
  | 'DATA_TOO_LARGE'
  /** Dropped arrays and files (./own/errors.ts). */
  | OwnDataErrorCode;

export function dataError(code: DataErrorCode, message: string, hint: string, where?: string): SpikelabError {
  return new SpikelabError(code, message, hint, where);
}

/** Throws DATA_ABORTED when the signal has fired; loaders call it between chunks of work. */
export function throwIfAborted(signal: AbortSignal | undefined, where?: string): void {
  if (signal?.aborted) {
    throw dataError('DATA_ABORTED', 'Loading the dataset was cancelled.', 'Start the load again when you want the data.', where);
  }
}
