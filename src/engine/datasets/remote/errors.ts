import { SpikelabError } from '../../core/errors';
import type { RemoteErrorCode } from '../../core/errorCodes';

export type { RemoteErrorCode } from '../../core/errorCodes';

export function remoteError(code: RemoteErrorCode, message: string, hint: string, where?: string): SpikelabError {
  return new SpikelabError(code, message, hint, where);
}

/** The hint for a download that can be retried. */
export const RETRY_HINT = 'Fetch it again; nothing of this attempt was kept.';
