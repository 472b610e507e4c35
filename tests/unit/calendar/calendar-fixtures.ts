import fc from 'fast-check';
import { expect } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import type { CalendarYear } from '../../../src/calendar/calendar-data.ts';
import { createWorkingCalendar, type OfficeHours, type WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { formatDate, formatTime, instantAt, MS_PER_MINUTE, parseHhMm, type Instant } from '../../../src/time/vn-time.ts';

/** An instant from Vietnam wall-clock time, e.g. vn('2026-02-13', '10:00'). */
export const vn = (date: string, hhmm: string): Instant => instantAt(date, parseHhMm(hhmm));

/** 'dd/MM/yyyy HH:mm' in Vietnam time, for readable assertions. */
export const show = (ms: Instant): string => `${formatDate(ms)} ${formatTime(ms)}`;

export const bundledCalendar = (officeHours?: OfficeHours): WorkingCalendar =>
  createWorkingCalendar({ years: loadBundledCalendarYears(), officeHours });

/** A minimal valid year: weekends off, nothing else. */
export const plainYear = (year: number): CalendarYear => ({
  year,
  status: 'provisional',
  note: 'test year',
  daysOff: [],
  workingSaturdays: [],
  sources: ['test'],
});

/**
 * Minute-aligned instants from 2025-01-01 00:00 to 2026-10-31 in Vietnam, so
 * that additions of a few dozen working days stay inside the bundled years.
 */
export const instantIn2025To2026 = (): fc.Arbitrary<Instant> => {
  const from = vn('2025-01-01', '00:00');
  const to = vn('2026-10-31', '00:00');
  return fc.integer({ min: 0, max: (to - from) / MS_PER_MINUTE }).map((minutes) => from + minutes * MS_PER_MINUTE);
};

/** Runs `run`, expects a DomainError with that code, and returns it for further checks. */
export const expectDomainError = (run: () => unknown, code: string): DomainError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error(`expected DomainError ${code}, nothing was thrown`);
};
