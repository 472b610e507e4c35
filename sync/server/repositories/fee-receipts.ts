import type { Kysely, Transaction } from 'kysely';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { receiptKey, receiptLabel } from '../../../src/fees/receipt-series.ts';
import type { Schema } from '../db/schema.ts';
import { ServerError } from '../domain/server-error.ts';

/** A receipt number an event uses: an issued receipt, or a reserved number voided before it was saved. */
export interface FeeReceiptRow {
  unit_id: string;
  symbol: string;
  number: number;
  dossier_code: string;
  event_id: string;
}

export function feeReceiptRowOf(event: DossierEvent): FeeReceiptRow | null {
  const uses = event.type === 'FEE_RECEIPT_ISSUED' || (event.type === 'FEE_RECEIPT_VOIDED' && event.payload.reservedOnly === true);
  if (!uses) return null;
  return { unit_id: event.unitId, symbol: event.payload.symbol, number: event.payload.number, dossier_code: event.dossierCode, event_id: event.id };
}

const keyOf = (row: Pick<FeeReceiptRow, 'unit_id' | 'symbol' | 'number'>) => `${row.unit_id} ${receiptKey(row)}`;

/**
 * The first of `rows` (in batch order) whose number its unit already used, stored or earlier in
 * the batch, by another event: 409, nothing stored. Read under the push's transaction; the primary
 * key is the last guard if two pushes of one unit ever raced past each other.
 */
export async function feeReceiptConflict(trx: Transaction<Schema>, rows: ReadonlyArray<{ index: number; row: FeeReceiptRow }>): Promise<{ index: number; error: ServerError } | null> {
  if (rows.length === 0) return null;
  const stored = await trx
    .selectFrom('fee_receipts')
    .select(['unit_id', 'symbol', 'number', 'dossier_code', 'event_id'])
    .where((eb) => eb.or(rows.map(({ row }) => eb.and([eb('unit_id', '=', row.unit_id), eb('symbol', '=', row.symbol), eb('number', '=', row.number)]))))
    .execute();
  const used = new Map(stored.map((row) => [keyOf(row), row]));
  for (const { index, row } of rows) {
    const earlier = used.get(keyOf(row));
    if (earlier && earlier.event_id !== row.event_id) {
      return {
        index,
        error: new ServerError(
          409,
          'fee.receipt_number_taken',
          `Số biên lai ${receiptLabel(row)} của đơn vị ${row.unit_id} đã được dùng cho hồ sơ ${earlier.dossier_code}: không cấp trùng số biên lai.`,
          { eventId: row.event_id, path: ['payload', 'number'] },
        ),
      };
    }
    used.set(keyOf(row), row);
  }
  return null;
}

export async function recordFeeReceipts(trx: Transaction<Schema>, rows: readonly FeeReceiptRow[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('fee_receipts').values([...rows]).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * The highest number the unit used in each book of one counter (`BL26-Q1`, `BL25-Q1`…): sent at
 * enrollment, so a desk reinstalled on that counter goes on after them instead of starting at 1.
 */
export async function lastReceiptNumbers(db: Kysely<Schema>, unitId: string, slot: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('fee_receipts')
    .select(['symbol', (eb) => eb.fn.max('number').as('last')])
    .where('unit_id', '=', unitId)
    .where('symbol', 'like', `BL__-Q${slot}`)
    .groupBy('symbol')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.symbol, Number(row.last)]));
}
