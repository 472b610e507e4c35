import { describe, expect, it } from 'vitest';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import { createWorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { deadlineKindOf } from '../../../renderer/components/deadline-view.ts';
import { formatWorkingMinutes } from '../../../renderer/components/format.ts';
import { extensionDue } from '../../../renderer/screens/dossier-detail/action-rules.ts';
import { actionLabelFor, actionsFor, heldElsewhereNotice, mayPrint } from '../../../renderer/screens/dossier-detail/role-actions.ts';
import { classifySearch, deadlineBounds, EMPTY_FILTERS, toDossierQuery } from '../../../renderer/screens/dossiers/list-filters.ts';
import { parseSessions, parseThresholdHours } from '../../../renderer/screens/settings/office-hours-form.ts';
import { returnBlocker } from '../../../renderer/screens/return/return-lookup.ts';

const calendar = createWorkingCalendar({ years: loadBundledCalendarYears() });
/** Monday 24/11/2025 09:00 in Vietnam. */
const MONDAY_9 = Date.parse('2025-11-24T02:00:00Z');

describe('search box', () => {
  it('tells codes, citizen IDs and names apart', () => {
    expect(classifySearch(' 000.00.12.h23-251124-1001 ')).toEqual({ kind: 'reference', reference: { kind: 'code', code: '000.00.12.H23-251124-1001' } });
    expect(classifySearch('001 095 012 345')).toEqual({ kind: 'citizen-id', citizenId: '001095012345' });
    expect(classifySearch('nguyen van an')).toEqual({ kind: 'name', text: 'nguyen van an' });
    expect(classifySearch('000.00.12.H23-251399-1001').kind).toBe('invalid');
    expect(classifySearch('12345').kind).toBe('invalid');
    expect(classifySearch('   ')).toEqual({ kind: 'none' });
  });
});

describe('list filters', () => {
  const bounds = deadlineBounds(calendar, MONDAY_9, 480);

  it('due soon ends one working day ahead, at the next session start inclusive', () => {
    // 09:00 Monday + 8 working hours = 09:00 Tuesday.
    expect(new Date(bounds.soonLimitMs - 1).toISOString()).toBe('2025-11-25T02:00:00.000Z');
  });

  it('builds index queries; deadline filters keep to running statuses', () => {
    const overdue = toDossierQuery({ ...EMPTY_FILTERS, deadline: 'overdue' }, bounds);
    // Status 6 stops the clock while the citizen pays (issue 20): never overdue nor due soon.
    expect(overdue?.status).toEqual([2, 4]);
    expect(overdue?.deadline).toEqual({ before: new Date(MONDAY_9).toISOString() });
    // The list behind an alert shows what the alert counts: dossiers held by this unit.
    expect(toDossierQuery({ ...EMPTY_FILTERS, deadline: 'overdue' }, bounds, '000.00.12.H23')?.holderUnit).toBe('000.00.12.H23');
    expect(toDossierQuery({ ...EMPTY_FILTERS }, bounds, '000.00.12.H23')?.holderUnit).toBeUndefined();
    expect(toDossierQuery({ ...EMPTY_FILTERS, deadline: 'overdue', status: DossierStatus.Returned }, bounds)).toBeNull();
    const ranged = toDossierQuery({ ...EMPTY_FILTERS, receivedFrom: '24/11/2025', receivedTo: '24/11/2025' }, bounds);
    expect(ranged?.receivedFrom).toBe('2025-11-23T17:00:00.000Z');
    expect(ranged?.receivedTo).toBe('2025-11-24T17:00:00.000Z');
    expect(toDossierQuery({ ...EMPTY_FILTERS, receivedFrom: '25/11/2025', receivedTo: '24/11/2025' }, bounds)).toBeNull();
  });
});

describe('deadline state shown', () => {
  const ctx = { calendar, nowMs: MONDAY_9, dueSoonWorkingMinutes: 480 };
  const open = { status: DossierStatus.InProcessing, finishedAt: null } as const;
  it('judges open dossiers against the clock and keeps finished ones', () => {
    expect(deadlineKindOf({ ...open, dueAt: '2025-11-24T01:00:00Z' }, ctx)).toBe('overdue');
    expect(deadlineKindOf({ ...open, dueAt: '2025-11-24T10:00:00Z' }, ctx)).toBe('due-soon');
    expect(deadlineKindOf({ ...open, dueAt: '2025-11-28T10:00:00Z' }, ctx)).toBe('not-due');
    expect(deadlineKindOf({ ...open, status: DossierStatus.SupplementRequested, dueAt: '2025-11-20T01:00:00Z' }, ctx)).toBe('paused');
    expect(deadlineKindOf({ ...open, status: DossierStatus.FinancialObligationPending, dueAt: '2025-11-20T01:00:00Z' }, ctx)).toBe('paused');
    expect(
      deadlineKindOf({ status: DossierStatus.Returned, finishedAt: '2025-11-24T03:00:00Z', dueAt: '2025-11-24T10:00:00Z', deadlineState: 'on-time' }, ctx),
    ).toBe('on-time');
  });
});

describe('actions per role', () => {
  const HERE = '000.00.12.H23';
  const THERE = '000.00.20.H23';
  const at = (status: DossierStatus, handoverPending = false, holderUnitId = HERE, receivingUnitId = HERE) => ({ status, handoverPending, holderUnitId, receivingUnitId });

  it('offers only legal actions the role permits', () => {
    expect(actionsFor('admin', at(DossierStatus.Received), HERE)).not.toContain('RETURNED');
    expect(actionsFor('admin', at(DossierStatus.Resolved), HERE)).toEqual(['RETURNED']);
    expect(actionsFor('reception', at(DossierStatus.Received), HERE)).not.toContain('ACCEPTED');
    expect(actionsFor('processing', at(DossierStatus.InProcessing), HERE)).toContain('RESOLVED');
    expect(actionsFor('processing', at(DossierStatus.InProcessing), HERE)).not.toContain('ACCEPTED');
    expect(actionsFor('processing', at(DossierStatus.InProcessing, true), HERE)).toContain('ACCEPTED');
  });

  it('offers nothing, not even a print, to a unit that transferred the dossier away, and says who holds it', () => {
    for (const status of [DossierStatus.Received, DossierStatus.InProcessing, DossierStatus.Resolved]) {
      const away = at(status, true, THERE);
      for (const role of ['reception', 'processing', 'leader', 'admin'] as const) expect(actionsFor(role, away, HERE)).toEqual([]);
      expect(mayPrint(away, HERE)).toBe(false);
      expect(heldElsewhereNotice(away, HERE)).toBe(
        `Hồ sơ đang do ${THERE} giữ. Đơn vị này (${HERE}) chỉ xem được hồ sơ, không ghi thao tác hay in phiếu cho đến khi hồ sơ được chuyển về.`,
      );
      // Units by name where the desk knows them (issue 19 point 6).
      const names = (id: string) => (id === THERE ? 'UBND phường Hoàn Kiếm' : id === HERE ? 'UBND phường Ba Đình' : id);
      expect(heldElsewhereNotice(away, HERE, names)).toBe(
        'Hồ sơ đang do UBND phường Hoàn Kiếm giữ. Đơn vị này (UBND phường Ba Đình) chỉ xem được hồ sơ, không ghi thao tác hay in phiếu cho đến khi hồ sơ được chuyển về.',
      );
    }
    expect(mayPrint(at(DossierStatus.Received), HERE)).toBe(true);
    expect(heldElsewhereNotice(at(DossierStatus.Received), HERE)).toBeNull();
  });

  it('gives the new holder its actions, and the hand-back of a result to the unit that resolved it away from reception', () => {
    expect(actionsFor('processing', at(DossierStatus.InProcessing, true, THERE), THERE)).toEqual(expect.arrayContaining(['ACCEPTED', 'RESOLVED']));
    const resolvedThere = at(DossierStatus.Resolved, false, THERE, HERE);
    expect(actionsFor('processing', resolvedThere, THERE)).toEqual(['TRANSFERRED']);
    expect(actionLabelFor('TRANSFERRED', resolvedThere)).toBe('Chuyển trả kết quả về đơn vị tiếp nhận');
    expect(actionLabelFor('TRANSFERRED', at(DossierStatus.InProcessing))).toBe('Chuyển hồ sơ');
    // Back at reception: return it; no second hand-back.
    expect(actionsFor('reception', at(DossierStatus.Resolved, false, HERE, HERE), HERE)).toEqual(['RETURNED']);
  });
});

describe('extension and typed dates', () => {
  it('validates the new appointment against the calendar', () => {
    const due = '2025-11-24T10:00:00Z';
    const today = '2025-11-19';
    expect(extensionDue(calendar, due, '26/11/2025', '09:00', today)).toEqual({ ok: true, value: '2025-11-26T02:00:00.000Z' });
    const earlier = extensionDue(calendar, due, '20/11/2025', '09:00', today);
    expect(earlier.ok ? '' : earlier.error.code).toBe('deadline.extension_not_later');
    const sunday = extensionDue(calendar, due, '30/11/2025', '09:00', today);
    expect(sunday.ok ? '' : sunday.error.code).toBe('deadline.extension_outside_office_hours');
    const bad = extensionDue(calendar, due, '31/02/2026', '09:00', today);
    expect(bad.ok ? '' : bad.error.message).toContain('Ngày hẹn trả mới 31/02/2026 không có thật');
  });

  it('formats working time the way officers say it', () => {
    expect(formatWorkingMinutes(630, 480)).toBe('1 ngày 2 giờ 30 phút');
    expect(formatWorkingMinutes(0, 480)).toBe('0 phút');
  });
});

describe('settings input', () => {
  it('validates office hours with the calendar validation', () => {
    expect(parseSessions([{ start: '07:00', end: '11:30' }, { start: '13:30', end: '17:00' }]).ok).toBe(true);
    const overlap = parseSessions([{ start: '07:00', end: '11:30' }, { start: '11:00', end: '17:00' }]);
    expect(overlap.ok ? '' : overlap.error.message).toContain('Giờ làm việc không hợp lệ');
    const typo = parseSessions([{ start: '7h', end: '11:30' }]);
    expect(typo.ok ? '' : typo.error.message).toContain('Buổi thứ 1');
    expect(parseThresholdHours('4,5')).toEqual({ ok: true, value: 270 });
    expect(parseThresholdHours('-1').ok).toBe(false);
  });
});

describe('return blocker', () => {
  it('explains why a result cannot be returned yet', () => {
    const stored = (status: DossierStatus, holderUnitId = '000.00.12.H23') =>
      ({ state: { status, returnedAt: null, dueAt: '2025-11-24T10:00:00Z', holderUnitId }, personal: { applicant: {} } }) as never;
    expect(returnBlocker(stored(DossierStatus.Resolved), '000.00.12.H23')).toBeNull();
    expect(returnBlocker(stored(DossierStatus.InProcessing), '000.00.12.H23')).toContain('chưa giải quyết xong');
    expect(returnBlocker(stored(DossierStatus.Refused), '000.00.12.H23')).toContain('không có kết quả');
  });

  it('waits for the result to be handed back when another unit resolved and still holds the dossier', () => {
    const resolvedThere = { state: { status: DossierStatus.Resolved, returnedAt: null, dueAt: '2025-11-24T10:00:00Z', holderUnitId: '000.00.20.H23' }, personal: { applicant: {} } } as never;
    expect(returnBlocker(resolvedThere, '000.00.12.H23')).toBe(
      'Hồ sơ đã giải quyết xong nhưng kết quả đang ở đơn vị 000.00.20.H23: chờ đơn vị đó chuyển trả kết quả về đơn vị này (000.00.12.H23) rồi mới trả cho công dân.',
    );
  });
});
