import { sql, type Kysely } from 'kysely';
import type { ConsultationLine } from '../../../src/reports/counter-consultations.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import type { Schema } from '../db/schema.ts';

/**
 * The official report's counter consultations line over the server's table (migration 0011), by the
 * time of the consultation within the period, for the units asked (all when undefined): the same
 * rule as `countConsultations` on the desk.
 */
export async function serverConsultationLine(db: Kysely<Schema>, input: { period: ReportPeriod; unitIds?: readonly string[] }): Promise<ConsultationLine> {
  const window = periodWindow(input.period);
  const { unitIds } = input;
  if (unitIds !== undefined && unitIds.length === 0) return { total: 0, guided: 0, refused: 0 };
  let query = db
    .selectFrom('counter_consultations')
    .select(['outcome', sql<string | number>`count(*)`.as('n')])
    .where('at', '>=', new Date(window.startMs))
    .where('at', '<', new Date(window.endMs))
    .groupBy('outcome');
  if (unitIds !== undefined) query = query.where('unit_id', 'in', [...unitIds]);
  const line: ConsultationLine = { total: 0, guided: 0, refused: 0 };
  for (const row of await query.execute()) {
    const n = Number(row.n);
    line[row.outcome] += n;
    line.total += n;
  }
  return line;
}
