import type { Kysely } from 'kysely';
import type { Schema, UnitLevel } from '../db/schema.ts';
import { ServerError } from '../domain/server-error.ts';
import { putReferenceDoc } from './reference-docs.ts';
import type { UnitBankAccount } from '../../../src/fees/bank-account.ts';

export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
}

/** Adds a unit and publishes it to every desk (desks choose transfer targets from this list). */
export async function addUnit(db: Kysely<Schema>, unit: Unit): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('units').select('id').where('id', '=', unit.id).executeTakeFirst();
    if (existing) throw new ServerError(409, 'unit.exists', `Đơn vị ${unit.id} đã có.`);
    if (unit.parentId !== null) {
      const parent = await trx.selectFrom('units').select('id').where('id', '=', unit.parentId).executeTakeFirst();
      if (!parent) throw new ServerError(404, 'unit.parent_not_found', `Không có đơn vị cấp trên ${unit.parentId}.`);
    }
    await trx.insertInto('units').values({ id: unit.id, name: unit.name, level: unit.level, parent_id: unit.parentId }).execute();
    await putReferenceDoc(trx, { kind: 'unit', key: unit.id, unitId: null, body: unit });
    return unit;
  });
}

/**
 * Sets the account a unit collects fees into and publishes it with the unit's document, so its
 * desks print it (and build VietQR codes) offline.
 */
export async function setUnitBankAccount(db: Kysely<Schema>, unitId: string, account: UnitBankAccount): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('units').selectAll().where('id', '=', unitId).executeTakeFirst();
    if (!row) throw new ServerError(404, 'unit.not_found', `Không có đơn vị ${unitId}.`);
    await trx
      .updateTable('units')
      .set({ bank_bin: account.bankBin, bank_account_number: account.accountNumber, bank_account_name: account.accountName })
      .where('id', '=', unitId)
      .execute();
    const unit: Unit = { id: row.id, name: row.name, level: row.level, parentId: row.parent_id };
    await putReferenceDoc(trx, { kind: 'unit', key: unit.id, unitId: null, body: { ...unit, bankAccount: account } });
  });
}

export async function findUnit(db: Kysely<Schema>, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, name: row.name, level: row.level, parentId: row.parent_id };
}
