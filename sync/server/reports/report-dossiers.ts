import { sql, type Kysely } from 'kysely';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import type { DossierStatus } from '../../../src/dossier/status.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import type { Schema } from '../db/schema.ts';

const PAGE = 10_000;

interface Row {
  code: string;
  receiving_unit_id: string;
  holder_unit_id: string;
  status: number;
  procedure_code: string;
  received_at: Date | string;
  due_at: Date | string | null;
  finished_at: Date | string | null;
  returned_at: Date | string | null;
  procedure_name: string | null;
  field: string | null;
  channel: string | null;
  officer_id: string | null;
  original_due_at: string | null;
  supplements: string | number | null;
  linked_group_id: string | null;
  applicant_name: string | null;
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

/**
 * The dossiers a report of `period` may count, from the server's projections: received before
 * the end, not finished before the start (exact, thanks to the `finished_at` column). Only the
 * fields the report reads are selected, in keyset pages, so a province's year streams through.
 */
export async function loadServerReportDossiers(db: Kysely<Schema>, period: ReportPeriod, unitIds?: readonly string[]): Promise<DossierState[]> {
  const window = periodWindow(period);
  const start = new Date(window.startMs);
  const end = new Date(window.endMs);
  const result: DossierState[] = [];
  let after = '';
  for (;;) {
    let query = db
      .selectFrom('dossiers')
      .select([
        'code', 'receiving_unit_id', 'holder_unit_id', 'status', 'procedure_code', 'received_at', 'due_at', 'finished_at', 'returned_at',
        sql<string>`state->>'procedureName'`.as('procedure_name'),
        sql<string>`state->>'field'`.as('field'),
        sql<string>`state->>'channel'`.as('channel'),
        sql<string>`state->>'receivedByOfficerId'`.as('officer_id'),
        sql<string>`state->>'originalDueAt'`.as('original_due_at'),
        sql<string>`state->>'supplementRequestCount'`.as('supplements'),
        sql<string>`state->>'linkedGroupId'`.as('linked_group_id'),
        sql<string>`state->>'applicantName'`.as('applicant_name'),
      ])
      .where('received_at', '<', end)
      .where((eb) => eb.or([eb('finished_at', 'is', null), eb('finished_at', '>=', start)]))
      .where('code', '>', after)
      .orderBy('code')
      .limit(PAGE);
    if (unitIds !== undefined) query = query.where('receiving_unit_id', 'in', unitIds.length > 0 ? [...unitIds] : ['']);
    const rows = (await query.execute()) as Row[];
    for (const row of rows) result.push(toState(row));
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE) break;
    after = last.code;
  }
  return result;
}

function toState(row: Row): DossierState {
  const dueAt = iso(row.due_at) ?? '';
  return {
    code: row.code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name ?? '',
    field: row.field ?? '',
    applicantName: row.applicant_name ?? '',
    channel: row.channel === 'online' || row.channel === 'post' ? row.channel : 'in-person',
    receivingUnitId: row.receiving_unit_id,
    receivedByOfficerId: row.officer_id ?? '',
    holderUnitId: row.holder_unit_id,
    holderOfficerId: null,
    status: row.status as DossierStatus,
    receivedAt: iso(row.received_at) ?? '',
    originalDueAt: row.original_due_at ?? dueAt,
    dueAt,
    finishedAt: iso(row.finished_at),
    returnedAt: iso(row.returned_at),
    pausedWorkingMinutes: 0,
    supplementRequestCount: Number(row.supplements ?? 0),
    extensionCount: 0,
    linkedGroupId: row.linked_group_id,
    eventIds: [],
    anomalies: [],
  };
}
