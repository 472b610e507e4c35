import { sql, type Kysely } from 'kysely';
import { compareVietnamese } from '../../../src/people/vietnamese-collator.ts';
import { digitisationRate } from '../../../src/reports/digitisation.ts';
import type { DigitisationRate } from '../../../src/reports/digitisation.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { LinkedGroupLine } from '../../../src/reports/linked-groups.ts';
import type { OfficialReport, ReportGroupBy, ReportRow } from '../../../src/reports/official-report.ts';
import { percentOf } from '../../../src/reports/percent.ts';
import { parseInstant, periodWindow } from '../../../src/reports/report-period.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import type { Schema } from '../db/schema.ts';
import { loadSkippedDossiers, unitFilter } from './report-dossiers.ts';
import type { SqlWindow } from './report-dossiers.ts';
import { reportUsable } from './report-projection.ts';

export interface ServerReportInput {
  period: ReportPeriod;
  groupBy: ReportGroupBy;
  /**
   * The units reported on; undefined = the whole province. The figures count the dossiers they are
   * competent for (`report_unit_id`), the linked group line the groups they received.
   */
  unitIds?: readonly string[];
  asOf?: string;
}

/** The grouping column of the projection (migration 0005) for each grouping of the report. */
const keyColumns = {
  procedure: 'procedure_code',
  field: 'field',
  officer: 'received_by_officer_id',
  unit: 'report_unit_id',
} as const satisfies Record<Exclude<ReportGroupBy, 'none'>, string>;

interface CountRow {
  key: string | null;
  label: string | null;
  carried_over: number | string;
  received_total: number | string;
  received_online: number | string;
  received_post: number | string;
  refused: number | string;
  stopped: number | string;
  withdrawn: number | string;
  early: number | string;
  on_time: number | string;
  late: number | string;
  waiting: number | string;
  overdue: number | string;
  not_due: number | string;
  papers_digitised: number | string;
  results_digitised: number | string;
}

type Counts = Omit<CountRow, 'key' | 'label'>;

/**
 * The official report over the server's projections, counted in the database: one aggregate over
 * the period's rows, grouped as asked, with the rules of `figuresOf` (src/reports/report-figures.ts)
 * written as SQL filters, and the validation, labels, order and rate of `computeOfficialReport`.
 * The same SQL runs on PGlite and PostgreSQL. Each component of a linked group counts once, in the
 * report of its `report_unit_id`, and the groups get their own line (`linkedGroups`, the rule of
 * `linkedGroupLine`), as do the digitisation rates (`digitisation`, the rule of `countDigitisation`).
 * Rows grouped by unit or officer get their names from the server's tables.
 */
export async function serverOfficialReport(db: Kysely<Schema>, input: ServerReportInput): Promise<OfficialReport> {
  // The domain validates period, grouping and asOf (same errors as the desk) and gives the frame.
  const frame = computeOfficialReport({ dossiers: [], period: input.period, groupBy: input.groupBy, ...(input.asOf ? { asOf: input.asOf } : {}) });
  const periodMs = periodWindow(input.period);
  const window: SqlWindow = { start: new Date(periodMs.startMs).toISOString(), end: new Date(periodMs.endMs).toISOString() };
  const asOf = new Date(parseInstant(frame.asOf) ?? periodMs.endMs).toISOString();

  const [counted, skipped, linkedGroups] = await Promise.all([
    countFigures(db, input.groupBy, window, asOf, input.unitIds),
    loadSkippedDossiers(db, window, input.unitIds),
    countLinkedGroups(db, window, input.unitIds),
  ]);
  const grouped = input.groupBy !== 'none';
  const rows = grouped
    ? counted
        .map((row) => buildRow(row.key ?? '', row.label || '(không rõ)', row))
        .sort((a, b) => compareVietnamese(a.label, b.label) || compareVietnamese(a.key ?? '', b.key ?? ''))
    : [];
  const totalCounts = grouped ? sumCounts(counted) : (counted[0] ?? sumCounts([]));
  const total = buildRow(null, 'Tổng cộng', totalCounts);
  const report: OfficialReport = { ...frame, rows, total, skipped, linkedGroups, digitisation: digitisationOf(totalCounts) };
  if (input.groupBy !== 'unit' && input.groupBy !== 'officer') return report;
  const keys = report.rows.map((row) => row.key ?? '').filter(Boolean);
  if (keys.length === 0) return report;
  const names =
    input.groupBy === 'unit'
      ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', keys).execute()
      : await db.selectFrom('officers').select(['id', 'full_name as name']).where('id', 'in', keys).execute();
  const byId = new Map(names.map((n) => [n.id, n.name]));
  return { ...report, rows: report.rows.map((row) => ({ ...row, label: byId.get(row.key ?? '') ?? row.label })) };
}

