import { describe, expect, it } from 'vitest';
import type { BridgeErrorCode, PrintedOutcome } from '../../../../src/bridge/bridge-error.ts';
import { planAfterFailure, printedOutcomeOf, receiptIsCopy, retryIsCopy } from '../../../../src/print/thermal/reprint.ts';

describe('which marking a receipt retry gets', () => {
  it('trusts the host when it says whether paper may have come out', () => {
    expect(printedOutcomeOf({ code: 'printer-connection-lost', printed: 'maybe' })).toBe('maybe');
    expect(printedOutcomeOf({ code: 'printer-timeout', printed: 'no' })).toBe('no');
    expect(printedOutcomeOf({ code: 'printer-unreachable', printed: 'no' })).toBe('no');
    // Even a code that is normally "before sending" follows the host's word.
    expect(printedOutcomeOf({ code: 'unsupported', printed: 'maybe' })).toBe('maybe');
  });

  it("without the host's word, only failures that stop before the printer count as not printed", () => {
    const never: BridgeErrorCode[] = ['invalid-payload', 'forbidden-sender', 'unsupported', 'printer-not-found', 'invalid-image'];
    for (const code of never) expect(printedOutcomeOf({ code })).toBe('no');
    const unclear: BridgeErrorCode[] = ['internal', 'print-failed', 'printer-connection-lost', 'printer-timeout'];
    for (const code of unclear) expect(printedOutcomeOf({ code })).toBe('maybe');
  });

  it('plans a copy and a logged attempt after an unclear failure, an original and nothing logged after a clear one', () => {
    expect(planAfterFailure({ code: 'printer-connection-lost', printed: 'maybe' })).toEqual({ logAttempt: true, retryIsCopy: true, canRetry: true });
    expect(planAfterFailure({ code: 'printer-timeout', printed: 'maybe' })).toEqual({ logAttempt: true, retryIsCopy: true, canRetry: true });
    expect(planAfterFailure({ code: 'internal' })).toEqual({ logAttempt: true, retryIsCopy: true, canRetry: true });
    expect(planAfterFailure({ code: 'printer-unreachable', printed: 'no' })).toEqual({ logAttempt: false, retryIsCopy: false, canRetry: true });
    expect(planAfterFailure({ code: 'printer-out-of-paper', printed: 'no' })).toEqual({ logAttempt: false, retryIsCopy: false, canRetry: true });
    expect(planAfterFailure({ code: 'printer-offline', printed: 'no' })).toEqual({ logAttempt: false, retryIsCopy: false, canRetry: true });
    expect(planAfterFailure({ code: 'printer-not-found', printed: 'no' })).toEqual({ logAttempt: false, retryIsCopy: false, canRetry: true });
  });

  it('offers no retry where trying again cannot help (a browser cannot reach a network printer)', () => {
    expect(planAfterFailure({ code: 'unsupported', printed: 'no' })).toEqual({ logAttempt: false, retryIsCopy: false, canRetry: false });
    expect(planAfterFailure({ code: 'invalid-image' }).canRetry).toBe(false);
    expect(planAfterFailure({ code: 'invalid-payload' }).canRetry).toBe(false);
  });

  it('marks the next receipt as a copy after an earlier print or an unclear failure, never after a clear one alone', () => {
    const cases: [boolean, PrintedOutcome | undefined, boolean][] = [
      [false, undefined, false],
      [false, 'no', false],
      [false, 'maybe', true],
      [true, undefined, true],
      [true, 'no', true],
      [true, 'maybe', true],
    ];
    for (const [printedBefore, previousFailure, copy] of cases) {
      expect(receiptIsCopy({ printedBefore, previousFailure }), `${printedBefore}/${previousFailure}`).toBe(copy);
    }
    expect(retryIsCopy({ printed: undefined })).toBe(true);
  });
});
