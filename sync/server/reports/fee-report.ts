import type { Kysely } from 'kysely';
import { readStoredEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import { cashUp, cashUpsIn, feeTotals, receiptsIn, type CashUp, type FeeTotals } from '../../../src/fees/cash-up.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import { applyFeeEvent, type FeeReceipt } from '../../../src/fees/fee-receipts.ts';
import type { Schema } from '../db/schema.ts';

/**
 * The fee receipts of units as the server holds them: folded from the stored fee events with the
 * desk's own rules (src/fees), so the server's totals and cash-ups are the desk's. Events the
 * server stored were admitted through the projection, so each applies cleanly in order.
 */
export async function unitFeeReceipts(db: Kysely<Schema>, unitIds: readonly string[] | undefined): Promise<FeeReceipt[]> {
  if (unitIds !== undefined && unitIds.length === 0) return [];
  let query = db.selectFrom('events').select(['body', 'server_at']).where('type', 'in', ['FEE_RECEIPT_ISSUED', 'FEE_RECEIPT_VOIDED']);
  // Undefined: every unit (an administrator's whole province).
  if (unitIds !== undefined) query = query.where('unit_id', 'in', [...unitIds]);
  const rows = await query.orderBy('seq').execute();
  // Receipt numbers are unique per unit, whichever dossier holds them.
  const byUnit = new Map<string, Map<string, FeeReceipt>>();
  for (const row of rows) {
    const body = typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body;
    const parsed = readStoredEvent({ ...(body as object), serverAt: new Date(row.server_at).toISOString() });
    if (!parsed.ok) continue;
    const event: DossierEvent = parsed.value;
    let receipts = byUnit.get(event.unitId);
    if (!receipts) {
      receipts = new Map();
      byUnit.set(event.unitId, receipts);
    }
    applyFeeEvent(receipts, event);
  }
  return [...byUnit.values()].flatMap((receipts) => [...receipts.values()]);
}

export async function unitFeeTotals(db: Kysely<Schema>, unitIds: readonly string[] | undefined, period: ReportPeriod): Promise<FeeTotals> {
  return feeTotals(receiptsIn(await unitFeeReceipts(db, unitIds), period.from, period.to));
}

export async function officerCashUp(db: Kysely<Schema>, unitId: string, officerId: string, date: string): Promise<CashUp> {
  return cashUp(await unitFeeReceipts(db, [unitId]), officerId, date);
}

/** The report's fee block and the leaders' cash-ups: the period's receipts of the units asked (all when undefined). */
export async function serverFeeReport(db: Kysely<Schema>, input: { period: ReportPeriod; unitIds?: readonly string[] }): Promise<{ totals: FeeTotals; cashUps: CashUp[] }> {
  const receipts = receiptsIn(await unitFeeReceipts(db, input.unitIds), input.period.from, input.period.to);
  return { totals: feeTotals(receipts), cashUps: cashUpsIn(receipts, input.period.from, input.period.to) };
}

/** Officers' full names by id, for the leaders' cash-up section (an unknown id stays as it is). */
export async function officerNamesOf(db: Kysely<Schema>, officerIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
  const ids = [...new Set(officerIds)];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('officers').select(['id', 'full_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.full_name]));
}
