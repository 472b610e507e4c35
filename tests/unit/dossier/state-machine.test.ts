import { describe, expect, it } from 'vitest';
import { DossierStatus } from '../../../src/dossier/status.ts';
import type { EventType } from '../../../src/dossier/events.ts';
import { eventTypes } from '../../../src/dossier/events.ts';
import { actionLabels, allowedActions, applyTransition } from '../../../src/dossier/state-machine.ts';

const S = DossierStatus;
const statuses = Object.values(DossierStatus);

/** The transition table of the issue, written out independently of the implementation. */
const expected: Record<EventType, { from: DossierStatus[]; to: DossierStatus | 'same' }> = {
  RECEIVED: { from: [S.New], to: S.Received },
  // ACCEPTED in 4 needs a pending hand-over: tested below.
  ACCEPTED: { from: [S.Received], to: S.InProcessing },
  TRANSFERRED: { from: [S.Received, S.InProcessing], to: 'same' },
  SUPPLEMENT_REQUESTED: { from: [S.Received, S.InProcessing], to: S.SupplementRequested },
  SUPPLEMENT_RECEIVED: { from: [S.SupplementRequested], to: S.InProcessing },
  FINANCIAL_OBLIGATION_REQUESTED: { from: [S.InProcessing], to: S.FinancialObligationPending },
  FINANCIAL_OBLIGATION_FULFILLED: { from: [S.FinancialObligationPending], to: S.InProcessing },
  REFUSED: { from: [S.Received, S.InProcessing, S.SupplementRequested], to: S.Refused },
  RESOLVED: { from: [S.InProcessing], to: S.Resolved },
  RETURNED: { from: [S.Resolved], to: S.Returned },
  WITHDRAWN: { from: [S.Received, S.InProcessing, S.SupplementRequested, S.FinancialObligationPending], to: S.Withdrawn },
  STOPPED: { from: [S.InProcessing, S.SupplementRequested, S.FinancialObligationPending], to: S.Stopped },
  EXTENDED: { from: [S.Received, S.InProcessing, S.SupplementRequested, S.FinancialObligationPending], to: 'same' },
  NOTE: { from: statuses.filter((s) => s !== S.New), to: 'same' },
  PRINTED: { from: statuses.filter((s) => s !== S.New), to: 'same' },
  FEE_RECEIPT_ISSUED: { from: [S.Received, S.InProcessing, S.SupplementRequested, S.FinancialObligationPending, S.Resolved], to: 'same' },
  FEE_RECEIPT_VOIDED: { from: statuses.filter((s) => s !== S.New), to: 'same' },
  ATTACHED: { from: statuses.filter((s) => s !== S.New), to: 'same' },
};

describe('applyTransition', () => {
  for (const type of eventTypes) {
    for (const status of statuses) {
      const rule = expected[type];
      const legal = rule.from.includes(status);
      it(`${type} from ${status} is ${legal ? 'legal' : 'illegal'}`, () => {
        const result = applyTransition(status, { type });
        expect(result.ok).toBe(legal);
        if (result.ok) expect(result.value.status).toBe(rule.to === 'same' ? status : rule.to);
        else expect(result.error.message).toContain(actionLabels[type]);
      });
    }
  }

  it('RECEIVED starts a dossier from nothing, and only once', () => {
    expect(applyTransition(null, { type: 'RECEIVED' })).toEqual({ ok: true, value: { status: S.Received, handoverPending: false } });
    const again = applyTransition(S.Received, { type: 'RECEIVED' });
    expect(!again.ok && again.error.code).toBe('transition.already_received');
  });

  it('nothing but RECEIVED happens before reception', () => {
    for (const type of eventTypes.filter((t) => t !== 'RECEIVED')) {
      const result = applyTransition(null, { type });
      expect(!result.ok && result.error.code).toBe('transition.not_received');
    }
  });

  it('an illegal move names the action and the status in Vietnamese', () => {
    const result = applyTransition(S.Received, { type: 'RETURNED' });
    expect(!result.ok && result.error.code).toBe('transition.illegal');
    expect(!result.ok && result.error.message).toBe('Không thể "Trả kết quả" khi hồ sơ đang ở trạng thái "Đã tiếp nhận".');
  });

  it('a transfer in processing opens a hand-over that one ACCEPTED closes', () => {
    const transferred = applyTransition(S.InProcessing, { type: 'TRANSFERRED' });
    expect(transferred).toEqual({ ok: true, value: { status: S.InProcessing, handoverPending: true } });
    const accepted = applyTransition(S.InProcessing, { type: 'ACCEPTED' }, { handoverPending: true });
    expect(accepted).toEqual({ ok: true, value: { status: S.InProcessing, handoverPending: false } });
    const twice = applyTransition(S.InProcessing, { type: 'ACCEPTED' }, { handoverPending: false });
    expect(!twice.ok && twice.error.code).toBe('transition.not_handed_over');
  });

  it('other actions carry the pending hand-over through', () => {
    expect(applyTransition(S.InProcessing, { type: 'NOTE' }, { handoverPending: true })).toEqual({
      ok: true,
      value: { status: S.InProcessing, handoverPending: true },
    });
  });
});

describe('allowedActions', () => {
  it('offers exactly the legal actions for each status', () => {
    for (const status of statuses) {
      const legal = eventTypes.filter((type) => expected[type].from.includes(status));
      expect(allowedActions(status)).toEqual(legal);
    }
  });

  it('offers only RECEIVED before reception', () => {
    expect(allowedActions(null)).toEqual(['RECEIVED']);
    expect(allowedActions(S.New)).toEqual(['RECEIVED']);
  });

  it('offers ACCEPTED in processing only while a hand-over is pending', () => {
    expect(allowedActions(S.InProcessing)).not.toContain('ACCEPTED');
    expect(allowedActions(S.InProcessing, { handoverPending: true })).toContain('ACCEPTED');
  });

  it('offers nothing that changes a finished dossier', () => {
    for (const status of [S.Refused, S.Withdrawn, S.Stopped, S.Returned]) {
      // A void changes no status: a wrong fee receipt found later is still cancelled; a late scan still counts.
      expect(allowedActions(status)).toEqual(['NOTE', 'PRINTED', 'FEE_RECEIPT_VOIDED', 'ATTACHED']);
    }
    expect(allowedActions(S.Resolved)).toEqual(['RETURNED', 'NOTE', 'PRINTED', 'FEE_RECEIPT_ISSUED', 'FEE_RECEIPT_VOIDED', 'ATTACHED']);
  });

  it('never offers RETURNED before RESOLVED nor RESOLVED while waiting on the citizen', () => {
    for (const status of [S.Received, S.InProcessing, S.SupplementRequested, S.FinancialObligationPending]) {
      expect(allowedActions(status)).not.toContain('RETURNED');
    }
    expect(allowedActions(S.SupplementRequested)).not.toContain('RESOLVED');
    expect(allowedActions(S.FinancialObligationPending)).not.toContain('RESOLVED');
  });
});
