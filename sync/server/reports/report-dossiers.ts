import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import type { DossierStatus } from '../../../src/dossier/status.ts';
import { timeDossiers } from '../../../src/reports/report-dossiers.ts';
import type { SkippedDossier } from '../../../src/reports/report-dossiers.ts';
import type { Schema } from '../db/schema.ts';

/** The period as instants, ISO strings for SQL parameters. */
export interface SqlWindow {
  start: string;
  end: string;
}

/**
 * The units reported on (undefined: the whole province). The figures and the skipped list count the
 * dossiers whose `report_unit_id` (`DossierState.reportUnitId`: the unit competent for a linked
 * component) is one of them; the linked group line the groups they received (`receiving_unit_id`).
 * `alias` qualifies the column.
 */
export function unitFilter(
  unitIds: readonly string[] | undefined,
  alias = '',
  column: 'report_unit_id' | 'receiving_unit_id' = 'report_unit_id',
): RawBuilder<boolean> {
  if (unitIds === undefined) return sql<boolean>`true`;
  if (unitIds.length === 0) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(alias === '' ? column : `${alias}.${column}`)} in (${sql.join([...unitIds])})`;
}

interface UnplaceableRow {
  code: string;
  status: number;
  received_at: Date | string;
  due_at: Date | string | null;
  finished_at: Date | string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The dossiers of the period (received before its end, not finished before its start) that the
 * report cannot place in time, with the domain's reasons: only those rows are read, through the
 * partial index `dossiers_unplaceable`.
 */
export async function loadSkippedDossiers(db: Kysely<Schema>, window: SqlWindow, unitIds?: readonly string[]): Promise<SkippedDossier[]> {
  const result = await sql<UnplaceableRow>`
    select code, status, received_at, due_at, finished_at
    from dossiers
    where not report_placeable
      and received_at < ${window.end}::timestamptz
      and (finished_at is null or finished_at >= ${window.start}::timestamptz)
      and ${unitFilter(unitIds)}
    order by code collate "C"`.execute(db);
  return timeDossiers(result.rows.map(toState)).skipped;
}

/** Just what `timeDossiers` reads to say why a dossier cannot be placed. */
function toState(row: UnplaceableRow): DossierState {
  const dueAt = iso(row.due_at) ?? '';
  return {
    code: row.code,
    procedureCode: '',
    procedureName: '',
    field: '',
    applicantName: '',
    channel: 'in-person',
    receivingUnitId: '',
    receivedByOfficerId: '',
    holderUnitId: '',
    reportUnitId: '',
    holderOfficerId: null,
    status: Number(row.status) as DossierStatus,
    receivedAt: iso(row.received_at) ?? '',
    originalDueAt: dueAt,
    dueAt,
    finishedAt: iso(row.finished_at),
    returnedAt: null,
    pausedWorkingMinutes: 0,
    supplementRequestCount: 0,
    extensionCount: 0,
    linkedGroupId: null,
    papersDigitised: false,
    resultDigitised: false,
    eventIds: [],
    anomalies: [],
  };
}
