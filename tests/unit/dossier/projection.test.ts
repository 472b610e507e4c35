import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import type { DossierEvent, EventType, PayloadInput } from '../../../src/dossier/events.ts';
import { allowedActions } from '../../../src/dossier/state-machine.ts';
import { CODE, DAY, MINUTE, PROCESSING_UNIT, RECEPTION_UNIT, START, eventFactory, iso, receivedPayload } from './fixtures.ts';

const S = DossierStatus;
const DUE = START + 3 * DAY;
const processing = { unitId: PROCESSING_UNIT, officerId: 'cb.thuly', deskId: 'ban-thuly' };

const stamp = (event: DossierEvent, ms: number): DossierEvent => ({ ...event, serverAt: iso(ms) });
const codes = (events: readonly DossierEvent[]) => projectDossier(events).anomalies.map((a) => a.code);

describe('projectDossier: scenarios', () => {
  it('follows the happy path 2 → 4 → 9 → 10 through a transfer and the result handed back', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload({ linkedGroupId: 'lienthong-1' }));
    f.advance(10 * MINUTE);
    const transferred = f.make('TRANSFERRED', { toUnitId: PROCESSING_UNIT, toOfficerId: 'cb.thuly' });
    f.advance(60 * MINUTE);
    const accepted = f.make('ACCEPTED', {}, processing);
    f.advance(DAY);
    const resolved = f.make('RESOLVED', { resultSummary: 'Đã cấp giấy xác nhận' }, processing);
    f.advance(60 * MINUTE);
    const handedBack = f.make('TRANSFERRED', { toUnitId: RECEPTION_UNIT, toOfficerId: 'cb.tiepnhan' }, processing);
    f.advance(DAY);
    const returned = f.make('RETURNED', { collectedBy: { fullName: 'Nguyễn Văn An' } });

    const afterTransfer = projectDossier([received, transferred]);
    expect(afterTransfer).toMatchObject({
      status: S.Received,
      holderUnitId: PROCESSING_UNIT,
      holderOfficerId: 'cb.thuly',
      handoverPending: true,
    });
    expect(allowedActions(afterTransfer.status, afterTransfer)).toContain('ACCEPTED');

    const afterAccept = projectDossier([received, transferred, accepted]);
    expect(afterAccept).toMatchObject({ status: S.InProcessing, holderOfficerId: 'cb.thuly', handoverPending: false });
    expect(projectDossier([received, transferred, accepted, resolved]).status).toBe(S.Resolved);
    expect(projectDossier([received, transferred, accepted, resolved, handedBack])).toMatchObject({
      status: S.Resolved,
      holderUnitId: RECEPTION_UNIT,
      handoverPending: false,
      anomalies: [],
    });

    const state = projectDossier([received, transferred, accepted, resolved, handedBack, returned]);
    expect(state).toEqual({
      code: CODE,
      procedureCode: '1.004873',
      procedureName: 'Xác nhận tình trạng hôn nhân',
      field: 'Hộ tịch',
      applicantName: 'Nguyễn Văn An',
      channel: 'in-person',
      receivingUnitId: RECEPTION_UNIT,
      receivedByOfficerId: 'cb.tiepnhan',
      holderUnitId: RECEPTION_UNIT,
      holderOfficerId: 'cb.tiepnhan',
      reportUnitId: RECEPTION_UNIT,
      status: S.Returned,
      receivedAt: iso(START),
      originalDueAt: iso(DUE),
      dueAt: iso(DUE),
      finishedAt: resolved.at,
      returnedAt: returned.at,
      pausedWorkingMinutes: 0,
      supplementRequestCount: 0,
      extensionCount: 0,
      linkedGroupId: 'lienthong-1',
      papersDigitised: false,
      resultDigitised: false,
      eventIds: [received.id, transferred.id, accepted.id, resolved.id, handedBack.id, returned.id],
      anomalies: [],
      handoverPending: false,
      deadlineState: 'early',
      feeReceipts: [],
      // A linked group id alone (older events) is no group membership.
      group: null,
      attachments: [],
    });
  });

  it('keeps the digitised files of the dossier: a rescan in place of the file it replaces, the same file once', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    const paper = { size: 400_000, mediaType: 'application/pdf' as const, pages: 2, role: 'paper' as const, paper: 'Tờ khai' };
    const first = f.make('ATTACHED', { ...paper, hash: 'a'.repeat(64), fileName: 'to-khai.pdf' });
    const again = f.make('ATTACHED', { ...paper, hash: 'a'.repeat(64) });
    const rescan = f.make('ATTACHED', { ...paper, hash: 'b'.repeat(64), replaces: 'a'.repeat(64) });
    const state = projectDossier([received, first, again, rescan]);
    expect(state.attachments).toEqual([
      { hash: 'b'.repeat(64), size: 400_000, mediaType: 'application/pdf', pages: 2, role: 'paper', paper: 'Tờ khai', at: rescan.at, officerId: rescan.officerId, unitId: rescan.unitId },
    ]);
    expect(state.status).toBe(S.Received);
    expect(state.anomalies).toEqual([]);
    // The file name can hold the citizen's name: it stays in the (encrypted) event, not the projection.
    expect(JSON.stringify(projectDossier([received, first]))).not.toContain('to-khai.pdf');
  });

  it('marks the dossier digitised once every paper kept is scanned, and the result once it is attached', () => {
    const f = eventFactory();
    const papers = [
      { name: 'Tờ khai', originals: 1, copies: 0 },
      { name: 'Căn cước', originals: 0, copies: 0, presentedOnly: true as const },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
    ];
    const received = f.make('RECEIVED', receivedPayload({ papers }));
    const file = { size: 1000, mediaType: 'application/pdf' as const, pages: 1 };
    const form = f.make('ATTACHED', { ...file, hash: 'a'.repeat(64), role: 'paper', paper: 'Tờ khai' });
    const birth = f.make('ATTACHED', { ...file, hash: 'b'.repeat(64), role: 'paper', paper: 'Giấy chứng sinh' });
    const result = f.make('ATTACHED', { ...file, hash: 'c'.repeat(64), role: 'result' });
    const flags = (events: DossierEvent[]) => {
      const { papersDigitised, resultDigitised } = projectDossier(events);
      return { papersDigitised, resultDigitised };
    };
    expect(flags([received, form])).toEqual({ papersDigitised: false, resultDigitised: false });
    // The ID card was only shown: the two papers kept are enough, in any delivery order.
    expect(flags([birth, received, form])).toEqual({ papersDigitised: true, resultDigitised: false });
    expect(flags([received, form, birth, result])).toEqual({ papersDigitised: true, resultDigitised: true });
  });

  it('pauses for a supplement and moves the due date', () => {
    const f = eventFactory();
    const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload())];
    f.advance(MINUTE);
    events.push(f.make('ACCEPTED', {}));
    f.advance(MINUTE);
    events.push(f.make('SUPPLEMENT_REQUESTED', { reason: 'Thiếu giấy tờ', items: ['Giấy khai sinh'] }));
    expect(projectDossier(events)).toMatchObject({ status: S.SupplementRequested, supplementRequestCount: 1 });
    f.advance(DAY);
    events.push(f.make('SUPPLEMENT_RECEIVED', { pausedWorkingMinutes: 480, newDueAt: iso(DUE + DAY) }));
    expect(projectDossier(events)).toMatchObject({
      status: S.InProcessing,
      pausedWorkingMinutes: 480,
      originalDueAt: iso(DUE),
      dueAt: iso(DUE + DAY),
      anomalies: [],
    });
    f.advance(MINUTE);
    events.push(f.make('SUPPLEMENT_REQUESTED', { reason: 'Lần hai', items: ['Ảnh'] }));
    f.advance(MINUTE);
    events.push(f.make('SUPPLEMENT_RECEIVED', { pausedWorkingMinutes: 60, newDueAt: iso(DUE + DAY + 60 * MINUTE) }));
    expect(projectDossier(events)).toMatchObject({ supplementRequestCount: 2, pausedWorkingMinutes: 540, dueAt: iso(DUE + DAY + 60 * MINUTE) });
  });

  it('records an extension: same status, new due, finished on time against the new due', () => {
    const f = eventFactory();
    const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload()), f.make('ACCEPTED', {})];
    const newDue = DUE + 2 * DAY;
    events.push(f.make('EXTENDED', { reason: 'Cần xác minh', responsibleUnit: 'Công an xã', newDueAt: iso(newDue) }));
    expect(projectDossier(events)).toMatchObject({ status: S.InProcessing, extensionCount: 1, originalDueAt: iso(DUE), dueAt: iso(newDue) });
    f.setClock(newDue - 60 * MINUTE);
    events.push(f.make('RESOLVED', {}));
    expect(projectDossier(events)).toMatchObject({ status: S.Resolved, deadlineState: 'on-time', finishedAt: iso(newDue - 60 * MINUTE) });
  });

  it('refuses: status 3, finished, and nothing but notes and prints afterwards', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    f.advance(MINUTE);
    const refused = f.make('REFUSED', { reason: 'Không thuộc thẩm quyền' });
    f.advance(MINUTE);
    const note = f.make('NOTE', { text: 'Đã hướng dẫn công dân' });
    f.advance(MINUTE);
    const resolved = f.make('RESOLVED', {});
    const state = projectDossier([received, refused, note, resolved]);
    expect(state).toMatchObject({ status: S.Refused, finishedAt: refused.at, eventIds: [received.id, refused.id, note.id, resolved.id] });
    expect(state.anomalies).toEqual([
      { eventId: resolved.id, code: 'transition.illegal', message: 'Không thể "Hoàn thành giải quyết" khi hồ sơ đang ở trạng thái "Từ chối".' },
    ]);
    expect(allowedActions(state.status)).toEqual(['NOTE', 'PRINTED', 'FEE_RECEIPT_VOIDED', 'ATTACHED']);
  });

  it('withdraws while a financial obligation is pending', () => {
    const f = eventFactory();
    const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload()), f.make('ACCEPTED', {})];
    events.push(f.make('FINANCIAL_OBLIGATION_REQUESTED', { note: 'Nộp thuế' }));
    expect(projectDossier(events).status).toBe(S.FinancialObligationPending);
    expect(allowedActions(S.FinancialObligationPending)).not.toContain('RESOLVED');
    f.advance(2 * MINUTE);
    const withdrawn = f.make('WITHDRAWN', { reason: 'Công dân xin rút hồ sơ' });
    events.push(withdrawn);
    expect(projectDossier(events)).toMatchObject({ status: S.Withdrawn, finishedAt: withdrawn.at, anomalies: [] });
  });

  it('stops processing and fulfils obligations', () => {
    const f = eventFactory();
    const events: DossierEvent[] = [
      f.make('RECEIVED', receivedPayload()),
      f.make('ACCEPTED', {}),
      f.make('FINANCIAL_OBLIGATION_REQUESTED', {}),
      f.make('FINANCIAL_OBLIGATION_FULFILLED', {}),
      f.make('PRINTED', { form: 'receipt', copies: 1, isCopy: true }),
      f.make('STOPPED', { reason: 'Có quyết định dừng' }),
    ];
    expect(projectDossier(events)).toMatchObject({ status: S.Stopped, anomalies: [] });
  });
});

