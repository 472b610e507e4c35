import type { DossierState } from '../../src/dossier/dossier-state.ts';
import { timeDossiers } from '../../src/reports/report-dossiers.ts';
import { figuresOf } from '../../src/reports/report-figures.ts';
import { periodWindow } from '../../src/reports/report-period.ts';
import type { ReportPeriod } from '../../src/reports/report-period.ts';
import { formatLocalDate, localDateOf } from '../../src/time/vn-time.ts';
import type { LocalDate } from '../../src/time/vn-time.ts';
import type { DeadlineKind } from '../components/deadline-view.ts';
import { datesOf, monthsOf } from './report-periods.ts';

export interface ChartPoint {
  label: string;
  value: number | null;
  /** Shown in the tooltip and the printed table under the chart. */
  title: string;
}

/** What the charts need from one pass over the dossiers, with the report's own figure rules. */
export interface ReportSeries {
  receivedByDate: ReadonlyMap<LocalDate, number>;
  /** Per month 'YYYY-MM' of finishing: finished, and finished early or on time. */
  finishedByMonth: ReadonlyMap<string, { finished: number; onTime: number }>;
}

/**
 * Buckets the figures of every dossier given (the unit's own) by day of receipt and month of
 * finishing, so that the bars add up to the table: the figures come from `figuresOf`, the same
 * rule the official report counts with.
 */
export function reportSeries(dossiers: readonly DossierState[], period: ReportPeriod, asOf?: string): ReportSeries {
  const window = periodWindow(period);
  const asOfMs = asOf === undefined ? window.endMs : Date.parse(asOf);
  const receivedByDate = new Map<LocalDate, number>();
  const finishedByMonth = new Map<string, { finished: number; onTime: number }>();
  for (const timed of timeDossiers(dossiers).usable) {
    const figures = figuresOf(timed, window, asOfMs);
    if (figures.includes('received.total')) {
      const date = localDateOf(timed.receivedMs);
      receivedByDate.set(date, (receivedByDate.get(date) ?? 0) + 1);
    }
    if (figures.includes('finished.total') && timed.finishedMs !== null) {
      const month = localDateOf(timed.finishedMs).slice(0, 7);
      const bucket = finishedByMonth.get(month) ?? { finished: 0, onTime: 0 };
      bucket.finished += 1;
      if (figures.includes('finished.early') || figures.includes('finished.onTime')) bucket.onTime += 1;
      finishedByMonth.set(month, bucket);
    }
  }
  return { receivedByDate, finishedByMonth };
}

export function receivedPerDay(series: ReportSeries, period: ReportPeriod): ChartPoint[] {
  return datesOf(period).map((date) => {
    const value = series.receivedByDate.get(date) ?? 0;
    return { label: formatLocalDate(date).slice(0, 5), value, title: `${formatLocalDate(date)}: ${value} hồ sơ` };
  });
}

/** Received per month when the period is too long for daily bars. */
export function receivedPerMonth(series: ReportSeries, period: ReportPeriod): ChartPoint[] {
  return monthsOf(period).map((month) => {
    let value = 0;
    for (const [date, count] of series.receivedByDate) if (date >= month.period.from && date <= month.period.to) value += count;
    return { label: month.label, value, title: `Tháng ${month.period.from.slice(5, 7)}/${month.period.from.slice(0, 4)}: ${value} hồ sơ` };
  });
}

/** The on-time rate of each month of the period, rounded as the official report rounds it. */
export function onTimeRateByMonth(series: ReportSeries, period: ReportPeriod): ChartPoint[] {
  return monthsOf(period).map((month) => {
    const bucket = series.finishedByMonth.get(month.period.from.slice(0, 7));
    if (!bucket || bucket.finished === 0) return { label: month.label, value: null, title: `Tháng ${month.period.from.slice(5, 7)}/${month.period.from.slice(0, 4)}: chưa có hồ sơ giải quyết` };
    const value = Math.round((1000 * bucket.onTime) / bucket.finished) / 10;
    return { label: month.label, value, title: `Tháng ${month.period.from.slice(5, 7)}/${month.period.from.slice(0, 4)}: ${value}% (${bucket.onTime}/${bucket.finished})` };
  });
}

export const deadlineChartKinds = ['not-due', 'due-soon', 'overdue', 'paused'] as const satisfies readonly DeadlineKind[];
export type DeadlineChartKind = (typeof deadlineChartKinds)[number];

/** Open dossiers by deadline state now; other kinds (no due date) are not charted. */
export function deadlineStates(kinds: readonly DeadlineKind[]): Record<DeadlineChartKind, number> {
  const counts: Record<DeadlineChartKind, number> = { 'not-due': 0, 'due-soon': 0, overdue: 0, paused: 0 };
  for (const kind of kinds) if (kind in counts) counts[kind as DeadlineChartKind] += 1;
  return counts;
}

/** Days are too many to draw as bars beyond about two months. */
export function usesDailyBars(period: ReportPeriod): boolean {
  return datesOf(period).length <= 62;
}
