import type { FeeTotals } from '../fees/cash-up.ts';
import { z } from 'zod';
import type { DossierState } from '../dossier/dossier-state.ts';
import { DomainError } from '../errors.ts';
import { compareVietnamese } from '../people/vietnamese-collator.ts';
import type { Instant } from '../time/vn-time.ts';
import type { ConsultationLine } from './counter-consultations.ts';
import { countDigitisation, digitisationRate, emptyDigitisationCounts } from './digitisation.ts';
import type { DigitisationRate } from './digitisation.ts';
import { linkedGroupLine } from './linked-groups.ts';
import type { LinkedGroupLine } from './linked-groups.ts';
import { timeDossiers } from './report-dossiers.ts';
import type { SkippedDossier, TimedDossier } from './report-dossiers.ts';
import { figuresOf, reportFigures } from './report-figures.ts';
import type { ReportFigure } from './report-figures.ts';
import { percentOf } from './percent.ts';
import { parseInstant, periodWindow } from './report-period.ts';
import type { PeriodWindow, ReportPeriod } from './report-period.ts';

export type ReportGroupBy = 'procedure' | 'field' | 'officer' | 'unit' | 'none';

export interface OfficialReportInput {
  dossiers: readonly DossierState[];
  period: ReportPeriod;
  groupBy: ReportGroupBy;
  /** ISO instant at which open dossiers are judged overdue; defaults to the end of the period. */
  asOf?: string;
  /**
   * The unit reported on: its figures count the dossiers it is competent for (`reportUnitId`) and
   * its group line the linked groups it received. Undefined: every dossier given.
   */
  unitId?: string;
}

export interface ReportRow {
  /** Group key (procedure code, field, officer id or unit id); null on the total row. */
  key: string | null;
  label: string;
  carriedOver: number;
  received: { total: number; inPerson: number; online: number; post: number };
  finished: { total: number; early: number; onTime: number; late: number };
  inProcessing: { total: number; notDue: number; overdue: number };
  paused: number;
  refused: number;
  withdrawn: number;
  /** (early + on time) / finished, in percent with one decimal; null when nothing finished. */
  onTimeRate: number | null;
}

export interface OfficialReport {
  period: ReportPeriod;
  groupBy: ReportGroupBy;
  asOf: string;
  /** One row per group with at least one non-zero figure, in Vietnamese order of label; empty for `none`. */
  rows: ReportRow[];
  total: ReportRow;
  /** Dossiers the report could not place, with the reason. */
  skipped: SkippedDossier[];
  /** Citizens guided or refused at the counter (no dossier received): their own line, when counted. */
  counterConsultations?: ConsultationLine;
  /** Fees collected in the period by method, voided receipts left out (issue 20 point 4). */
  fees?: FeeTotals;
  /** The linked groups received: a line of their own, never added to the figures above. */
  linkedGroups: LinkedGroupLine;
  /** Received dossiers whose papers are digitised, resolved ones whose result is (src/reports/digitisation.ts). */
  digitisation: DigitisationRate;
}

const groupBySchema = z.enum(['procedure', 'field', 'officer', 'unit', 'none']);
const figureSchema = z.enum(reportFigures);

interface Entry {
  timed: TimedDossier;
  figures: ReportFigure[];
  group: { key: string; label: string } | null;
}

type Tally = Record<ReportFigure, number>;

interface GroupTally {
  tally: Tally;
  /** The label of the group's most recently received dossier (names drift in the catalogue). */
  label: string;
  labelReceivedMs: Instant;
}

/**
 * The periodic statistics of dossier processing (figures per domain.md
 * "National status codes" and "Deadlines"; see {@link figuresOf} for the exact
 * rule of every figure). A linked group's components count once each, in their own unit's
 * report; the group has its own line (see src/reports/linked-groups.ts).
 * @throws DomainError for a bad period, grouping or `asOf`.
 */
export function computeOfficialReport(input: OfficialReportInput): OfficialReport {
  const { countable, skipped, window, asOfMs, asOf, groupBy } = prepare(input);
  const received = input.unitId === undefined ? input.dossiers : input.dossiers.filter((d) => d.receivingUnitId === input.unitId);
  // One pass, counting as it goes: a year at a busy unit is hundreds of thousands of dossiers.
  const total = emptyTally();
  const digitised = emptyDigitisationCounts();
  const groups = new Map<string, GroupTally>();
  for (const timed of countable) {
    const figures = figuresOf(timed, window, asOfMs);
    if (figures.length === 0) continue;
    add(total, figures);
    countDigitisation(digitised, timed.dossier, figures);
    const group = groupOf(timed.dossier, groupBy);
    if (group === null) continue;
    let tallied = groups.get(group.key);
    if (tallied === undefined) {
      tallied = { tally: emptyTally(), label: group.label, labelReceivedMs: timed.receivedMs };
      groups.set(group.key, tallied);
    } else if (timed.receivedMs > tallied.labelReceivedMs) {
      tallied.label = group.label;
      tallied.labelReceivedMs = timed.receivedMs;
    }
    add(tallied.tally, figures);
  }
  const rows = [...groups.entries()]
    .map(([key, group]) => buildRow(key, group.label || '(không rõ)', group.tally))
    .sort((a, b) => compareVietnamese(a.label, b.label) || compareVietnamese(a.key ?? '', b.key ?? ''));
  return {
    period: { from: input.period.from, to: input.period.to },
    groupBy: input.groupBy,
    asOf,
    rows,
    total: buildRow(null, 'Tổng cộng', total),
    skipped,
    linkedGroups: linkedGroupLine(received, window),
    digitisation: digitisationRate(digitised),
  };
}

