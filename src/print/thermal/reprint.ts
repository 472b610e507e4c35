import type { BridgeFailure } from '../../bridge/bridge-error.ts';

/**
 * Whether the next print of a receipt must carry the "BẢN SAO" mark. A failure
 * that may already have put paper out (connection lost mid-job, a timeout after
 * bytes were sent) makes any retry a copy; a clear failure (unreachable, out of
 * paper before sending) does not.
 */
export function retryIsCopy(previousFailure: Pick<BridgeFailure, 'printed'>): boolean {
  return previousFailure.printed !== 'no';
}
