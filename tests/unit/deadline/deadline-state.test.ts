import { describe, expect, it } from 'vitest';
import { finishedDeadlineState, openDeadlineState } from '../../../src/deadline/deadline-state.ts';
import { bundledCalendar, expectDomainError, vn } from '../calendar/calendar-fixtures.ts';

const cal = bundledCalendar();
const due = vn('2025-06-11', '17:00');

describe('openDeadlineState', () => {
  const state = (date: string, time: string, dueSoonWorkingMinutes?: number) =>
    openDeadlineState(cal, { dueMs: due, nowMs: vn(date, time), dueSoonWorkingMinutes });

  it('is due soon from one working day (480 min) before the due time', () => {
    expect(state('2025-06-10', '16:59')).toBe('not-due'); // 481 min left
    expect(state('2025-06-10', '17:00')).toBe('due-soon'); // exactly 480
    expect(state('2025-06-11', '07:00')).toBe('due-soon');
  });

  it('turns overdue only after the due instant', () => {
    expect(openDeadlineState(cal, { dueMs: due, nowMs: due })).toBe('due-soon');
    expect(openDeadlineState(cal, { dueMs: due, nowMs: due + 1 })).toBe('overdue');
    expect(state('2025-06-12', '08:00')).toBe('overdue');
  });

  it('counts remaining working time, not wall-clock time', () => {
    // Fri 11:00 → Mon 09:00: 30 + 210 + 120 = 360 working minutes.
    const mondayDue = vn('2025-06-16', '09:00');
    expect(openDeadlineState(cal, { dueMs: mondayDue, nowMs: vn('2025-06-13', '11:00') })).toBe('due-soon');
    expect(
      openDeadlineState(cal, { dueMs: mondayDue, nowMs: vn('2025-06-13', '11:00'), dueSoonWorkingMinutes: 359 }),
    ).toBe('not-due');
  });

  it('takes a configurable threshold', () => {
    expect(state('2025-06-11', '15:59', 60)).toBe('not-due');
    expect(state('2025-06-11', '16:00', 60)).toBe('due-soon');
    expect(state('2025-06-11', '16:59', 0)).toBe('not-due');
  });

  it('defaults the threshold to the calendar office day', () => {
    const short = bundledCalendar([{ start: 8 * 60, end: 12 * 60 }]);
    const shortDue = vn('2025-06-11', '12:00');
    expect(openDeadlineState(short, { dueMs: shortDue, nowMs: vn('2025-06-10', '11:59') })).toBe('not-due');
    expect(openDeadlineState(short, { dueMs: shortDue, nowMs: vn('2025-06-10', '12:00') })).toBe('due-soon');
  });

  it('rejects a bad threshold or instant', () => {
    const error = expectDomainError(
      () => openDeadlineState(cal, { dueMs: due, nowMs: due, dueSoonWorkingMinutes: -1 }),
      'deadline.invalid_due_soon_threshold',
    );
    expect(error.path).toEqual(['dueSoonWorkingMinutes']);
    expectDomainError(() => openDeadlineState(cal, { dueMs: due, nowMs: Number.NaN }), 'time.invalid_instant');
    expectDomainError(() => openDeadlineState(cal, { dueMs: Number.NaN, nowMs: due }), 'time.invalid_instant');
  });
});

describe('finishedDeadlineState compares Vietnam dates', () => {
  const finished = (date: string, time: string) => finishedDeadlineState({ dueMs: due, finishedMs: vn(date, time) });

  it('is early before the due date, even late in the evening', () => {
    expect(finished('2025-06-10', '23:59')).toBe('early');
  });

  it('is on time on the due date, even after the due hour', () => {
    expect(finished('2025-06-11', '00:00')).toBe('on-time');
    expect(finished('2025-06-11', '20:00')).toBe('on-time');
    expect(finished('2025-06-11', '23:59')).toBe('on-time');
  });

  it('is late from local midnight after the due date, although UTC is still on the due date', () => {
    // 00:30 on 12/6 in Vietnam is 17:30 UTC on 11/6.
    expect(finished('2025-06-12', '00:30')).toBe('late');
  });
});
