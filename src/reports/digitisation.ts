import type { DossierState } from '../dossier/dossier-state.ts';
import { percentOf } from './percent.ts';
import type { ReportFigure } from './report-figures.ts';

/**
 * The digitisation rates of the report (issue 22 point 6), over the dossiers the report counts (its
 * unit's `reportUnitId`, the period's figures): the dossiers received in the period whose papers are
 * all digitised (`papersDigitised`, src/dossier/digitised-papers.ts), and the dossiers resolved in the
 * period (9, 10: a result was issued; a withdrawal issues none) whose result is digitised. A dossier
 * is judged by its flags now, as the other figures by its current status.
 */
export interface DigitisationCounts {
  received: number;
  papersDigitised: number;
  resolved: number;
  resultsDigitised: number;
}

export interface DigitisationRate extends DigitisationCounts {
  /** papersDigitised / received in percent, one decimal; null when nothing was received. */
  papersRate: number | null;
  /** resultsDigitised / resolved in percent, one decimal; null when nothing was resolved. */
  resultsRate: number | null;
}

export const PAPERS_RATE_LABEL = 'Tỷ lệ số hóa hồ sơ';
export const RESULTS_RATE_LABEL = 'Tỷ lệ số hóa kết quả';

export function emptyDigitisationCounts(): DigitisationCounts {
  return { received: 0, papersDigitised: 0, resolved: 0, resultsDigitised: 0 };
}

/** Adds a dossier, given the figures it counts in (`figuresOf`), so both rates follow the figures' rules. */
export function countDigitisation(
  counts: DigitisationCounts,
  dossier: Pick<DossierState, 'papersDigitised' | 'resultDigitised'>,
  figures: readonly ReportFigure[],
): void {
  if (figures.includes('received.total')) {
    counts.received += 1;
    if (dossier.papersDigitised) counts.papersDigitised += 1;
  }
  if (figures.includes('finished.total') && !figures.includes('withdrawn')) {
    counts.resolved += 1;
    if (dossier.resultDigitised) counts.resultsDigitised += 1;
  }
}

export function digitisationRate(counts: DigitisationCounts): DigitisationRate {
  return {
    ...counts,
    papersRate: percentOf(counts.papersDigitised, counts.received),
    resultsRate: percentOf(counts.resultsDigitised, counts.resolved),
  };
}

/**
 * The rates as the report prints them, in the same words on the desk, the dashboard and the
 * workbooks; null when nothing was received or resolved in the period (the line is then left out).
 */
export function describeDigitisation(rate: DigitisationRate): string | null {
  if (rate.received === 0 && rate.resolved === 0) return null;
  const count = (value: number) => value.toLocaleString('vi-VN');
  const part = (label: string, done: number, of: number, percent: number | null) =>
    `${label}: ${count(done)}/${count(of)}${percent === null ? '' : ` (${percent.toLocaleString('vi-VN')}%)`}`;
  return `${part(PAPERS_RATE_LABEL, rate.papersDigitised, rate.received, rate.papersRate)} · ${part(RESULTS_RATE_LABEL, rate.resultsDigitised, rate.resolved, rate.resultsRate)}`;
}

/**
 * The rates as lines under the official table of the workbooks (desk and server alike): label and
 * rate, then the two counts, numbers as numbers; none when the printed line is left out.
 */
export function digitisationWorkbookLines(rate: DigitisationRate): (string | number | null)[][] {
  if (describeDigitisation(rate) === null) return [];
  return [
    [`${PAPERS_RATE_LABEL} (%)`, rate.papersRate, 'Hồ sơ có thành phần đã số hóa', rate.papersDigitised, 'Hồ sơ tiếp nhận', rate.received],
    [`${RESULTS_RATE_LABEL} (%)`, rate.resultsRate, 'Kết quả đã số hóa', rate.resultsDigitised, 'Hồ sơ đã giải quyết', rate.resolved],
  ];
}