describe('projectDossier: anomalies are visible, nothing is dropped', () => {
  it('RETURNED before RESOLVED', () => {
    const f = eventFactory();
    const events = [f.make('RECEIVED', receivedPayload()), f.make('ACCEPTED', {}), f.make('RETURNED', { collectedBy: { fullName: 'An' } })];
    const state = projectDossier(events);
    expect(state.status).toBe(S.InProcessing);
    expect(state.returnedAt).toBeNull();
    expect(state.eventIds).toHaveLength(3);
    expect(state.anomalies).toMatchObject([{ eventId: events[2]?.id, code: 'transition.illegal' }]);
  });

  it('a second RECEIVED does not overwrite the first', () => {
    const f = eventFactory();
    const first = f.make('RECEIVED', receivedPayload());
    f.advance(MINUTE);
    const second = f.make('RECEIVED', receivedPayload({ procedureName: 'Khác' }), { officerId: 'cb.khac' });
    const state = projectDossier([second, first]);
    expect(state).toMatchObject({ procedureName: 'Xác nhận tình trạng hôn nhân', receivedByOfficerId: 'cb.tiepnhan' });
    expect(state.anomalies).toMatchObject([{ eventId: second.id, code: 'transition.already_received' }]);
  });

  it('an event of another dossier', () => {
    const f = eventFactory();
    const foreign = f.make('NOTE', { text: 'x' }, { dossierCode: '000.00.12.H23-251122-2001' });
    const state = projectDossier([f.make('RECEIVED', receivedPayload()), foreign]);
    expect(state.code).toBe(CODE);
    expect(state.eventIds).toContain(foreign.id);
    expect(state.anomalies).toMatchObject([{ eventId: foreign.id, code: 'event.wrong_dossier' }]);
    expect(state.anomalies[0]?.message).toContain('000.00.12.H23-251122-2001');
  });

  it('no RECEIVED at all: status 1 (not received) and one anomaly per event', () => {
    const f = eventFactory();
    const events = [f.make('ACCEPTED', {}), f.make('NOTE', { text: 'x' })];
    const state = projectDossier(events);
    expect(state).toMatchObject({ code: CODE, status: S.New, dueAt: '', eventIds: events.map((e) => e.id) });
    expect(state.anomalies.map((a) => a.code)).toEqual(['transition.not_received', 'transition.not_received']);
    expect(state.deadlineState).toBeUndefined();
  });

  it('ACCEPTED twice, or by a unit that does not hold the dossier', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    const transferred = f.make('TRANSFERRED', { toUnitId: PROCESSING_UNIT });
    const wrongUnit = f.make('ACCEPTED', {});
    const accepted = f.make('ACCEPTED', {}, processing);
    const again = f.make('ACCEPTED', {}, processing);
    const state = projectDossier([received, transferred, wrongUnit, accepted, again]);
    expect(state).toMatchObject({ status: S.InProcessing, holderUnitId: PROCESSING_UNIT, holderOfficerId: 'cb.thuly' });
    expect(state.anomalies.map((a) => [a.eventId, a.code])).toEqual([
      [wrongUnit.id, 'transition.wrong_unit'],
      [again.id, 'transition.not_handed_over'],
    ]);
  });

  it('deduplicates identical copies and flags a tampered copy without applying it', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    const accepted = f.make('ACCEPTED', {});
    const resolved = f.make('RESOLVED', { resultSummary: 'Đúng' });
    const forged = { ...resolved, payload: { resultSummary: 'Sửa' } };
    expect(projectDossier([received, received, accepted, { ...accepted }])).toMatchObject({
      eventIds: [received.id, accepted.id],
      anomalies: [],
    });
    const state = projectDossier([received, accepted, resolved, forged]);
    expect(state.status).toBe(S.InProcessing);
    expect(state.eventIds).toEqual([received.id, accepted.id, resolved.id]);
    expect(state.anomalies).toMatchObject([{ eventId: resolved.id, code: 'event.tampered' }]);
  });

  it('prefers the server-stamped copy of an event, and flags two different stamps', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    const note = f.make('NOTE', { text: 'x' });
    expect(projectDossier([received, note, stamp(note, START + DAY)]).anomalies).toEqual([]);
    const conflicting = [stamp(received, START), stamp(note, START + DAY), stamp(note, START + 2 * DAY)];
    expect(codes(conflicting)).toEqual(['event.server_time_conflict']);
  });

  it('refuses an empty event list', () => {
    expect(() => projectDossier([])).toThrow(DomainError);
  });
});

