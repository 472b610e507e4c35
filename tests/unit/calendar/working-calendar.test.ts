import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createWorkingCalendar,
  dayOffOn,
  DEFAULT_OFFICE_HOURS,
  endOfWorkingDay,
  isWithinOfficeHours,
  isWorkingDay,
  nextWorkingDate,
  nextWorkingInstant,
  workingMinutesBetween,
} from '../../../src/calendar/working-calendar.ts';
import {
  bundledCalendar,
  expectDomainError,
  instantIn2025To2026,
  plainYear,
  show,
  vn,
} from './calendar-fixtures.ts';

const cal = bundledCalendar();

describe('working days', () => {
  it('takes weekends off unless listed as working days', () => {
    expect(isWorkingDay(cal, '2025-04-25')).toBe(true); // Friday
    expect(isWorkingDay(cal, '2025-04-26')).toBe(true); // swapped working Saturday
    expect(isWorkingDay(cal, '2025-04-27')).toBe(false); // Sunday
    expect(isWorkingDay(cal, '2025-06-14')).toBe(false); // ordinary Saturday
  });

  it('takes listed holidays and bridge days off', () => {
    for (const date of ['2025-01-01', '2025-01-27', '2025-04-07', '2025-04-30', '2025-05-01', '2025-05-02', '2025-09-01']) {
      expect(isWorkingDay(cal, date), date).toBe(false);
    }
    for (const date of ['2026-02-16', '2026-02-20', '2026-04-27', '2027-05-03']) {
      expect(isWorkingDay(cal, date), date).toBe(false);
    }
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true);
    expect(isWorkingDay(cal, '2026-02-23')).toBe(true);
    expect(dayOffOn(cal, '2025-05-02')?.kind).toBe('bridge');
    expect(dayOffOn(cal, '2025-05-05')).toBeUndefined();
  });

  it('refuses to guess for a year that is not loaded', () => {
    const error = expectDomainError(() => isWorkingDay(cal, '2028-03-01'), 'calendar.year_missing');
    expect(error.message).toContain('2028');
    expect(error.details).toMatchObject({ year: 2028 });
    expectDomainError(() => isWorkingDay(cal, '2024-12-31'), 'calendar.year_missing');
    // The search for the next working day stops at the edge instead of looping.
    expectDomainError(() => nextWorkingDate(cal, '2027-12-31'), 'calendar.year_missing');
  });

  it('rejects the same year loaded twice', () => {
    const error = expectDomainError(
      () => createWorkingCalendar({ years: [plainYear(2030), plainYear(2030)] }),
      'calendar.year_duplicate',
    );
    expect(error.path).toEqual(['years', 1, 'year']);
  });

  it('finds the next working day across Tết 2026', () => {
    expect(nextWorkingDate(cal, '2026-02-13')).toBe('2026-02-23');
    expect(nextWorkingDate(cal, '2025-04-25')).toBe('2025-04-26');
  });

  it('gives the end of a working day and refuses a day off', () => {
    expect(show(endOfWorkingDay(cal, '2025-06-10'))).toBe('10/06/2025 17:00');
    expectDomainError(() => endOfWorkingDay(cal, '2025-06-14'), 'calendar.not_working_day');
  });
});

