import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatutoryTime } from '../../../src/catalogue/statutory-time.ts';
import { isWithinOfficeHours } from '../../../src/calendar/working-calendar.ts';
import {
  applyExtension,
  computeAppointment,
  pausedWorkingMinutes,
  shiftDueForPause,
} from '../../../src/deadline/appointment.ts';
import { bundledCalendar, expectDomainError, instantIn2025To2026, show, vn } from '../calendar/calendar-fixtures.ts';

const cal = bundledCalendar();
const days = (n: number): StatutoryTime => ({ kind: 'working-days', days: n });
const hours = (n: number): StatutoryTime => ({ kind: 'working-hours', hours: n });
const sameDay = (cutoff = '15:00'): StatutoryTime => ({ kind: 'same-day', cutoff });

const appointment = (date: string, time: string, statutoryTime: StatutoryTime) =>
  show(computeAppointment(cal, vn(date, time), statutoryTime));

describe('computeAppointment: working days', () => {
  it('jumps over Tết 2026', () => {
    // Fri 13/2 10:00 leaves 300 min that day; 14–22/2 are off; Mon 23 and Tue 24 give 960;
    // the last 180 of 3 × 480 fall on Wed 25/2 from 07:00.
    expect(appointment('2026-02-13', '10:00', days(3))).toBe('25/02/2026 10:00');
  });

  it('counts the swapped working Saturday 26/4/2025 and skips 30/4–4/5', () => {
    // Fri 25/4 16:00: 60 min, then Sat 26/4 is a working day.
    expect(appointment('2025-04-25', '16:00', days(1))).toBe('26/04/2025 16:00');
    // Tue 29/4 09:00: 360 min that day; 30/4–4/5 are off; Mon 5/5 gives 480; 120 more on Tue 6/5.
    expect(appointment('2025-04-29', '09:00', days(2))).toBe('06/05/2025 09:00');
  });

  it('takes Friday afternoon to Monday afternoon', () => {
    expect(appointment('2025-06-13', '16:00', days(1))).toBe('16/06/2025 16:00');
  });

  it('starts a receipt at lunch at 13:30', () => {
    // 210 min on Tue afternoon + the 270 of Wed morning = 480: due at the session end, 11:30.
    expect(appointment('2025-06-10', '11:45', days(1))).toBe('11/06/2025 11:30');
    expect(appointment('2025-06-10', '11:45', hours(2))).toBe('10/06/2025 15:30');
  });

  it('starts an evening receipt the next morning and stays at 17:00', () => {
    expect(appointment('2025-06-10', '17:30', days(1))).toBe('11/06/2025 17:00');
  });

  it('starts an early receipt at 07:00; half a day is 240 minutes', () => {
    expect(appointment('2025-06-10', '06:00', days(0.5))).toBe('10/06/2025 11:00');
  });

  it('starts weekend and holiday receipts on the next working day', () => {
    expect(appointment('2025-06-15', '10:00', hours(1))).toBe('16/06/2025 08:00');
    expect(appointment('2025-09-02', '10:00', days(1))).toBe('03/09/2025 17:00');
    expect(appointment('2026-04-27', '08:00', days(1))).toBe('28/04/2026 17:00');
  });

  it('uses the configured office day as the length of a working day', () => {
    const short = bundledCalendar([{ start: 8 * 60, end: 12 * 60 }]);
    expect(short.minutesPerWorkingDay).toBe(240);
    expect(show(computeAppointment(short, vn('2025-06-10', '09:00'), days(1)))).toBe('11/06/2025 09:00');
  });

  it('fails loudly when the due date falls in an unloaded year', () => {
    expectDomainError(() => computeAppointment(cal, vn('2027-12-30', '09:00'), days(5)), 'calendar.year_missing');
    expectDomainError(() => computeAppointment(cal, Number.NaN, days(1)), 'time.invalid_instant');
  });
});

describe('computeAppointment: same day', () => {
  it.each([
    ['2025-06-11', '14:59', '11/06/2025 17:00'],
    ['2025-06-11', '15:00', '11/06/2025 17:00'],
    ['2025-06-11', '15:01', '12/06/2025 17:00'],
    ['2025-06-13', '15:01', '16/06/2025 17:00'], // Friday → Monday
    ['2025-04-29', '15:30', '05/05/2025 17:00'], // before the 30/4–4/5 block
    ['2025-06-11', '12:00', '11/06/2025 17:00'], // lunch → 13:30, before the cutoff
    ['2025-06-11', '17:30', '12/06/2025 17:00'], // evening → next morning, before the cutoff
    ['2025-04-07', '09:00', '08/04/2025 17:00'], // Hùng Kings day
  ])('received %s %s → %s', (date, time, expected) => {
    expect(appointment(date, time, sameDay())).toBe(expected);
  });

  it('honours a custom cutoff', () => {
    expect(appointment('2025-06-11', '11:00', sameDay('11:00'))).toBe('11/06/2025 17:00');
    expect(appointment('2025-06-11', '11:01', sameDay('11:00'))).toBe('12/06/2025 17:00');
    expectDomainError(() => computeAppointment(cal, vn('2025-06-11', '09:00'), sameDay('3pm')), 'time.invalid_clock_time');
  });
});