describe('projectDossier: order', () => {
  it('orders by server time over desk time', () => {
    const f = eventFactory();
    const received = stamp(f.make('RECEIVED', receivedPayload()), START + 10 * MINUTE);
    const transferred = stamp(f.make('TRANSFERRED', { toUnitId: PROCESSING_UNIT }), START + 11 * MINUTE);
    f.advance(MINUTE);
    const resolved = f.make('RESOLVED', {}, processing);
    f.advance(MINUTE);
    const accepted = f.make('ACCEPTED', {}, processing);
    // Desk times (a wrong clock) say RESOLVED came first; the server saw ACCEPTED first.
    const state = projectDossier([received, transferred, stamp(resolved, START + 30 * MINUTE), stamp(accepted, START + 20 * MINUTE)]);
    expect(state.eventIds).toEqual([received.id, transferred.id, accepted.id, resolved.id]);
    expect(state).toMatchObject({ status: S.Resolved, anomalies: [] });
  });

  it("places a desk's unsynced actions after every stamped event even with a slow desk clock", () => {
    const f = eventFactory();
    const received = stamp(f.make('RECEIVED', receivedPayload()), START + 60 * MINUTE);
    f.advance(5 * MINUTE); // still before the server stamp of RECEIVED
    const accepted = f.make('ACCEPTED', {});
    const state = projectDossier([accepted, received]);
    expect(state.eventIds).toEqual([received.id, accepted.id]);
    expect(state.anomalies).toEqual([]);
  });

  it('breaks equal times by id', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    const a = f.make('NOTE', { text: 'a' });
    const b = f.make('NOTE', { text: 'b' });
    expect(a.at).toBe(b.at);
    expect(projectDossier([b, a, received]).eventIds).toEqual([received.id, a.id, b.id]);
  });
});

