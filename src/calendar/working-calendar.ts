import { DomainError } from '../errors.ts';
import {
  addDays,
  assertInstant,
  instantAt,
  localDateOf,
  msOfDay,
  MS_PER_MINUTE,
  weekdayOfDate,
  yearOfDate,
  type Instant,
  type LocalDate,
} from '../time/vn-time.ts';
import type { CalendarYear, DayOff } from './calendar-data.ts';
import {
  DEFAULT_OFFICE_HOURS,
  officeDayMinutes,
  validateOfficeHours,
  type OfficeHours,
  type OfficeSession,
} from './office-hours.ts';

export { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeSession } from './office-hours.ts';

/**
 * Which days are working days (weekends off, listed days off, listed working
 * weekend days) and when the office is open on them. Built once from
 * validated calendar years; immutable.
 */
export interface WorkingCalendar {
  readonly officeHours: OfficeHours;
  /** Total working minutes of one office day (480 with the default hours). */
  readonly minutesPerWorkingDay: number;
  readonly years: ReadonlyMap<number, CalendarYear>;
  readonly daysOff: ReadonlyMap<LocalDate, DayOff>;
  readonly workingWeekendDays: ReadonlySet<LocalDate>;
}

export interface WorkingCalendarOptions {
  readonly years: readonly CalendarYear[];
  readonly officeHours?: OfficeHours;
}

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const officeHours = validateOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
  const years = new Map<number, CalendarYear>();
  const daysOff = new Map<LocalDate, DayOff>();
  const workingWeekendDays = new Set<LocalDate>();
  options.years.forEach((calendarYear, index) => {
    if (years.has(calendarYear.year)) {
      throw new DomainError(
        'calendar.year_duplicate',
        `Lịch làm việc năm ${calendarYear.year} được nạp hai lần.`,
        ['years', index, 'year'],
        { year: calendarYear.year },
      );
    }
    years.set(calendarYear.year, calendarYear);
    for (const day of calendarYear.daysOff) daysOff.set(day.date, day);
    for (const day of calendarYear.workingSaturdays) workingWeekendDays.add(day.date);
  });
  return Object.freeze({
    officeHours,
    minutesPerWorkingDay: officeDayMinutes(officeHours),
    years,
    daysOff,
    workingWeekendDays,
  });
}

/** Throws `calendar.year_missing` rather than guessing that every weekday works. */
export function isWorkingDay(cal: WorkingCalendar, date: LocalDate): boolean {
  const year = yearOfDate(date);
  if (!cal.years.has(year)) {
    throw new DomainError(
      'calendar.year_missing',
      `Chưa có lịch làm việc năm ${year} nên không xác định được ngày làm việc. Cần nạp lịch năm ${year}.`,
      [],
      { year, date },
    );
  }
  if (cal.daysOff.has(date)) return false;
  if (cal.workingWeekendDays.has(date)) return true;
  const weekday = weekdayOfDate(date);
  return weekday !== 0 && weekday !== 6;
}

/** The listed day off on that date, if any (for showing its name). */
export function dayOffOn(cal: WorkingCalendar, date: LocalDate): DayOff | undefined {
  return cal.daysOff.get(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDate(cal: WorkingCalendar, date: LocalDate): LocalDate {
  let candidate = addDays(date, 1);
  // Terminates: isWorkingDay throws once the search leaves the loaded years.
  while (!isWorkingDay(cal, candidate)) candidate = addDays(candidate, 1);
  return candidate;
}

function firstSession(cal: WorkingCalendar): OfficeSession {
  return cal.officeHours[0] as OfficeSession;
}

function lastSession(cal: WorkingCalendar): OfficeSession {
  return cal.officeHours[cal.officeHours.length - 1] as OfficeSession;
}

/** End of the last session of a working day (17:00 by default). */
export function endOfWorkingDay(cal: WorkingCalendar, date: LocalDate): Instant {
  if (!isWorkingDay(cal, date)) {
    throw new DomainError('calendar.not_working_day', `Ngày ${date} không phải ngày làm việc.`, [], { date });
  }
  return instantAt(date, lastSession(cal).end);
}

/** True on a working day between a session's start and end, both included (a due time may be 17:00). */
export function isWithinOfficeHours(cal: WorkingCalendar, ms: Instant): boolean {
  const date = localDateOf(ms);
  if (!isWorkingDay(cal, date)) return false;
  const time = msOfDay(ms);
  return cal.officeHours.some(
    (session) => time >= session.start * MS_PER_MINUTE && time <= session.end * MS_PER_MINUTE,
  );
}

interface OpenSession {
  readonly at: Instant;
  readonly sessionEnd: Instant;
}

/** The first instant at or after `ms` at which the office is open, with the end of that session. */
function openSessionFrom(cal: WorkingCalendar, ms: Instant): OpenSession {
  const date = localDateOf(ms);
  if (isWorkingDay(cal, date)) {
    const time = msOfDay(ms);
    for (const session of cal.officeHours) {
      if (time < session.end * MS_PER_MINUTE) {
        const at = time >= session.start * MS_PER_MINUTE ? ms : instantAt(date, session.start);
        return { at, sessionEnd: instantAt(date, session.end) };
      }
    }
  }
  const next = nextWorkingDate(cal, date);
  return { at: instantAt(next, firstSession(cal).start), sessionEnd: instantAt(next, firstSession(cal).end) };
}

/**
 * `ms` itself when the office is open then; otherwise the start of the next
 * session. A session's end (11:30, 17:00) counts as closed.
 */
export function nextWorkingInstant(cal: WorkingCalendar, ms: Instant): Instant {
  assertInstant(ms, ['ms']);
  return openSessionFrom(cal, ms).at;
}

function assertMinutes(minutes: number): void {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new DomainError('calendar.invalid_minutes', 'Số phút làm việc phải là số không âm.', ['minutes'], {
      value: minutes,
    });
  }
}

/**
 * Adds working time. An addition that ends exactly at a session end stays
 * there (e.g. 17:00) instead of jumping to the next session's start; adding
 * nothing returns `fromMs` unchanged.
 */
export function addWorkingMinutes(cal: WorkingCalendar, fromMs: Instant, minutes: number): Instant {
  assertInstant(fromMs, ['fromMs']);
  assertMinutes(minutes);
  let remaining = minutes * MS_PER_MINUTE;
  if (remaining === 0) return fromMs;
  let cursor = fromMs;
  for (;;) {
    const { at, sessionEnd } = openSessionFrom(cal, cursor);
    const available = sessionEnd - at;
    if (remaining <= available) return at + remaining;
    remaining -= available;
    cursor = sessionEnd;
  }
}

/** Working minutes (possibly fractional) in [fromMs, toMs]. */
export function workingMinutesBetween(cal: WorkingCalendar, fromMs: Instant, toMs: Instant): number {
  assertInstant(fromMs, ['fromMs']);
  assertInstant(toMs, ['toMs']);
  if (toMs < fromMs) {
    throw new DomainError('time.range_reversed', 'Thời điểm kết thúc không được trước thời điểm bắt đầu.', ['toMs'], {
      fromMs,
      toMs,
    });
  }
  let totalMs = 0;
  for (let date = localDateOf(fromMs); instantAt(date, 0) < toMs; date = addDays(date, 1)) {
    if (!isWorkingDay(cal, date)) continue;
    for (const session of cal.officeHours) {
      const start = Math.max(fromMs, instantAt(date, session.start));
      const end = Math.min(toMs, instantAt(date, session.end));
      if (end > start) totalMs += end - start;
    }
  }
  return totalMs / MS_PER_MINUTE;
}
