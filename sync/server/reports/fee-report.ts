import type { Kysely } from 'kysely';
import { readStoredEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import { cashUp, feeTotals, receiptsIn, type CashUp, type FeeTotals } from '../../../src/fees/cash-up.ts';
import { applyFeeEvent, type FeeReceipt } from '../../../src/fees/fee-receipts.ts';
import type { Schema } from '../db/schema.ts';

/**
 * The fee receipts of units as the server holds them: folded from the stored fee events with the
 * desk's own rules (src/fees), so the server's totals and cash-ups are the desk's. Events the
 * server stored were admitted through the projection, so each applies cleanly in order.
 */
export async function unitFeeReceipts(db: Kysely<Schema>, unitIds: readonly string[]): Promise<FeeReceipt[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .select(['body', 'server_at'])
    .where('type', 'in', ['FEE_RECEIPT_ISSUED', 'FEE_RECEIPT_VOIDED'])
    .where('unit_id', 'in', [...unitIds])
    .orderBy('seq')
    .execute();
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

export async function unitFeeTotals(db: Kysely<Schema>, unitIds: readonly string[], period: { from: string; to: string }): Promise<FeeTotals> {
  return feeTotals(receiptsIn(await unitFeeReceipts(db, unitIds), period.from, period.to));
}

export async function officerCashUp(db: Kysely<Schema>, unitId: string, officerId: string, date: string): Promise<CashUp> {
  return cashUp(await unitFeeReceipts(db, [unitId]), officerId, date);
}
