import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import {
  addDays,
  assertInstant,
  daysBetween,
  formatDate,
  formatLocalDate,
  formatMinutes,
  formatTime,
  instantAt,
  isLocalDate,
  localDateOf,
  minuteOfDay,
  msOfDay,
  parseHhMm,
  weekdayOf,
  weekdayOfDate,
  yearOfDate,
} from '../../../src/time/vn-time.ts';

const HOUR = 3_600_000;

const expectDomainError = (run: () => unknown, code: string) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error(`expected DomainError ${code}`);
};

const localDateArb = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('Vietnam local time is UTC+7 whatever the machine timezone', () => {
  it('puts 17:00 UTC on the next Vietnamese day', () => {
    expect(localDateOf(Date.UTC(2025, 0, 1, 16, 59))).toBe('2025-01-01');
    expect(localDateOf(Date.UTC(2025, 0, 1, 17, 0))).toBe('2025-01-02');
    expect(minuteOfDay(Date.UTC(2025, 0, 1, 17, 0))).toBe(0);
    expect(minuteOfDay(Date.UTC(2025, 0, 1, 3, 45, 59))).toBe(10 * 60 + 45);
  });

  it('builds instants from local date and minutes', () => {
    expect(instantAt('2026-02-13', 10 * 60)).toBe(Date.UTC(2026, 1, 13, 3, 0));
    expect(instantAt('2026-02-13', 0)).toBe(Date.UTC(2026, 1, 12, 17, 0));
    expect(instantAt('2026-02-13', 1440)).toBe(instantAt('2026-02-14', 0));
  });

  it('handles instants before 1970', () => {
    expect(localDateOf(-1)).toBe('1970-01-01');
    expect(msOfDay(-1)).toBe(7 * HOUR - 1);
    expect(localDateOf(-7 * HOUR - 1)).toBe('1969-12-31');
    expect(msOfDay(-7 * HOUR - 1)).toBe(24 * HOUR - 1);
  });

  it('gives weekdays (0 = Sunday)', () => {
    expect(weekdayOfDate('2025-04-26')).toBe(6);
    expect(weekdayOfDate('2026-04-26')).toBe(0);
    expect(weekdayOfDate('2027-02-06')).toBe(6);
    // 23:30 UTC on Friday is already Saturday 06:30 in Vietnam.
    expect(weekdayOf(Date.UTC(2025, 3, 25, 23, 30))).toBe(6);
  });

  it('round-trips date and minute of day', () => {
    fc.assert(
      fc.property(localDateArb, fc.integer({ min: 0, max: 1439 }), (date, minutes) => {
        const ms = instantAt(date, minutes);
        expect(localDateOf(ms)).toBe(date);
        expect(minuteOfDay(ms)).toBe(minutes);
      }),
    );
  });
});

describe('ISO day arithmetic', () => {
  it('crosses months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-02-14', '2026-02-22')).toBe(8);
    expect(daysBetween('2026-02-22', '2026-02-14')).toBe(-8);
  });

  it('daysBetween inverts addDays', () => {
    fc.assert(
      fc.property(localDateArb, fc.integer({ min: -2000, max: 2000 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
  });

  it('rejects impossible dates and fractional day counts', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '25-01-01', '0099-01-01', '']) {
      expect(isLocalDate(bad)).toBe(false);
      const error = expectDomainError(() => addDays(bad, 1), 'time.invalid_date');
      expect(error.message).toContain('không hợp lệ');
    }
    expect(isLocalDate(20250101)).toBe(false);
    expect(isLocalDate('2024-02-29')).toBe(true);
    expectDomainError(() => addDays('2025-01-01', 0.5), 'time.invalid_day_count');
    expectDomainError(() => yearOfDate('2025-02-30'), 'time.invalid_date');
    expect(yearOfDate('2027-06-01')).toBe(2027);
  });

  it('rejects bad instants and minutes', () => {
    expectDomainError(() => localDateOf(Number.NaN), 'time.invalid_instant');
    expectDomainError(() => assertInstant(Number.POSITIVE_INFINITY, ['x']), 'time.invalid_instant');
    expectDomainError(() => instantAt('2025-01-01', -1), 'time.invalid_minute_of_day');
    expectDomainError(() => instantAt('2025-01-01', 1441), 'time.invalid_minute_of_day');
    expectDomainError(() => instantAt('2025-01-01', Number.NaN), 'time.invalid_minute_of_day');
  });
});

describe('printout formats', () => {
  it('formats dd/MM/yyyy and 24-hour HH:mm', () => {
    const ms = instantAt('2026-02-03', 17 * 60 + 5);
    expect(formatDate(ms)).toBe('03/02/2026');
    expect(formatTime(ms)).toBe('17:05');
    expect(formatTime(instantAt('2026-02-03', 0))).toBe('00:00');
    expect(formatLocalDate('2025-12-31')).toBe('31/12/2025');
    expect(formatMinutes(1440)).toBe('24:00');
  });

  it('parses HH:mm and rejects anything else', () => {
    expect(parseHhMm('15:00')).toBe(900);
    expect(parseHhMm('00:00')).toBe(0);
    expect(parseHhMm('23:59')).toBe(1439);
    for (const bad of ['24:00', '7:00', '15:60', '15h00', '']) {
      expectDomainError(() => parseHhMm(bad), 'time.invalid_clock_time');
    }
    expectDomainError(() => formatMinutes(1.5), 'time.invalid_minute_of_day');
    expectDomainError(() => formatMinutes(1441), 'time.invalid_minute_of_day');
  });

  it('formatMinutes inverts parseHhMm', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (minutes) => {
        expect(parseHhMm(formatMinutes(minutes))).toBe(minutes);
      }),
    );
  });
});