/** What a dossier counts as once its intake is counted: one code per row, from `figuresOf`. */
const Outcome = { refused: 1, stopped: 2, withdrawn: 3, early: 4, onTime: 5, late: 6, waiting: 7, overdue: 8, notDue: 9 } as const;

/**
 * One row per group (one row in all for `none`) with the count of every figure. Each row of the
 * period gets its outcome code once (a CASE with the rules of `figuresOf`), then the grouped
 * aggregate counts intake and outcomes with FILTER. The period's rows are found in two disjoint
 * parts, each a range of `dossiers_report`: received within the period; received before it and
 * open at its start (finished at or after it, or not finished). The index covers every column
 * read, so both are index-only scans of narrow entries, not reads of the wide rows.
 */
async function countFigures(db: Kysely<Schema>, groupBy: ReportGroupBy, window: SqlWindow, asOf: string, unitIds?: readonly string[]): Promise<CountRow[]> {
  const start = sql`${window.start}::timestamptz`;
  const end = sql`${window.end}::timestamptz`;
  const keyColumn = groupBy === 'none' ? null : keyColumns[groupBy];
  const key = keyColumn === null ? sql`null::text` : sql.ref(keyColumn);
  // Finished within the period: refused (3), stopped (8), withdrawn (7, on time whatever the
  // dates), else early / on time / late by the Vietnam (UTC+7) date of finishing against the due
  // date, where more than one supplement request, or an apology letter, is late. Open at the period end (or finished
  // after it): waiting for a supplement or a payment (5, 6, paused), else in processing, overdue
  // when due before asOf. `dueDay`: the Vietnam midnight starting the due date.
  const dueDay = sql`date_bin('1 day', due_at, '2000-01-01 00:00:00+07'::timestamptz)`;
  const code = (name: keyof typeof Outcome) => sql.lit(Outcome[name]);
  const outcome = sql`case
      when finished_at < ${end} then
        case status
          when 3 then ${code('refused')} when 8 then ${code('stopped')} when 7 then ${code('withdrawn')}
          else case
            when supplement_request_count > 1 or extension_count > 0 then ${code('late')}
            when finished_at < ${dueDay} then ${code('early')}
            when finished_at < ${dueDay} + interval '1 day' then ${code('onTime')}
            else ${code('late')} end
        end
      when finished_at is null and status in (5, 6) then ${code('waiting')}
      when due_at < ${asOf}::timestamptz then ${code('overdue')}
      else ${code('notDue')}
    end`;
  const columns = sql`${key} as key, received_at, received_at < ${start} as carried, channel, ${outcome} as outcome, papers_digitised, result_digitised`;
  const counted = sql`${reportUsable()} and ${unitFilter(unitIds)}`;
  const entries = sql`
    select ${columns} from dossiers where received_at >= ${start} and received_at < ${end} and ${counted}
    union all
    select ${columns} from dossiers where received_at < ${start} and (finished_at is null or finished_at >= ${start}) and ${counted}`;

  // Names drift in the catalogue: a procedure is labelled as its most recently received counted
  // dossier says. Looked up per group above the aggregate, which thus stays parallel-safe.
  const label =
    groupBy === 'procedure'
      ? sql<string>`(
          select coalesce(nullif(l.procedure_name, ''), l.procedure_code) from dossiers l
          where l.procedure_code = g.key and l.received_at = g.latest
            and (l.finished_at is null or l.finished_at >= ${start})
            and ${reportUsable('l')} and ${unitFilter(unitIds, 'l')}
          order by l.code collate "C" limit 1)`
      : sql<string>`g.key`;
  const count = (name: keyof typeof Outcome) => sql`count(*) filter (where outcome = ${code(name)})`;

  const query = sql<CountRow>`
    select g.*, ${label} as label from (select ${keyColumn === null ? sql`null::text` : sql`e.key`} as key, max(received_at) as latest,
      count(*) filter (where carried) as carried_over,
      count(*) filter (where not carried) as received_total,
      count(*) filter (where not carried and channel = 'online') as received_online,
      count(*) filter (where not carried and channel = 'post') as received_post,
      ${count('refused')} as refused,
      ${count('stopped')} as stopped,
      ${count('withdrawn')} as withdrawn,
      ${count('early')} as early,
      ${count('onTime')} as on_time,
      ${count('late')} as late,
      ${count('waiting')} as waiting,
      ${count('overdue')} as overdue,
      ${count('notDue')} as not_due,
      count(*) filter (where not carried and papers_digitised) as papers_digitised,
      count(*) filter (where outcome in (${code('early')}, ${code('onTime')}, ${code('late')}) and result_digitised) as results_digitised
    from (${entries}) e
    ${keyColumn === null ? sql`` : sql`group by e.key`}) g`;
  // JIT compiling this aggregate costs seconds on PostgreSQL and saves nothing: off for this query only.
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    return (await query.execute(trx)).rows;
  });
}