describe('projectDossier: deadline state', () => {
  const resolvedAt = (finishMs: number) => {
    const f = eventFactory();
    const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload()), f.make('ACCEPTED', {})];
    f.setClock(finishMs);
    events.push(f.make('RESOLVED', {}));
    return projectDossier(events).deadlineState;
  };

  it('compares Vietnamese calendar dates of finishing and due', () => {
    // DUE is 08:00 in Vietnam; the same Vietnamese day runs from 17:00Z the day before to 17:00Z.
    const dueDayStartUtc = DUE - 8 * 60 * MINUTE;
    expect(resolvedAt(dueDayStartUtc - 1)).toBe('early');
    expect(resolvedAt(dueDayStartUtc)).toBe('on-time');
    expect(resolvedAt(DUE + 15 * 60 * MINUTE)).toBe('on-time'); // 23:00 in Vietnam, after the due hour
    expect(resolvedAt(dueDayStartUtc + DAY)).toBe('late');
  });

  it('asks the injected judge for open dossiers, with due and now', () => {
    const f = eventFactory();
    const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload())];
    const calls: [number, number][] = [];
    const judge = (dueMs: number, nowMs: number) => {
      calls.push([dueMs, nowMs]);
      return nowMs > dueMs ? ('overdue' as const) : ('due-soon' as const);
    };
    expect(projectDossier(events, { now: DUE + 1, deadline: judge }).deadlineState).toBe('overdue');
    expect(projectDossier(events, { now: DUE - 1, deadline: judge }).deadlineState).toBe('due-soon');
    expect(calls).toEqual([
      [DUE, DUE + 1],
      [DUE, DUE - 1],
    ]);
    expect(projectDossier(events, { now: DUE }).deadlineState).toBeUndefined();
    expect('deadlineState' in projectDossier(events)).toBe(false);
    events.push(f.make('SUPPLEMENT_REQUESTED', { reason: 'Thiếu', items: ['Ảnh'] }));
    expect(projectDossier(events, { now: DUE + DAY, deadline: judge }).deadlineState).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

