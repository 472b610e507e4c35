import { DomainError } from '../errors.ts';

/**
 * Vietnam local time (Asia/Ho_Chi_Minh) is a fixed UTC+7 with no daylight
 * saving, so every conversion is plain arithmetic on UTC fields: the machine's
 * own timezone never enters (only Date.UTC and getUTC* are used).
 */

/** An instant: milliseconds since the Unix epoch. */
export type Instant = number;

/** A calendar date in Vietnam, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const VN_UTC_OFFSET_MINUTES = 7 * 60;
export const MINUTES_PER_DAY = 24 * 60;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = MINUTES_PER_DAY * MS_PER_MINUTE;

const VN_OFFSET_MS = VN_UTC_OFFSET_MINUTES * MS_PER_MINUTE;
const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function assertInstant(ms: Instant, path: readonly (string | number)[] = []): void {
  if (!Number.isFinite(ms)) {
    throw new DomainError('time.invalid_instant', 'Thời điểm không hợp lệ.', path, { value: ms });
  }
}

/** Days since 1970-01-01 of a valid local date, or undefined when the text is not a real date. */
function tryEpochDay(date: string): number | undefined {
  const match = LOCAL_DATE_PATTERN.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, day);
  const back = new Date(utc);
  // Date.UTC treats years 0–99 as 1900–1999; the round trip rejects those too.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return utc / MS_PER_DAY;
}

export function isLocalDate(value: unknown): value is LocalDate {
  return typeof value === 'string' && tryEpochDay(value) !== undefined;
}

function epochDayOf(date: LocalDate): number {
  const day = tryEpochDay(date);
  if (day === undefined) {
    throw new DomainError('time.invalid_date', `Ngày "${date}" không hợp lệ (cần dạng YYYY-MM-DD).`, [], { value: date });
  }
  return day;
}

function localDateFromEpochDay(epochDay: number): LocalDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** The Vietnam calendar date on which the instant falls. */
export function localDateOf(ms: Instant): LocalDate {
  return localDateFromEpochDay(localDayNumberOf(ms));
}

/**
 * The Vietnam calendar date of the instant as a day number (days since 1970-01-01): the same
 * order as `localDateOf`, without building a string (reports compare hundreds of thousands).
 */
export function localDayNumberOf(ms: Instant): number {
  assertInstant(ms);
  return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds elapsed since local midnight in Vietnam. */
export function msOfDay(ms: Instant): number {
  assertInstant(ms);
  const shifted = (ms + VN_OFFSET_MS) % MS_PER_DAY;
  return shifted < 0 ? shifted + MS_PER_DAY : shifted;
}

/** Whole minutes elapsed since local midnight (0–1439); seconds are dropped. */
export function minuteOfDay(ms: Instant): number {
  return Math.floor(msOfDay(ms) / MS_PER_MINUTE);
}

export function weekdayOfDate(date: LocalDate): Weekday {
  return new Date(epochDayOf(date) * MS_PER_DAY).getUTCDay() as Weekday;
}

export function weekdayOf(ms: Instant): Weekday {
  return weekdayOfDate(localDateOf(ms));
}

export function yearOfDate(date: LocalDate): number {
  epochDayOf(date);
  return Number(date.slice(0, 4));
}

/** The instant at `minutes` after local midnight of `date` (minutes may reach 1440 = next midnight). */
export function instantAt(date: LocalDate, minutes: number): Instant {
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new DomainError('time.invalid_minute_of_day', 'Giờ trong ngày không hợp lệ.', [], { value: minutes });
  }
  return epochDayOf(date) * MS_PER_DAY + minutes * MS_PER_MINUTE - VN_OFFSET_MS;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (!Number.isInteger(days)) {
    throw new DomainError('time.invalid_day_count', 'Số ngày phải là số nguyên.', [], { value: days });
  }
  return localDateFromEpochDay(epochDayOf(date) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return epochDayOf(to) - epochDayOf(from);
}

/** 'HH:mm' → minutes of the day. */
export function parseHhMm(text: string): number {
  const match = HH_MM_PATTERN.exec(text);
  if (!match) {
    throw new DomainError('time.invalid_clock_time', `Giờ "${text}" không hợp lệ (cần dạng HH:mm, 24 giờ).`, [], {
      value: text,
    });
  }
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes of the day → 'HH:mm' (1440 prints as 24:00). */
export function formatMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new DomainError('time.invalid_minute_of_day', 'Giờ trong ngày không hợp lệ.', [], { value: minutes });
  }
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy' for printouts. */
export function formatLocalDate(date: LocalDate): string {
  epochDayOf(date);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** The Vietnam date of an instant as 'dd/MM/yyyy'. */
export function formatDate(ms: Instant): string {
  return formatLocalDate(localDateOf(ms));
}

/** The Vietnam clock time of an instant as 'HH:mm' (24 h). */
export function formatTime(ms: Instant): string {
  return formatMinutes(minuteOfDay(ms));
}