const statutoryTimeArb: fc.Arbitrary<StatutoryTime> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).map((halves) => days(halves / 2)),
  fc.integer({ min: 1, max: 100 }).map(hours),
  fc.constantFrom('11:00', '15:00', '16:30').map(sameDay),
);

describe('computeAppointment properties', () => {
  it('the due time is inside office hours on a working day', () => {
    fc.assert(
      fc.property(instantIn2025To2026(), statutoryTimeArb, (received, time) => {
        expect(isWithinOfficeHours(cal, computeAppointment(cal, received, time))).toBe(true);
      }),
    );
  });

  it('a later receipt never gets an earlier due time', () => {
    fc.assert(
      fc.property(
        instantIn2025To2026(),
        fc.integer({ min: 0, max: 5 * 24 * 60 }),
        statutoryTimeArb,
        (received, laterByMinutes, time) => {
          const later = received + laterByMinutes * 60_000;
          expect(computeAppointment(cal, later, time)).toBeGreaterThanOrEqual(computeAppointment(cal, received, time));
        },
      ),
    );
  });
});

describe('pauses', () => {
  it('count the working time spent waiting', () => {
    expect(pausedWorkingMinutes(cal, vn('2025-06-09', '15:00'), vn('2025-06-10', '09:00'))).toBe(240);
    expect(pausedWorkingMinutes(cal, vn('2025-06-13', '16:00'), vn('2025-06-16', '08:00'))).toBe(120);
  });

  it('shift the due time by the paused working time', () => {
    // 240 paused minutes added after Wed 17:00 land on Thu 11:00.
    const due = vn('2025-06-11', '17:00');
    expect(show(shiftDueForPause(cal, due, vn('2025-06-09', '15:00'), vn('2025-06-10', '09:00')))).toBe('12/06/2025 11:00');
    // A pause over a weekend only costs working time.
    expect(show(shiftDueForPause(cal, due, vn('2025-06-13', '17:00'), vn('2025-06-16', '07:00')))).toBe('11/06/2025 17:00');
    // A pause over Tết 2026 costs 60 min on Fri 13/2 and 60 on Mon 23/2: Tue 10:00 + 120 → 14:00.
    expect(
      show(shiftDueForPause(cal, vn('2026-02-24', '10:00'), vn('2026-02-13', '16:00'), vn('2026-02-23', '08:00'))),
    ).toBe('24/02/2026 14:00');
  });

  it('reject a resumption before the pause', () => {
    expectDomainError(
      () => shiftDueForPause(cal, vn('2025-06-11', '17:00'), vn('2025-06-10', '09:00'), vn('2025-06-09', '09:00')),
      'time.range_reversed',
    );
    expectDomainError(
      () => shiftDueForPause(cal, Number.NaN, vn('2025-06-09', '09:00'), vn('2025-06-10', '09:00')),
      'time.invalid_instant',
    );
  });
});

describe('applyExtension', () => {
  const due = vn('2025-06-11', '17:00');

  it('accepts a later time inside office hours on a working day', () => {
    const newDue = vn('2025-06-13', '10:00');
    expect(applyExtension(cal, due, newDue)).toBe(newDue);
    expect(applyExtension(cal, due, vn('2025-06-12', '17:00'))).toBe(vn('2025-06-12', '17:00'));
    expect(applyExtension(cal, vn('2025-04-25', '17:00'), vn('2025-04-26', '10:00'))).toBe(vn('2025-04-26', '10:00'));
  });

  it('rejects a new due time that is not later', () => {
    const error = expectDomainError(() => applyExtension(cal, due, due), 'deadline.extension_not_later');
    expect(error.message).toContain('17:00 11/06/2025');
    expectDomainError(() => applyExtension(cal, due, vn('2025-06-10', '09:00')), 'deadline.extension_not_later');
  });

  it('rejects a new due time outside office hours or on a day off', () => {
    for (const [date, time] of [
      ['2025-06-12', '12:00'],
      ['2025-06-12', '18:00'],
      ['2025-06-14', '09:00'],
      ['2025-09-01', '09:00'],
    ] as const) {
      const error = expectDomainError(() => applyExtension(cal, due, vn(date, time)), 'deadline.extension_outside_office_hours');
      expect(error.path).toEqual(['newDueMs']);
    }
    expectDomainError(() => applyExtension(cal, due, Number.NaN), 'time.invalid_instant');
    expectDomainError(() => applyExtension(cal, Number.NaN, due), 'time.invalid_instant');
  });
});