/** Fee receipts of a random route take fresh numbers, so each is legal (a number is issued once). */
let feeNumber = 0;

const samplePayload = (type: EventType, dueMs: number): PayloadInput<EventType> => {
  switch (type) {
    case 'FEE_RECEIPT_ISSUED':
      feeNumber += 1;
      return { symbol: 'BL25-Q1', number: feeNumber, amount: 8000, description: 'Lệ phí', method: 'cash', payer: { fullName: 'Nguyễn Văn An' } };
    case 'FEE_RECEIPT_VOIDED':
      feeNumber += 1;
      return { symbol: 'BL25-Q1', number: feeNumber, reason: 'Số giữ chỗ không dùng', reservedOnly: true };
    case 'SUPPLEMENT_REQUESTED':
      return { reason: 'Thiếu giấy tờ', items: ['Giấy khai sinh'] };
    case 'SUPPLEMENT_RECEIVED':
      return { pausedWorkingMinutes: 120, newDueAt: iso(dueMs + DAY) };
    case 'EXTENDED':
      return { reason: 'Xác minh', responsibleUnit: 'Công an xã', newDueAt: iso(dueMs + 2 * DAY) };
    case 'TRANSFERRED':
      return { toUnitId: PROCESSING_UNIT, toOfficerId: 'cb.thuly' };
    case 'RETURNED':
      return { collectedBy: { fullName: 'Nguyễn Văn An' } };
    case 'NOTE':
      return { text: 'Ghi chú' };
    case 'PRINTED':
      return { form: 'receipt', copies: 1, isCopy: true };
    case 'ATTACHED':
      return { hash: 'c'.repeat(64), size: 1000, mediaType: 'image/jpeg', pages: 1, role: 'result' };
    case 'REFUSED':
    case 'WITHDRAWN':
    case 'STOPPED':
      return { reason: 'Lý do' };
    default:
      return {};
  }
};

