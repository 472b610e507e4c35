import { DomainError } from '../errors.ts';
import { formatMinutes, MINUTES_PER_DAY } from '../time/vn-time.ts';

/** One office session, in minutes after local midnight: [start, end]. */
export interface OfficeSession {
  readonly start: number;
  readonly end: number;
}

/** The sessions of an office day, in order (e.g. morning and afternoon). */
export type OfficeHours = readonly OfficeSession[];

export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze([
  Object.freeze({ start: 7 * 60, end: 11 * 60 + 30 }),
  Object.freeze({ start: 13 * 60 + 30, end: 17 * 60 }),
]);

function invalid(message: string, path: (string | number)[], details?: Record<string, unknown>): DomainError {
  return new DomainError('calendar.office_hours_invalid', `Giờ làm việc không hợp lệ: ${message}.`, path, details);
}

const isMinuteOfDay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MINUTES_PER_DAY;

/**
 * Checks that sessions are whole minutes within the day, each non-empty, in
 * order and separated by a break (touching sessions must be written as one,
 * otherwise "ends exactly at a session end" would be ambiguous).
 */
export function validateOfficeHours(officeHours: unknown): OfficeHours {
  if (!Array.isArray(officeHours) || officeHours.length === 0) {
    throw invalid('cần ít nhất một buổi làm việc', ['officeHours']);
  }
  const sessions: OfficeSession[] = [];
  officeHours.forEach((session: unknown, index) => {
    const path = ['officeHours', index];
    if (typeof session !== 'object' || session === null) {
      throw invalid(`buổi thứ ${index + 1} phải có giờ bắt đầu và giờ kết thúc`, path);
    }
    const { start, end } = session as Record<string, unknown>;
    if (!isMinuteOfDay(start)) throw invalid(`giờ bắt đầu buổi thứ ${index + 1} phải nằm trong ngày`, [...path, 'start']);
    if (!isMinuteOfDay(end)) throw invalid(`giờ kết thúc buổi thứ ${index + 1} phải nằm trong ngày`, [...path, 'end']);
    if (end <= start) {
      throw invalid(
        `buổi thứ ${index + 1} kết thúc (${formatMinutes(end)}) không sau giờ bắt đầu (${formatMinutes(start)})`,
        [...path, 'end'],
      );
    }
    const previous = sessions.at(-1);
    if (previous !== undefined && start <= previous.end) {
      throw invalid(
        `buổi thứ ${index + 1} (bắt đầu ${formatMinutes(start)}) phải bắt đầu sau khi buổi trước kết thúc (${formatMinutes(previous.end)})`,
        [...path, 'start'],
      );
    }
    sessions.push(Object.freeze({ start, end }));
  });
  return Object.freeze(sessions);
}

export function officeDayMinutes(officeHours: OfficeHours): number {
  return officeHours.reduce((total, session) => total + session.end - session.start, 0);
}
