import type { ReportPeriod } from '../../src/reports/report-period.ts';
import { checkDate } from '../../src/time/date-rule.ts';
import { addDays, formatLocalDate, isLocalDate, localDateOf } from '../../src/time/vn-time.ts';
import type { Instant, LocalDate } from '../../src/time/vn-time.ts';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** What the period picker holds; `index` is the month (1–12) or the quarter (1–4). */
export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  index: number;
  /** Only for `custom`. */
  from: LocalDate;
  to: LocalDate;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month: number): LocalDate => `${year}-${pad2(month)}-01`;
const lastOfMonth = (year: number, month: number): LocalDate =>
  addDays(month === 12 ? firstOfMonth(year + 1, 1) : firstOfMonth(year, month + 1), -1);

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

/** The current month of the desk clock: what an officer usually reports on. */
export function defaultChoice(nowMs: Instant): PeriodChoice {
  const today = localDateOf(nowMs);
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return { kind: 'month', year, index: month, from: firstOfMonth(year, month), to: today };
}

/** The inclusive dates of the choice, or null when a custom range is incomplete or reversed. */
export function periodOf(choice: PeriodChoice): ReportPeriod | null {
  switch (choice.kind) {
    case 'month':
      return { from: firstOfMonth(choice.year, choice.index), to: lastOfMonth(choice.year, choice.index) };
    case 'quarter': {
      const first = (choice.index - 1) * 3 + 1;
      return { from: firstOfMonth(choice.year, first), to: lastOfMonth(choice.year, first + 2) };
    }
    case 'year':
      return { from: `${choice.year}-01-01`, to: `${choice.year}-12-31` };
    case 'custom':
      return isLocalDate(choice.from) && isLocalDate(choice.to) && choice.from <= choice.to ? { from: choice.from, to: choice.to } : null;
  }
}

/**
 * Why a custom range cannot be reported, by the date rule of every date field (real dates, not
 * before 1900; the start not after today, the end not before the start nor past this year), or
 * null when it can (and for the month, quarter and year choices, which cannot be wrong).
 */
export function periodProblem(choice: PeriodChoice, today: LocalDate): string | null {
  if (choice.kind !== 'custom') return null;
  if (choice.from === '' || choice.to === '') return 'Chọn ngày bắt đầu và ngày kết thúc.';
  const from = checkDate(choice.from, { label: 'Từ ngày', latest: { date: today, today: true } });
  if (!from.ok) return from.error.message;
  const to = checkDate(choice.to, {
    label: 'Đến ngày',
    earliest: { date: from.value, name: `ngày bắt đầu ${formatLocalDate(from.value)}` },
    latest: { date: `${today.slice(0, 4)}-12-31` },
  });
  return to.ok ? null : to.error.message;
}

/** "Tháng 11/2025", "Quý IV/2025", "Năm 2025", "Từ ngày 01/11/2025 đến ngày 15/11/2025". */
export function periodLabel(choice: PeriodChoice): string {
  switch (choice.kind) {
    case 'month':
      return `Tháng ${pad2(choice.index)}/${choice.year}`;
    case 'quarter':
      return `Quý ${ROMAN[choice.index - 1] ?? choice.index}/${choice.year}`;
    case 'year':
      return `Năm ${choice.year}`;
    case 'custom': {
      const period = periodOf(choice);
      return period ? rangeLabel(period) : 'Khoảng thời gian chưa hợp lệ';
    }
  }
}

export function rangeLabel(period: ReportPeriod): string {
  return `Từ ngày ${formatLocalDate(period.from)} đến ngày ${formatLocalDate(period.to)}`;
}

/** The months overlapping the period, each clipped to it, labelled 'MM/yy': the bars of the on-time chart. */
export function monthsOf(period: ReportPeriod): { label: string; period: ReportPeriod }[] {
  const months: { label: string; period: ReportPeriod }[] = [];
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  while (firstOfMonth(year, month) <= period.to) {
    const from = firstOfMonth(year, month) < period.from ? period.from : firstOfMonth(year, month);
    const to = lastOfMonth(year, month) > period.to ? period.to : lastOfMonth(year, month);
    months.push({ label: `${pad2(month)}/${String(year).slice(2)}`, period: { from, to } });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** Every date of the period, in order. */
export function datesOf(period: ReportPeriod): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = period.from; date <= period.to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** Safe in a file name: "2025-11-01_2025-11-30". */
export function periodSlug(period: ReportPeriod): string {
  return `${period.from}_${period.to}`;
}

/** The twelve months ending with the month of the period's end: the window of the trend chart. */
export function trendPeriodOf(period: ReportPeriod): ReportPeriod {
  let year = Number(period.to.slice(0, 4));
  let month = Number(period.to.slice(5, 7)) - 11;
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  const from = firstOfMonth(year, month);
  return { from: from < period.from ? from : period.from, to: period.to };
}
