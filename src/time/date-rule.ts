import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { formatLocalDate, isLocalDate } from './vn-time.ts';
import type { LocalDate } from './vn-time.ts';

/**
 * The one rule for every date an officer types, a card carries or an event stores: it must
 * exist on the calendar, it may not be before 1900, and it may not be later than the field
 * allows (today for a past fact such as a birth date). Each refusal says which of these it is,
 * in words an officer can act on ("Ngày sinh 31/02/1990 không có thật.").
 */

/** No date an officer records is older than this: a typo (1090, 0990) rather than a fact. */
export const EARLIEST_DATE: LocalDate = '1900-01-01';

export interface DateRule {
  /** The field as a sentence starts with it, e.g. "Ngày sinh", "Ngày hẹn trả mới". */
  label: string;
  /**
   * The latest date allowed, inclusive. `today: true` words the refusal "không được sau hôm nay"
   * (a past fact); otherwise the date itself is named.
   */
  latest?: { date: LocalDate; today?: boolean };
  /** The earliest date allowed when later than 1900 (e.g. a period's start), named in the refusal. */
  earliest?: { date: LocalDate; name: string };
}

const TYPED_WITH_SEPARATORS = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/;
const TYPED_COMPACT = /^(\d{2})(\d{2})(\d{4})$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A date typed day first, as officers write it: "05/09/1990", "5/9/1990", "05-09-1990",
 * "05.09.1990" or "05091990" (as a citizen card prints it), checked with `rule`.
 * Two-digit years are refused: "05/09/90" could be 1990 or 2090.
 */
export function parseTypedDate(text: string, rule: DateRule): Result<LocalDate> {
  const trimmed = text.trim();
  const match = TYPED_WITH_SEPARATORS.exec(trimmed) ?? TYPED_COMPACT.exec(trimmed);
  if (!match) {
    return err(
      new DomainError(
        'date.bad_shape',
        `${rule.label} "${trimmed}" chưa ghi đúng cách: ghi ngày/tháng/năm đủ 4 chữ số năm, ví dụ 05/09/1990.`,
        undefined,
        { text: trimmed },
      ),
    );
  }
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const shown = `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
  if (month < 1 || month > 12) {
    return err(new DomainError('date.not_real', `${rule.label} ${shown} không có thật: không có tháng ${month}.`, undefined, { text: trimmed }));
  }
  if (day < 1 || day > daysInMonth(year, month)) {
    const why = day < 1 ? 'không có ngày 0' : `tháng ${pad2(month)}/${year} chỉ có ${daysInMonth(year, month)} ngày`;
    return err(new DomainError('date.not_real', `${rule.label} ${shown} không có thật: ${why}.`, undefined, { text: trimmed }));
  }
  return checkDate(`${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`, rule);
}

/** The same rule for a date already in `YYYY-MM-DD` form (a card's QR, an event, a date picker). */
export function checkDate(date: string, rule: DateRule): Result<LocalDate> {
  if (!isLocalDate(date)) {
    const shown = /^\d{4}-\d{2}-\d{2}$/.test(date) ? formatIsoAsTyped(date) : `"${date}"`;
    return err(new DomainError('date.not_real', `${rule.label} ${shown} không có thật.`, undefined, { date }));
  }
  if (date < EARLIEST_DATE) {
    return err(new DomainError('date.too_early', `${rule.label} không được trước năm 1900.`, undefined, { date }));
  }
  if (rule.earliest && date < rule.earliest.date) {
    return err(new DomainError('date.too_early', `${rule.label} không được trước ${rule.earliest.name}.`, undefined, { date }));
  }
  if (rule.latest && date > rule.latest.date) {
    const limit = rule.latest.today ? 'hôm nay' : `ngày ${formatLocalDate(rule.latest.date)}`;
    return err(new DomainError('date.too_late', `${rule.label} không được sau ${limit}.`, undefined, { date }));
  }
  return ok(date);
}

/** A past fact (birth date, issue date): not after `today`. */
export function pastFactRule(label: string, today: LocalDate): DateRule {
  return { label, latest: { date: today, today: true } };
}

/** '2023-02-31' → '31/02/2023', without requiring the date to exist. */
function formatIsoAsTyped(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}