/**
 * The line of the linked groups received by `unitIds`, with the rule of `linkedGroupLine`
 * (src/reports/linked-groups.ts): a group is its members whose receiving unit is in scope; it is
 * received in the period when its first member is; a member is handed over when returned, or when
 * refused, withdrawn or stopped (3, 7, 8) at its finishing time; the group is returned in the
 * period when every member is handed over and the last hand-over falls in it, on time when that
 * hand-over's Vietnam date is not after the Vietnam date of the group's latest due date. Every
 * column read is in the partial index `dossiers_linked_group` (migration 0015).
 */
async function countLinkedGroups(db: Kysely<Schema>, window: SqlWindow, unitIds?: readonly string[]): Promise<LinkedGroupLine> {
  const start = sql`${window.start}::timestamptz`;
  const end = sql`${window.end}::timestamptz`;
  const inPeriod = (column: string) => sql`${sql.ref(column)} >= ${start} and ${sql.ref(column)} < ${end}`;
  const { rows } = await sql<{ received: number | string; returned: number | string; returned_on_time: number | string }>`
    select
      count(*) filter (where ${inPeriod('received')}) as received,
      count(*) filter (where complete and ${inPeriod('last_handed_over')}) as returned,
      count(*) filter (where complete and ${inPeriod('last_handed_over')}
        and last_handed_over < date_bin('1 day', due, '2000-01-01 00:00:00+07'::timestamptz) + interval '1 day') as returned_on_time
    from (
      select min(received_at) as received, max(due_at) as due, max(handed_over) as last_handed_over, count(*) = count(handed_over) as complete
      from (
        select linked_group_id, received_at, due_at,
          coalesce(returned_at, case when status in (3, 7, 8) then finished_at end) as handed_over
        from dossiers
        where linked_group_id is not null and ${unitFilter(unitIds, '', 'receiving_unit_id')}
      ) m
      group by linked_group_id
    ) g`.execute(db);
  const row = rows[0];
  return { received: Number(row?.received ?? 0), returned: Number(row?.returned ?? 0), returnedOnTime: Number(row?.returned_on_time ?? 0) };
}

const COUNT_FIELDS = [
  'carried_over', 'received_total', 'received_online', 'received_post', 'refused', 'stopped', 'withdrawn',
  'early', 'on_time', 'late', 'waiting', 'overdue', 'not_due', 'papers_digitised', 'results_digitised',
] as const satisfies readonly (keyof Counts)[];

function sumCounts(rows: readonly Counts[]): Counts {
  const sum = Object.fromEntries(COUNT_FIELDS.map((field) => [field, 0])) as Record<keyof Counts, number>;
  for (const row of rows) for (const field of COUNT_FIELDS) sum[field] += Number(row[field]);
  return sum;
}

/** The row as `computeOfficialReport` builds it (the rate: one decimal, null when nothing finished). */
function buildRow(key: string | null, label: string, counts: Counts): ReportRow {
  const n = (field: keyof Counts) => Number(counts[field]);
  const receivedTotal = n('received_total');
  const finished = { total: n('withdrawn') + n('early') + n('on_time') + n('late'), early: n('early'), onTime: n('withdrawn') + n('on_time'), late: n('late') };
  return {
    key,
    label,
    carriedOver: n('carried_over'),
    received: { total: receivedTotal, inPerson: receivedTotal - n('received_online') - n('received_post'), online: n('received_online'), post: n('received_post') },
    finished,
    inProcessing: { total: n('overdue') + n('not_due'), notDue: n('not_due'), overdue: n('overdue') },
    paused: n('stopped') + n('waiting'),
    refused: n('refused'),
    withdrawn: n('withdrawn'),
    onTimeRate: percentOf(finished.early + finished.onTime, finished.total),
  };
}

/** Received dossiers with their papers digitised; resolved ones (9, 10: early, on time or late) with their result. */
function digitisationOf(counts: Counts): DigitisationRate {
  const n = (field: keyof Counts) => Number(counts[field]);
  return digitisationRate({
    received: n('received_total'),
    papersDigitised: n('papers_digitised'),
    resolved: n('early') + n('on_time') + n('late'),
    resultsDigitised: n('results_digitised'),
  });
}