/**
 * The codes of the dossiers behind one figure of the report computed from the
 * same input (the click-through), sorted by receipt. `groupKey` null means the
 * total row. The list always has exactly as many codes as the figure counts.
 * @throws DomainError for a bad input or an unknown figure.
 */
export function listDossiersForFigure(input: OfficialReportInput, groupKey: string | null, figure: ReportFigure): string[] {
  const parsedFigure = figureSchema.safeParse(figure);
  if (!parsedFigure.success) {
    throw new DomainError('report.unknown_figure', `Chỉ tiêu "${String(figure)}" không có trong báo cáo.`, ['figure']);
  }
  return evaluate(input)
    .filter((entry) => groupKey === null || entry.group?.key === groupKey)
    .filter((entry) => entry.figures.includes(parsedFigure.data))
    .map((entry) => entry.timed)
    .sort((a, b) => a.receivedMs - b.receivedMs || (a.dossier.code < b.dossier.code ? -1 : 1))
    .map((timed) => timed.dossier.code);
}

function prepare(input: OfficialReportInput): {
  countable: TimedDossier[];
  skipped: SkippedDossier[];
  window: PeriodWindow;
  asOfMs: Instant;
  asOf: string;
  groupBy: ReportGroupBy;
} {
  const window = periodWindow(input.period);
  const groupBy = groupBySchema.safeParse(input.groupBy);
  if (!groupBy.success) {
    throw new DomainError('report.bad_group_by', `Cách nhóm báo cáo "${String(input.groupBy)}" không hợp lệ.`, ['groupBy']);
  }
  let asOfMs: Instant = window.endMs;
  if (input.asOf !== undefined) {
    const parsed = parseInstant(input.asOf);
    if (parsed === null) {
      throw new DomainError('report.bad_as_of', `Thời điểm đánh giá quá hạn "${input.asOf}" không hợp lệ.`, ['asOf']);
    }
    asOfMs = parsed;
  }
  const reported = input.unitId === undefined ? input.dossiers : input.dossiers.filter((d) => d.reportUnitId === input.unitId);
  const { usable, skipped } = timeDossiers(reported);
  return { countable: usable, skipped, window, asOfMs, asOf: input.asOf ?? new Date(asOfMs).toISOString(), groupBy: groupBy.data };
}

function evaluate(input: OfficialReportInput): Entry[] {
  const { countable, window, asOfMs, groupBy } = prepare(input);
  return countable
    .map((timed) => ({ timed, figures: figuresOf(timed, window, asOfMs), group: groupOf(timed.dossier, groupBy) }))
    .filter((entry) => entry.figures.length > 0);
}

function groupOf(dossier: DossierState, groupBy: ReportGroupBy): Entry['group'] {
  switch (groupBy) {
    case 'procedure':
      return { key: dossier.procedureCode, label: dossier.procedureName || dossier.procedureCode };
    case 'field':
      return { key: dossier.field, label: dossier.field };
    case 'officer':
      return { key: dossier.receivedByOfficerId, label: dossier.receivedByOfficerId };
    case 'unit':
      return { key: dossier.reportUnitId, label: dossier.reportUnitId };
    case 'none':
      return null;
  }
}

function emptyTally(): Tally {
  return Object.fromEntries(reportFigures.map((figure) => [figure, 0])) as Tally;
}

function add(tally: Tally, figures: readonly ReportFigure[]): void {
  for (const figure of figures) tally[figure] += 1;
}

function buildRow(key: string | null, label: string, tally: Tally): ReportRow {
  const finished = { total: tally['finished.total'], early: tally['finished.early'], onTime: tally['finished.onTime'], late: tally['finished.late'] };
  return {
    key,
    label,
    carriedOver: tally.carriedOver,
    received: { total: tally['received.total'], inPerson: tally['received.inPerson'], online: tally['received.online'], post: tally['received.post'] },
    finished,
    inProcessing: { total: tally['inProcessing.total'], notDue: tally['inProcessing.notDue'], overdue: tally['inProcessing.overdue'] },
    paused: tally.paused,
    refused: tally.refused,
    withdrawn: tally.withdrawn,
    onTimeRate: percentOf(finished.early + finished.onTime, finished.total),
  };
}
