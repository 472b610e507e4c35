import type { StatutoryTime } from '../catalogue/statutory-time.ts';
import {
  addWorkingMinutes,
  endOfWorkingDay,
  isWithinOfficeHours,
  nextWorkingDate,
  nextWorkingInstant,
  workingMinutesBetween,
  type WorkingCalendar,
} from '../calendar/working-calendar.ts';
import { DomainError } from '../errors.ts';
import { assertInstant, formatDate, formatTime, localDateOf, msOfDay, MS_PER_MINUTE, parseHhMm, type Instant } from '../time/vn-time.ts';

/**
 * The appointment for the result (DESIGN §4): the clock starts at the next
 * working session after receipt; working days count as full office days of
 * working time; same-day procedures received after the cutoff move to the
 * end of the next working day.
 */
export function computeAppointment(cal: WorkingCalendar, receivedAtMs: Instant, statutoryTime: StatutoryTime): Instant {
  assertInstant(receivedAtMs, ['receivedAtMs']);
  const start = nextWorkingInstant(cal, receivedAtMs);
  switch (statutoryTime.kind) {
    case 'working-days':
      return addWorkingMinutes(cal, start, statutoryTime.days * cal.minutesPerWorkingDay);
    case 'working-hours':
      return addWorkingMinutes(cal, start, statutoryTime.hours * 60);
    case 'same-day': {
      const cutoffMs = parseHhMm(statutoryTime.cutoff) * MS_PER_MINUTE;
      const day = localDateOf(start);
      return endOfWorkingDay(cal, msOfDay(start) <= cutoffMs ? day : nextWorkingDate(cal, day));
    }
  }
}

/** Working minutes during which the clock stood still (e.g. waiting for a supplement). */
export function pausedWorkingMinutes(cal: WorkingCalendar, pausedFromMs: Instant, resumedAtMs: Instant): number {
  return workingMinutesBetween(cal, pausedFromMs, resumedAtMs);
}

/** The due time pushed back by the working time spent paused. */
export function shiftDueForPause(
  cal: WorkingCalendar,
  dueMs: Instant,
  pausedFromMs: Instant,
  resumedAtMs: Instant,
): Instant {
  assertInstant(dueMs, ['dueMs']);
  return addWorkingMinutes(cal, dueMs, pausedWorkingMinutes(cal, pausedFromMs, resumedAtMs));
}

/** The due time pushed back by `minutes` of working time already counted (as an event stores them). */
export function shiftDueByMinutes(cal: WorkingCalendar, dueMs: Instant, minutes: number): Instant {
  assertInstant(dueMs, ['dueMs']);
  return addWorkingMinutes(cal, dueMs, minutes);
}

/** An apology letter sets a new due time: it must be later and fall within office hours on a working day. */
export function applyExtension(cal: WorkingCalendar, currentDueMs: Instant, newDueMs: Instant): Instant {
  assertInstant(currentDueMs, ['currentDueMs']);
  assertInstant(newDueMs, ['newDueMs']);
  if (newDueMs <= currentDueMs) {
    throw new DomainError(
      'deadline.extension_not_later',
      `Hạn mới (${formatTime(newDueMs)} ${formatDate(newDueMs)}) phải sau hạn hiện tại (${formatTime(currentDueMs)} ${formatDate(currentDueMs)}).`,
      ['newDueMs'],
      { currentDueMs, newDueMs },
    );
  }
  if (!isWithinOfficeHours(cal, newDueMs)) {
    throw new DomainError(
      'deadline.extension_outside_office_hours',
      `Hạn mới (${formatTime(newDueMs)} ${formatDate(newDueMs)}) phải nằm trong giờ làm việc của một ngày làm việc.`,
      ['newDueMs'],
      { newDueMs },
    );
  }
  return newDueMs;
}
