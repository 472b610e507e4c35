import type { Kysely } from 'kysely';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { OfficialReport, ReportGroupBy } from '../../../src/reports/official-report.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import type { Schema } from '../db/schema.ts';
import { loadServerReportDossiers } from './report-dossiers.ts';

export interface ServerReportInput {
  period: ReportPeriod;
  groupBy: ReportGroupBy;
  /** Receiving units to include; undefined = the whole province. */
  unitIds?: readonly string[];
  asOf?: string;
}

/**
 * The official report over the server's projections, counted by the same domain function as the
 * desk (one rule, so desk and province figures cannot drift). Rows grouped by unit or officer
 * get their names from the server's tables.
 */
export async function serverOfficialReport(db: Kysely<Schema>, input: ServerReportInput): Promise<OfficialReport> {
  const dossiers = await loadServerReportDossiers(db, input.period, input.unitIds);
  const report = computeOfficialReport({ dossiers, period: input.period, groupBy: input.groupBy, ...(input.asOf ? { asOf: input.asOf } : {}) });
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
