import { describe, expect, it } from 'vitest';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import { addWorkingMinutes, createWorkingCalendar, workingMinutesBetween } from '../../../src/calendar/working-calendar.ts';
import { createEvent, type DossierEvent, type EventType, type PayloadInput } from '../../../src/dossier/events.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { deadlineKindOf } from '../../../renderer/components/deadline-view.ts';
import { pauseResume, secondRequestWarning, supplementResume } from '../../../renderer/screens/dossier-detail/action-rules.ts';
import { actionsFor, unavailableReason } from '../../../renderer/screens/dossier-detail/role-actions.ts';

const calendar = createWorkingCalendar({ years: loadBundledCalendarYears() });
const UNIT = '000.00.12.H23';
/** Hà Nội wall clock of late November 2025 as Unix ms. */
const at = (text: string) => Date.parse(`2025-11-${text}:00+07:00`);

function dossierEvents(steps: Array<{ type: EventType; at: number; payload: unknown }>): DossierEvent[] {
  let clock = 0;
  let random = 0;
  const nextId = createEventIdGenerator({ now: () => clock, randomBytes: (n) => Uint8Array.from({ length: n }, () => (random += 7) % 256) });
  const received: PayloadInput<'RECEIVED'> = {
    procedureCode: '1.004873',
    procedureName: 'Cấp bản sao trích lục hộ tịch',
    field: 'Hộ tịch',
    statutoryTime: { kind: 'working-days', days: 3 },
    channel: 'in-person',
    applicant: { fullName: 'Trần Thị Bình' },
    papers: [],
    sets: 1,
    fee: { amount: 0 },
    resultDelivery: 'desk',
    receivedAt: new Date(at('24T09:00')).toISOString(),
    // Three working days from Monday 09:00: Thursday 09:00.
    dueAt: new Date(at('27T09:00')).toISOString(),
  };
  return [{ type: 'RECEIVED' as EventType, at: at('24T09:00'), payload: received }, ...steps].map((s) => {
    clock = s.at;
    return createEvent({ type: s.type, dossierCode: `${UNIT}-251124-1001`, officerId: 'cb', deskId: `${UNIT}#1`, unitId: UNIT, payload: s.payload as never }, { nextId, now: () => clock });
  });
}

