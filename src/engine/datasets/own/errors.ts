import { SpikelabError } from '../../core/errors';

/**
 * The DATA_ codes of dropped arrays and files (beside ../errors.ts, whose loaders these reuse).
 * Each message says what the file is and what was expected; each hint says how to make a file
 * that fits (usually one line of NumPy).
 */
export type OwnDataErrorCode =
  /** Not a .npy file, or a .npy header that cannot be read (magic, version, dict, dtype, shape, truncated data). */
  | 'DATA_BAD_NPY'
  /** A .npz (zip) with no usable arrays, or a damaged entry. */
  | 'DATA_BAD_NPZ'
  /** The arrays are readable but are not spikes [N, T, F…] with N labels. */
  | 'DATA_NOT_SPIKES'
  /** The labels are not whole numbers from 0 to 255. */
  | 'DATA_BAD_LABELS'
  /** NaN or infinite input values. */
  | 'DATA_BAD_VALUES'
  /** A file the lab has no reader for. */
  | 'DATA_UNSUPPORTED_FILE';

export function ownDataError(code: OwnDataErrorCode, message: string, hint: string, where?: string): SpikelabError {
  return new SpikelabError(code, message, hint, where);
}

/** How to save arrays that the lab reads, for hints. */
export const SAVE_HINT = "Save spikes [N, T, F…] and labels [N] with np.savez('data.npz', spikes=x, labels=y) (bool, uint8 or float 0/1; or np.savez_compressed).";
