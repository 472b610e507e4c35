import { describe, expect, it } from 'vitest';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { eventTypes } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { allowedActions, applyTransition } from '../../../src/dossier/state-machine.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { DAY, MINUTE, PROCESSING_UNIT, RECEPTION_UNIT, START, eventFactory, iso, receivedPayload } from './fixtures.ts';

const S = DossierStatus;
const THIRD_UNIT = '000.00.30.H23';
const processing = { unitId: PROCESSING_UNIT, officerId: 'cb.thuly', deskId: 'ban-thuly' };
const statuses = Object.values(DossierStatus).filter((s) => s !== S.New);

const payloads: { [T in EventType]?: PayloadInput<T> } = {
  RESOLVED: { resultSummary: 'Đã cấp' },
  RETURNED: { collectedBy: { fullName: 'Nguyễn Văn An' } },
  WITHDRAWN: { reason: 'Công dân xin rút' },
  REFUSED: { reason: 'Không đủ điều kiện' },
  TRANSFERRED: { toUnitId: THIRD_UNIT },
  NOTE: { text: 'Ghi chú' },
  PRINTED: { form: 'receipt', copies: 1, isCopy: true },
  SUPPLEMENT_REQUESTED: { reason: 'Thiếu giấy', items: ['Ảnh'] },
  EXTENDED: { reason: 'Xác minh', responsibleUnit: 'Công an xã', newDueAt: iso(START + 10 * DAY) },
  STOPPED: { reason: 'Có quyết định dừng' },
  ACCEPTED: {},
};

describe('the holder rule in the state machine', () => {
  it('refuses every action but RECEIVED from a unit that does not hold the dossier, in every status', () => {
    for (const status of statuses) {
      for (const type of eventTypes.filter((t) => t !== 'RECEIVED')) {
        const context = { handoverPending: true, holderUnitId: PROCESSING_UNIT, receivingUnitId: RECEPTION_UNIT };
        const result = applyTransition(status, { type, unitId: RECEPTION_UNIT }, context);
        expect(result.ok, `${type} from ${status}`).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('transition.wrong_unit');
      }
      expect(allowedActions(status, { handoverPending: true, holderUnitId: PROCESSING_UNIT, receivingUnitId: RECEPTION_UNIT }, RECEPTION_UNIT)).toEqual([]);
    }
  });

  it('says in Vietnamese which unit holds the dossier now', () => {
    const result = applyTransition(S.InProcessing, { type: 'RESOLVED', unitId: RECEPTION_UNIT }, { holderUnitId: PROCESSING_UNIT });
    expect(!result.ok && result.error.message).toBe(
      `Không thể "Hoàn thành giải quyết": hồ sơ đang do đơn vị ${PROCESSING_UNIT} giữ, đơn vị ${RECEPTION_UNIT} không còn thao tác được trên hồ sơ này.`,
    );
  });

  it('leaves the holder every action the status allows', () => {
    for (const status of statuses) {
      const context = { handoverPending: false, holderUnitId: PROCESSING_UNIT, receivingUnitId: PROCESSING_UNIT };
      expect(allowedActions(status, context, PROCESSING_UNIT)).toEqual(allowedActions(status, { handoverPending: false }));
    }
  });
});

describe('the result handed back (TRANSFERRED in 9)', () => {
  const away = { holderUnitId: PROCESSING_UNIT, receivingUnitId: RECEPTION_UNIT };

  it('is legal from the holder to the receiving unit while the dossier is away, and opens no hand-over', () => {
    expect(applyTransition(S.Resolved, { type: 'TRANSFERRED', unitId: PROCESSING_UNIT, toUnitId: RECEPTION_UNIT }, away)).toEqual({
      ok: true,
      value: { status: S.Resolved, handoverPending: false },
    });
    expect(allowedActions(S.Resolved, away, PROCESSING_UNIT)).toContain('TRANSFERRED');
  });

  it('goes nowhere but the receiving unit', () => {
    const result = applyTransition(S.Resolved, { type: 'TRANSFERRED', unitId: PROCESSING_UNIT, toUnitId: THIRD_UNIT }, away);
    expect(!result.ok && result.error.code).toBe('transition.hand_back_elsewhere');
    expect(!result.ok && result.error.message).toContain(RECEPTION_UNIT);
  });

  it('is not offered once the dossier is at its receiving unit, nor without knowing where it is', () => {
    const home = { holderUnitId: RECEPTION_UNIT, receivingUnitId: RECEPTION_UNIT };
    expect(allowedActions(S.Resolved, home, RECEPTION_UNIT)).toEqual(['RETURNED', 'NOTE', 'PRINTED', 'FEE_RECEIPT_ISSUED', 'FEE_RECEIPT_VOIDED', 'ATTACHED']);
    const result = applyTransition(S.Resolved, { type: 'TRANSFERRED', unitId: RECEPTION_UNIT, toUnitId: RECEPTION_UNIT }, home);
    expect(!result.ok && result.error.code).toBe('transition.illegal');
    expect(allowedActions(S.Resolved)).not.toContain('TRANSFERRED');
  });
});