describe('office hours', () => {
  it('default to 07:00–11:30 and 13:30–17:00, 480 minutes a day', () => {
    expect(cal.officeHours).toEqual(DEFAULT_OFFICE_HOURS);
    expect(cal.minutesPerWorkingDay).toBe(480);
  });

  it('are configurable', () => {
    const custom = bundledCalendar([
      { start: 7 * 60 + 30, end: 12 * 60 },
      { start: 13 * 60, end: 16 * 60 + 30 },
    ]);
    expect(custom.minutesPerWorkingDay).toBe(480);
    expect(show(nextWorkingInstant(custom, vn('2025-06-10', '12:15')))).toBe('10/06/2025 13:00');
    expect(show(addWorkingMinutes(custom, vn('2025-06-10', '16:00'), 60))).toBe('11/06/2025 08:00');
  });

  it.each([
    [[], ['officeHours']],
    ['07:00-17:00', ['officeHours']],
    [[null], ['officeHours', 0]],
    [[{ start: 420 }], ['officeHours', 0, 'end']],
    [[{ start: -1, end: 600 }], ['officeHours', 0, 'start']],
    [[{ start: 420, end: 1441 }], ['officeHours', 0, 'end']],
    [[{ start: 420.5, end: 600 }], ['officeHours', 0, 'start']],
    [[{ start: 700, end: 600 }], ['officeHours', 0, 'end']],
    [[{ start: 600, end: 600 }], ['officeHours', 0, 'end']],
    [[{ start: 810, end: 1020 }, { start: 420, end: 690 }], ['officeHours', 1, 'start']],
    [[{ start: 420, end: 700 }, { start: 690, end: 1020 }], ['officeHours', 1, 'start']],
    [[{ start: 420, end: 690 }, { start: 690, end: 1020 }], ['officeHours', 1, 'start']],
  ])('rejects %j', (officeHours, path) => {
    const error = expectDomainError(
      () => createWorkingCalendar({ years: [], officeHours: officeHours as never }),
      'calendar.office_hours_invalid',
    );
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(/^Giờ làm việc không hợp lệ/);
  });

  it('include both ends of a session for a due time', () => {
    expect(isWithinOfficeHours(cal, vn('2025-06-10', '07:00'))).toBe(true);
    expect(isWithinOfficeHours(cal, vn('2025-06-10', '11:30'))).toBe(true);
    expect(isWithinOfficeHours(cal, vn('2025-06-10', '12:00'))).toBe(false);
    expect(isWithinOfficeHours(cal, vn('2025-06-10', '17:00'))).toBe(true);
    expect(isWithinOfficeHours(cal, vn('2025-06-10', '17:01'))).toBe(false);
    expect(isWithinOfficeHours(cal, vn('2025-06-14', '10:00'))).toBe(false);
  });
});

describe('nextWorkingInstant', () => {
  it.each([
    ['2025-06-10', '10:00', '10/06/2025 10:00'], // inside a session
    ['2025-06-10', '06:00', '10/06/2025 07:00'], // before opening
    ['2025-06-10', '11:30', '10/06/2025 13:30'], // a session end is closed
    ['2025-06-10', '11:45', '10/06/2025 13:30'], // lunch
    ['2025-06-10', '17:30', '11/06/2025 07:00'], // evening
    ['2025-06-13', '17:30', '16/06/2025 07:00'], // Friday evening → Monday
    ['2025-06-14', '09:00', '16/06/2025 07:00'], // Saturday
    ['2025-04-26', '09:00', '26/04/2025 09:00'], // swapped working Saturday
    ['2025-04-29', '17:10', '05/05/2025 07:00'], // before the 30/4–4/5 block
    ['2026-02-13', '17:00', '23/02/2026 07:00'], // before Tết 2026
  ])('%s %s → %s', (date, time, expected) => {
    expect(show(nextWorkingInstant(cal, vn(date, time)))).toBe(expected);
  });

  it('rejects a non-finite instant', () => {
    expectDomainError(() => nextWorkingInstant(cal, Number.NaN), 'time.invalid_instant');
  });
});