describe('the clock stops while the citizen pays (status 6) and resumes with the working time already used', () => {
  const asked = dossierEvents([
    { type: 'ACCEPTED', at: at('24T10:00'), payload: {} },
    { type: 'FINANCIAL_OBLIGATION_REQUESTED', at: at('25T09:00'), payload: { note: 'Nộp lệ phí', amount: 8000 } },
  ]);
  const waiting = projectDossier(asked);

  it('is paused, neither overdue nor due soon, however long the citizen takes', () => {
    expect(waiting.status).toBe(DossierStatus.FinancialObligationPending);
    const ctx = { calendar, nowMs: at('28T16:00'), dueSoonWorkingMinutes: 480 };
    expect(deadlineKindOf(waiting, ctx)).toBe('paused');
  });

  it('resumes with a due date that gives back exactly the working time left when the payment was asked', () => {
    const resumedAt = at('27T14:00');
    const resume = pauseResume('FINANCIAL_OBLIGATION_REQUESTED', calendar, waiting, asked, resumedAt);
    expect(resume.ok).toBe(true);
    if (!resume.ok) return;
    // Asked Tuesday 09:00, due Thursday 09:00: 2 working days (960 min) left; resumed Thursday 14:00.
    const left = workingMinutesBetween(calendar, at('25T09:00'), Date.parse(waiting.dueAt));
    expect(left).toBe(960);
    expect(resume.value.newDueAt).toBe(new Date(addWorkingMinutes(calendar, resumedAt, left)).toISOString());
    // Thursday 14:00 + 16 working hours = Monday 01/12 14:00 (the weekend does not count).
    expect(resume.value.newDueAt).toBe(new Date(Date.parse('2025-12-01T14:00:00+07:00')).toISOString());
    expect(resume.value.pausedWorkingMinutes).toBe(workingMinutesBetween(calendar, at('25T09:00'), resumedAt));

    const fulfilled = dossierEvents([
      { type: 'ACCEPTED', at: at('24T10:00'), payload: {} },
      { type: 'FINANCIAL_OBLIGATION_REQUESTED', at: at('25T09:00'), payload: { note: 'Nộp lệ phí' } },
      { type: 'FINANCIAL_OBLIGATION_FULFILLED', at: resumedAt, payload: { pausedWorkingMinutes: resume.value.pausedWorkingMinutes, newDueAt: resume.value.newDueAt } },
    ]);
    const state = projectDossier(fulfilled);
    expect(state.status).toBe(DossierStatus.InProcessing);
    expect(state.dueAt).toBe(resume.value.newDueAt);
    expect(state.pausedWorkingMinutes).toBe(resume.value.pausedWorkingMinutes);
    expect(state.anomalies).toEqual([]);
  });

  it('moves the due date by exactly the whole minutes it records, when the request was made at seconds past the minute', () => {
    const events = dossierEvents([
      { type: 'ACCEPTED', at: at('24T10:00'), payload: {} },
      { type: 'FINANCIAL_OBLIGATION_REQUESTED', at: at('25T09:00') + 30_000, payload: { note: 'Nộp lệ phí' } },
    ]);
    const dossier = projectDossier(events);
    const resume = pauseResume('FINANCIAL_OBLIGATION_REQUESTED', calendar, dossier, events, at('26T09:00'));
    expect(resume.ok).toBe(true);
    if (!resume.ok) return;
    expect(workingMinutesBetween(calendar, Date.parse(dossier.dueAt), Date.parse(resume.value.newDueAt))).toBe(resume.value.pausedWorkingMinutes);
  });

  it('computes a supplement resume the same way, from the last request', () => {
    const events = dossierEvents([{ type: 'SUPPLEMENT_REQUESTED', at: at('25T09:00'), payload: { reason: 'Thiếu', items: ['Giấy chứng sinh'] } }]);
    const dossier = projectDossier(events);
    const resume = supplementResume(calendar, dossier, events, at('27T14:00'));
    expect(resume.ok && resume.value.newDueAt).toBe(new Date(Date.parse('2025-12-01T14:00:00+07:00')).toISOString());
    expect(pauseResume('FINANCIAL_OBLIGATION_REQUESTED', calendar, dossier, events, at('27T14:00')).ok).toBe(false);
  });

  it('offers the two actions only when legal, and only to the roles the server lets record them', () => {
    const here = { handoverPending: false, holderUnitId: UNIT, receivingUnitId: UNIT };
    expect(actionsFor('processing', { ...here, status: DossierStatus.InProcessing }, UNIT)).toContain('FINANCIAL_OBLIGATION_REQUESTED');
    expect(actionsFor('processing', { ...here, status: DossierStatus.Received }, UNIT)).not.toContain('FINANCIAL_OBLIGATION_REQUESTED');
    expect(actionsFor('reception', { ...here, status: DossierStatus.InProcessing }, UNIT)).not.toContain('FINANCIAL_OBLIGATION_REQUESTED');
    expect(actionsFor('reception', { ...here, status: DossierStatus.FinancialObligationPending }, UNIT)).toEqual(
      expect.arrayContaining(['FINANCIAL_OBLIGATION_FULFILLED', 'WITHDRAWN']),
    );
    expect(actionsFor('leader', { ...here, status: DossierStatus.FinancialObligationPending }, UNIT)).not.toContain('RESOLVED');
    expect(unavailableReason('FINANCIAL_OBLIGATION_FULFILLED', 'reception', { ...here, status: DossierStatus.InProcessing }, UNIT)).toBe(
      'Hồ sơ không chờ thực hiện nghĩa vụ tài chính.',
    );
    expect(unavailableReason('FINANCIAL_OBLIGATION_REQUESTED', 'processing', { ...here, status: DossierStatus.Received }, UNIT)).toBe('Hồ sơ chưa được nhận xử lý.');
  });

  it('warns before a second supplement request that the dossier will count as late', () => {
    expect(secondRequestWarning(1)).toContain('đã được yêu cầu bổ sung 1 lần');
    expect(secondRequestWarning(1)).toContain('trễ hạn');
  });
});
