import { SpikelabError } from '../../core/errors';
import type { OwnDataErrorCode } from '../../core/errorCodes';

export type { OwnDataErrorCode } from '../../core/errorCodes';

export function ownDataError(code: OwnDataErrorCode, message: string, hint: string, where?: string): SpikelabError {
  return new SpikelabError(code, message, hint, where);
}

/** How to save arrays that the lab reads, for hints. */
export const SAVE_HINT = "Save spikes [N, T, F…] and labels [N] with np.savez('data.npz', spikes=x, labels=y) (bool, uint8 or float 0/1; or np.savez_compressed).";
