import { SpikelabError } from '../core/errors';
import type { DataErrorCode } from '../core/errorCodes';

export type { DataErrorCode } from '../core/errorCodes';

export function dataError(code: DataErrorCode, message: string, hint: string, where?: string): SpikelabError {
  return new SpikelabError(code, message, hint, where);
}

/** Throws DATA_ABORTED when the signal has fired; loaders call it between chunks of work. */
export function throwIfAborted(signal: AbortSignal | undefined, where?: string): void {
  if (signal?.aborted) {
    throw dataError('DATA_ABORTED', 'Loading the dataset was cancelled.', 'Start the load again when you want the data.', where);
  }
}