describe('addWorkingMinutes', () => {
  it('stays at a session end instead of jumping to the next start', () => {
    expect(show(addWorkingMinutes(cal, vn('2025-06-10', '11:00'), 30))).toBe('10/06/2025 11:30');
    expect(show(addWorkingMinutes(cal, vn('2025-06-10', '07:00'), 480))).toBe('10/06/2025 17:00');
    expect(show(addWorkingMinutes(cal, vn('2025-06-10', '11:00'), 31))).toBe('10/06/2025 13:31');
  });

  it('skips lunch, nights, weekends and holidays', () => {
    // Fri 25/4/2025 16:00: 60 min that day, then the working Saturday 26/4 from 07:00.
    expect(show(addWorkingMinutes(cal, vn('2025-04-25', '16:00'), 480))).toBe('26/04/2025 16:00');
    // Tue 29/4/2025 16:00: 60 min, then 30/4–4/5 are off, Monday 5/5 from 07:00.
    expect(show(addWorkingMinutes(cal, vn('2025-04-29', '16:00'), 120))).toBe('05/05/2025 08:00');
  });

  it('returns the start unchanged when adding nothing, and rejects negative or NaN minutes', () => {
    const at = vn('2025-06-14', '09:00');
    expect(addWorkingMinutes(cal, at, 0)).toBe(at);
    const error = expectDomainError(() => addWorkingMinutes(cal, at, -1), 'calendar.invalid_minutes');
    expect(error.path).toEqual(['minutes']);
    expectDomainError(() => addWorkingMinutes(cal, at, Number.NaN), 'calendar.invalid_minutes');
    expectDomainError(() => addWorkingMinutes(cal, Number.NaN, 1), 'time.invalid_instant');
  });

  it('throws when the addition runs past the loaded years', () => {
    expectDomainError(() => addWorkingMinutes(cal, vn('2027-12-30', '08:00'), 5 * 480), 'calendar.year_missing');
  });

  it('always ends inside office hours on a working day', () => {
    fc.assert(
      fc.property(instantIn2025To2026(), fc.integer({ min: 1, max: 30 * 480 }), (from, minutes) => {
        expect(isWithinOfficeHours(cal, addWorkingMinutes(cal, from, minutes))).toBe(true);
      }),
    );
  });

  it('adding N then M working days equals adding N + M', () => {
    fc.assert(
      fc.property(
        instantIn2025To2026(),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        (raw, halfDaysN, halfDaysM) => {
          const from = nextWorkingInstant(cal, raw);
          const n = halfDaysN * 240;
          const m = halfDaysM * 240;
          expect(addWorkingMinutes(cal, addWorkingMinutes(cal, from, n), m)).toBe(addWorkingMinutes(cal, from, n + m));
        },
      ),
    );
  });

  it('workingMinutesBetween(a, addWorkingMinutes(a, n)) is n', () => {
    fc.assert(
      fc.property(instantIn2025To2026(), fc.integer({ min: 0, max: 20 * 480 }), (raw, n) => {
        const from = nextWorkingInstant(cal, raw);
        expect(workingMinutesBetween(cal, from, addWorkingMinutes(cal, from, n))).toBe(n);
      }),
    );
  });
});

describe('workingMinutesBetween', () => {
  it('counts only office time', () => {
    expect(workingMinutesBetween(cal, vn('2025-06-10', '00:00'), vn('2025-06-11', '00:00'))).toBe(480);
    expect(workingMinutesBetween(cal, vn('2025-06-10', '11:00'), vn('2025-06-10', '14:00'))).toBe(60);
    expect(workingMinutesBetween(cal, vn('2025-06-13', '16:00'), vn('2025-06-16', '08:00'))).toBe(120);
    expect(workingMinutesBetween(cal, vn('2026-02-13', '17:00'), vn('2026-02-23', '07:00'))).toBe(0);
    const at = vn('2025-06-10', '09:00');
    expect(workingMinutesBetween(cal, at, at)).toBe(0);
    expect(workingMinutesBetween(cal, at, at + 30_000)).toBe(0.5);
  });

  it('rejects a reversed range', () => {
    const error = expectDomainError(
      () => workingMinutesBetween(cal, vn('2025-06-11', '09:00'), vn('2025-06-10', '09:00')),
      'time.range_reversed',
    );
    expect(error.path).toEqual(['toMs']);
  });

  it('throws for a range reaching an unloaded year', () => {
    expectDomainError(
      () => workingMinutesBetween(cal, vn('2027-12-31', '09:00'), vn('2028-01-03', '09:00')),
      'calendar.year_missing',
    );
  });
});
