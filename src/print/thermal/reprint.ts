import type { BridgeErrorCode, BridgeFailure, PrintedOutcome } from '../../bridge/bridge-error.ts';

/**
 * Whether the next print of a receipt must carry the "BẢN SAO" mark. A failure
 * that may already have put paper out (connection lost mid-job, a timeout after
 * bytes were sent) makes any retry a copy; a clear failure (unreachable, out of
 * paper before sending) does not.
 */
export function retryIsCopy(previousFailure: Pick<BridgeFailure, 'printed'>): boolean {
  return previousFailure.printed !== 'no';
}

/** Failures that happen before anything can reach a printer, whatever the host said. */
const neverSentCodes: ReadonlySet<BridgeErrorCode> = new Set<BridgeErrorCode>([
  'invalid-payload',
  'forbidden-sender',
  'unsupported',
  'printer-not-found',
  'invalid-image',
]);

/** Failures after which trying again cannot help: the host cannot print this at all, or the request is wrong. */
const hopelessCodes: ReadonlySet<BridgeErrorCode> = new Set<BridgeErrorCode>(['invalid-payload', 'forbidden-sender', 'unsupported', 'invalid-image']);

/**
 * Settles whether paper may have come out. The host says so for printer failures; when it
 * did not (an unexpected error on the way), only failures that certainly stop before the
 * printer count as "no": anything else may have printed, so a retry is marked as a copy.
 */
export function printedOutcomeOf(failure: Pick<BridgeFailure, 'code' | 'printed'>): PrintedOutcome {
  if (failure.printed !== undefined) return failure.printed;
  return neverSentCodes.has(failure.code) ? 'no' : 'maybe';
}

/** What a failed receipt print leads to. */
export interface FailedPrintPlan {
  /** Paper may have come out: whether the attempt goes into the print log (so the log counts it). */
  logAttempt: boolean;
  /** The retry carries "BẢN SAO" (and is logged as a copy). */
  retryIsCopy: boolean;
  /** Whether an "In lại" (retry) makes sense. */
  canRetry: boolean;
}

export function planAfterFailure(failure: Pick<BridgeFailure, 'code' | 'printed'>): FailedPrintPlan {
  const printed = printedOutcomeOf(failure);
  return {
    logAttempt: printed === 'maybe',
    retryIsCopy: retryIsCopy({ printed }),
    canRetry: !hopelessCodes.has(failure.code),
  };
}

/**
 * The mark of the next receipt print: a copy when this receipt was printed (or logged as
 * possibly printed) before, or when the previous attempt failed in a way that may have printed.
 */
export function receiptIsCopy(input: { printedBefore: boolean; previousFailure?: PrintedOutcome | undefined }): boolean {
  if (input.printedBefore) return true;
  return input.previousFailure !== undefined && retryIsCopy({ printed: input.previousFailure });
}
