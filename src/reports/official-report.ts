import { z } from 'zod';
import type { DossierState } from '../dossier/dossier-state.ts';
import { DomainError } from '../errors.ts';
import { compareVietnamese } from '../people/vietnamese-collator.ts';
import type { Instant } from '../time/vn-time.ts';
import { countableDossiers } from './linked-groups.ts';
import { timeDossiers } from './report-dossiers.ts';
import type { SkippedDossier, TimedDossier } from './report-dossiers.ts';
import { figuresOf, reportFigures } from './report-figures.ts';
import type { ReportFigure } from './report-figures.ts';
import { parseInstant, periodWindow } from './report-period.ts';
import type { ReportPeriod } from './report-period.ts';

export type ReportGroupBy = 'procedure' | 'field' | 'officer' | 'unit' | 'none';

export interface OfficialReportInput {
  dossiers: readonly DossierState[];
  period: ReportPeriod;
  groupBy: ReportGroupBy;
  /** ISO instant at which open dossiers are judged overdue; defaults to the end of the period. */
  asOf?: string;
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
}

const groupBySchema = z.enum(['procedure', 'field', 'officer', 'unit', 'none']);
const figureSchema = z.enum(reportFigures);

interface Entry {
  timed: TimedDossier;
  figures: ReportFigure[];
  group: { key: string; label: string } | null;
}

/**
 * The periodic statistics of dossier processing (figures per domain.md
 * "National status codes" and "Deadlines"; see {@link figuresOf} for the exact
 * rule of every figure). Linked dossiers count once: see `countableDossiers`.
 * @throws DomainError for a bad period, grouping or `asOf`.
 */
export function computeOfficialReport(input: OfficialReportInput): OfficialReport {
  const { entries, skipped, asOf } = evaluate(input);
  const byGroup = new Map<string, Entry[]>();
  for (const entry of entries) {
    if (entry.group === null) continue;
    const members = byGroup.get(entry.group.key) ?? [];
    members.push(entry);
    byGroup.set(entry.group.key, members);
  }
  const rows = [...byGroup.entries()]
    .map(([key, members]) => buildRow(key, latestLabel(members), members))
    .sort((a, b) => compareVietnamese(a.label, b.label) || compareVietnamese(a.key ?? '', b.key ?? ''));
  return {
    period: { from: input.period.from, to: input.period.to },
    groupBy: input.groupBy,
    asOf,
    rows,
    total: buildRow(null, 'Tổng cộng', entries),
    skipped,
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
    .entries.filter((entry) => groupKey === null || entry.group?.key === groupKey)
    .filter((entry) => entry.figures.includes(parsedFigure.data))
    .map((entry) => entry.timed)
    .sort((a, b) => a.receivedMs - b.receivedMs || (a.dossier.code < b.dossier.code ? -1 : 1))
    .map((timed) => timed.dossier.code);
}

function evaluate(input: OfficialReportInput): { entries: Entry[]; skipped: SkippedDossier[]; asOf: string } {
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
  const { usable, skipped } = timeDossiers(input.dossiers);
  const entries = countableDossiers(usable)
    .map((timed) => ({ timed, figures: figuresOf(timed, window, asOfMs), group: groupOf(timed.dossier, groupBy.data) }))
    .filter((entry) => entry.figures.length > 0);
  return { entries, skipped, asOf: input.asOf ?? new Date(asOfMs).toISOString() };
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
      return { key: dossier.receivingUnitId, label: dossier.receivingUnitId };
    case 'none':
      return null;
  }
}

/** Names drift in the catalogue: a group is labelled as its most recently received dossier says. */
function latestLabel(members: readonly Entry[]): string {
  const latest = members.reduce((best, entry) => (entry.timed.receivedMs > best.timed.receivedMs ? entry : best));
  return latest.group?.label || '(không rõ)';
}

function buildRow(key: string | null, label: string, entries: readonly Entry[]): ReportRow {
  // One pass over the entries: a year at a busy unit is hundreds of thousands of them.
  const tally = new Map<ReportFigure, number>();
  for (const entry of entries) for (const figure of entry.figures) tally.set(figure, (tally.get(figure) ?? 0) + 1);
  const count = (figure: ReportFigure): number => tally.get(figure) ?? 0;
  const finished = { total: count('finished.total'), early: count('finished.early'), onTime: count('finished.onTime'), late: count('finished.late') };
  return {
    key,
    label,
    carriedOver: count('carriedOver'),
    received: { total: count('received.total'), inPerson: count('received.inPerson'), online: count('received.online'), post: count('received.post') },
    finished,
    inProcessing: { total: count('inProcessing.total'), notDue: count('inProcessing.notDue'), overdue: count('inProcessing.overdue') },
    paused: count('paused'),
    refused: count('refused'),
    withdrawn: count('withdrawn'),
    onTimeRate: finished.total === 0 ? null : Math.round((1000 * (finished.early + finished.onTime)) / finished.total) / 10,
  };
}
