import { validateOfficeHours } from '../../../src/calendar/office-hours.ts';
import type { OfficeHours } from '../../../src/calendar/office-hours.ts';
import { DomainError, err, ok } from '../../../src/errors.ts';
import type { Result } from '../../../src/errors.ts';
import { formatMinutes, parseHhMm } from '../../../src/time/vn-time.ts';

export interface SessionText {
  start: string;
  end: string;
}

export function sessionsToText(hours: readonly { start: number; end: number }[]): SessionText[] {
  return hours.map((s) => ({ start: formatMinutes(s.start), end: formatMinutes(s.end) }));
}

/** Typed "HH:mm" sessions → office hours checked by the calendar's own validation. */
export function parseSessions(rows: readonly SessionText[]): Result<OfficeHours> {
  try {
    const sessions = rows.map((row, index) => {
      try {
        return { start: parseHhMm(row.start.trim()), end: parseHhMm(row.end.trim()) };
      } catch (error) {
        throw new DomainError('office_hours.bad_time', `Buổi thứ ${index + 1}: ${(error as Error).message}`);
      }
    });
    return ok(validateOfficeHours(sessions));
  } catch (error) {
    return err(error instanceof DomainError ? error : new DomainError('office_hours.invalid', 'Giờ làm việc không hợp lệ.'));
  }
}

/** The due-soon threshold as officers think of it: hours of working time, halves allowed. */
export function parseThresholdHours(text: string): Result<number> {
  const value = Number(text.trim().replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1000) {
    return err(new DomainError('threshold.invalid', 'Ngưỡng "sắp đến hạn" phải là số giờ làm việc từ 0 đến 1.000 (ví dụ 8 = một ngày làm việc).'));
  }
  return ok(Math.round(value * 60));
}