/** Received by the reception unit, taken in processing, then transferred to the processing unit. */
function transferredDossier() {
  const f = eventFactory();
  const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload())];
  f.advance(MINUTE);
  events.push(f.make('ACCEPTED', {}));
  f.advance(MINUTE);
  events.push(f.make('TRANSFERRED', { toUnitId: PROCESSING_UNIT }));
  return { f, events };
}

describe('the holder rule in the projection', () => {
  it.each(['RESOLVED', 'WITHDRAWN', 'REFUSED', 'TRANSFERRED', 'SUPPLEMENT_REQUESTED', 'EXTENDED', 'STOPPED', 'NOTE', 'PRINTED'] as const)(
    '%s from the unit that transferred the dossier away is an anomaly and changes nothing',
    (type) => {
      const { f, events } = transferredDossier();
      const before = projectDossier(events);
      f.advance(MINUTE);
      const late = f.make(type, payloads[type] as never);
      const after = projectDossier([...events, late]);
      expect(after.anomalies).toMatchObject([{ eventId: late.id, code: 'transition.wrong_unit' }]);
      const { eventIds: _a, anomalies: _b, ...changed } = after;
      const { eventIds: _c, anomalies: _d, ...unchanged } = before;
      expect(changed).toEqual(unchanged);
    },
  );

  it('RETURNED by the receiving unit while the processing unit holds the resolved dossier is an anomaly', () => {
    const { f, events } = transferredDossier();
    events.push(f.make('ACCEPTED', {}, processing), f.make('RESOLVED', {}, processing));
    f.advance(MINUTE);
    const returned = f.make('RETURNED', payloads.RETURNED as PayloadInput<'RETURNED'>);
    const state = projectDossier([...events, returned]);
    expect(state).toMatchObject({ status: S.Resolved, returnedAt: null, holderUnitId: PROCESSING_UNIT });
    expect(state.anomalies).toMatchObject([{ eventId: returned.id, code: 'transition.wrong_unit' }]);
  });

  it('lets the new holder act, then the receiving unit return the result once it is handed back', () => {
    const { f, events } = transferredDossier();
    events.push(f.make('ACCEPTED', {}, processing), f.make('NOTE', { text: 'Đang xác minh' }, processing), f.make('RESOLVED', {}, processing));
    f.advance(MINUTE);
    events.push(f.make('TRANSFERRED', { toUnitId: RECEPTION_UNIT }, processing));
    f.advance(MINUTE);
    events.push(f.make('PRINTED', payloads.PRINTED as PayloadInput<'PRINTED'>), f.make('RETURNED', payloads.RETURNED as PayloadInput<'RETURNED'>));
    expect(projectDossier(events)).toMatchObject({ status: S.Returned, holderUnitId: RECEPTION_UNIT, anomalies: [] });
    // Once handed back, the processing unit records nothing more.
    const late = f.make('NOTE', { text: 'Muộn' }, processing);
    expect(projectDossier([...events, late]).anomalies).toMatchObject([{ eventId: late.id, code: 'transition.wrong_unit' }]);
  });

  it('refuses a hand-back to any unit but the receiving one', () => {
    const { f, events } = transferredDossier();
    events.push(f.make('ACCEPTED', {}, processing), f.make('RESOLVED', {}, processing));
    const elsewhere = f.make('TRANSFERRED', { toUnitId: THIRD_UNIT }, processing);
    const state = projectDossier([...events, elsewhere]);
    expect(state).toMatchObject({ holderUnitId: PROCESSING_UNIT, anomalies: [{ eventId: elsewhere.id, code: 'transition.hand_back_elsewhere' }] });
  });
});
