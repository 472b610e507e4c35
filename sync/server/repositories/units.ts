import type { Kysely, Transaction } from 'kysely';
import type { UnitKind } from '../../../src/units/unit-kind.ts';
import type { Schema, UnitLevel } from '../db/schema.ts';
import { ServerError } from '../domain/server-error.ts';
import { putReferenceDoc } from './reference-docs.ts';
import type { UnitBankAccount } from '../../../src/fees/bank-account.ts';

export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  /** The kind of body (forms' header); absent: taken from the name (src/units/unit-kind.ts). */
  kind?: UnitKind;
  /** The governing body printed above the unit in forms' header. */
  governingBody?: string;
  /** The account the unit collects fees into (transfer, VietQR), printed on its fee receipts. */
  bankAccount?: UnitBankAccount;
}

/** What `unit update` may change; absent fields stay, `null` clears the governing body. */
export interface UnitChanges {
  name?: string;
  kind?: UnitKind;
  governingBody?: string | null;
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
    await trx
      .insertInto('units')
      .values({ id: unit.id, name: unit.name, level: unit.level, parent_id: unit.parentId, kind: unit.kind ?? null, governing_body: unit.governingBody ?? null })
      .execute();
    await publishUnit(trx, unit);
    return unit;
  });
}

/** Changes a unit's name, kind or governing body and publishes it again to every desk. */
export async function updateUnit(db: Kysely<Schema>, id: string, changes: UnitChanges): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('units').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new ServerError(404, 'unit.not_found', `Không có đơn vị ${id}.`);
    const values = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.governingBody !== undefined ? { governing_body: changes.governingBody } : {}),
    };
    if (Object.keys(values).length > 0) await trx.updateTable('units').set(values).where('id', '=', id).execute();
    const updated = toUnit({ ...current, ...values });
    await publishUnit(trx, updated);
    return updated;
  });
}

/**
 * Sets the account a unit collects fees into and publishes it with the unit's document, so its
 * desks print it (and build VietQR codes) offline.
 */
export async function setUnitBankAccount(db: Kysely<Schema>, unitId: string, account: UnitBankAccount): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('units').selectAll().where('id', '=', unitId).forUpdate().executeTakeFirst();
    if (!row) throw new ServerError(404, 'unit.not_found', `Không có đơn vị ${unitId}.`);
    const values = { bank_bin: account.bankBin, bank_account_number: account.accountNumber, bank_account_name: account.accountName };
    await trx.updateTable('units').set(values).where('id', '=', unitId).execute();
    await publishUnit(trx, toUnit({ ...row, ...values }));
  });
}

export async function findUnit(db: Kysely<Schema>, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUnit(row);
}

interface UnitRow {
  id: string;
  name: string;
  level: UnitLevel;
  parent_id: string | null;
  kind: UnitKind | null;
  governing_body: string | null;
  bank_bin: string | null;
  bank_account_number: string | null;
  bank_account_name: string | null;
}

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    ...(row.kind !== null ? { kind: row.kind } : {}),
    ...(row.governing_body !== null ? { governingBody: row.governing_body } : {}),
    ...(row.bank_bin !== null && row.bank_account_number !== null && row.bank_account_name !== null
      ? { bankAccount: { bankBin: row.bank_bin, accountNumber: row.bank_account_number, accountName: row.bank_account_name } }
      : {}),
  };
}

/** The unit document the desks pull (reference kind `unit`): optional fields only when set. */
function publishUnit(trx: Transaction<Schema>, unit: Unit): Promise<boolean> {
  const { id, name, level, parentId, kind, governingBody, bankAccount } = unit;
  const body = {
    id,
    name,
    level,
    parentId,
    ...(kind !== undefined ? { kind } : {}),
    ...(governingBody !== undefined ? { governingBody } : {}),
    ...(bankAccount !== undefined ? { bankAccount } : {}),
  };
  return putReferenceDoc(trx, { kind: 'unit', key: id, unitId: null, body });
}