/** A random legal route: a prefix synced (server stamps in order), the rest unsynced on a possibly skewed desk clock. */
const legalRoute = fc
  .record({
    choices: fc.array(fc.nat(), { maxLength: 14 }),
    gaps: fc.array(fc.integer({ min: 0, max: 3 * 60 }), { minLength: 14, maxLength: 14 }),
    synced: fc.nat(),
    skewMinutes: fc.integer({ min: -24 * 60, max: 24 * 60 }),
  })
  .map(({ choices, gaps, synced, skewMinutes }) => {
    const f = eventFactory();
    const events: DossierEvent[] = [f.make('RECEIVED', receivedPayload())];
    let status: DossierStatus = S.Received;
    let handoverPending = false;
    let holder = RECEPTION_UNIT;
    let due = DUE;
    choices.forEach((choice, i) => {
      // Whoever holds the dossier acts (the holder rule); a resolved one goes back to reception.
      const actions = allowedActions(status, { handoverPending, holderUnitId: holder, receivingUnitId: RECEPTION_UNIT }, holder);
      const type = actions[choice % actions.length] as EventType;
      f.advance((gaps[i] ?? 0) * MINUTE);
      const payload = type === 'TRANSFERRED' && status === S.Resolved ? { toUnitId: RECEPTION_UNIT } : samplePayload(type, due);
      const event = f.make(type, payload as never, { unitId: holder });
      const next = projectDossier([...events, event]);
      status = next.status;
      handoverPending = next.handoverPending;
      holder = next.holderUnitId;
      due = Date.parse(next.dueAt);
      events.push(event);
    });
    const syncedCount = synced % (events.length + 1);
    return events.map((event, i) =>
      i < syncedCount
        ? stamp(event, Date.parse(event.at) + 5 * MINUTE)
        : { ...event, at: iso(Date.parse(event.at) + skewMinutes * MINUTE) },
    );
  });

describe('projectDossier: properties', () => {
  it('a legal route never produces anomalies', () => {
    fc.assert(
      fc.property(legalRoute, (events) => {
        const state = projectDossier(events);
        expect(state.anomalies).toEqual([]);
        expect(state.eventIds).toEqual(events.map((e) => e.id));
      }),
      { numRuns: 150 },
    );
  });

  it('is identical for any delivery order of the same event set, duplicates and noise included', () => {
    const extraTypes = fc.constantFrom<EventType>('RECEIVED', 'RETURNED', 'RESOLVED', 'ACCEPTED', 'NOTE', 'SUPPLEMENT_RECEIVED');
    fc.assert(
      fc.property(
        legalRoute,
        fc.array(fc.record({ type: extraTypes, minutes: fc.integer({ min: 0, max: 5000 }), foreign: fc.boolean() }), { maxLength: 4 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.nat(),
        fc.array(fc.double({ noNaN: true }), { minLength: 40, maxLength: 40 }),
        (route, extras, duplicated, tamperIndex, sortKeys) => {
          const f = eventFactory(START + 7 * MINUTE);
          const noise = extras.map(({ type, minutes, foreign }) => {
            f.setClock(START + minutes * MINUTE);
            const envelope = foreign ? { dossierCode: '000.00.12.H23-251122-2001' } : {};
            return f.make(type, (type === 'RECEIVED' ? receivedPayload() : samplePayload(type, DUE)) as never, envelope);
          });
          const all = [...route, ...noise];
          const copies = duplicated.map((k) => all[k % all.length] as DossierEvent);
          const victim = all[tamperIndex % all.length] as DossierEvent;
          // A forged copy under the same id, with another officer and a moved desk time (so it also sorts elsewhere).
          const tampered = tamperIndex % 3 === 0 ? [] : [{ ...victim, officerId: 'cb.gia', at: iso(Date.parse(victim.at) + ((tamperIndex % 7) - 3) * 90 * MINUTE) }];
          const set = [...all, ...copies, ...tampered];
          const shuffled = set
            .map((event, i) => ({ event, key: sortKeys[i % sortKeys.length] ?? 0, i }))
            .sort((a, b) => a.key - b.key || b.i - a.i)
            .map(({ event }) => event);
          expect(projectDossier(shuffled)).toEqual(projectDossier(set));
          expect(new Set(projectDossier(set).eventIds).size).toBe(new Set(set.map((e) => e.id)).size);
        },
      ),
      { numRuns: 200 },
    );
  });
});
