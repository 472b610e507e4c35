import type { Kysely, Transaction } from 'kysely';
import type { UnitKind } from '../../../src/units/unit-kind.ts';
import type { Schema, UnitLevel } from '../db/schema.ts';
import { ServerError } from '../domain/server-error.ts';
import { putReferenceDoc } from './reference-docs.ts';

export interface Unit {
  id: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
  /** The kind of body (forms' header); absent: taken from the name (src/units/unit-kind.ts). */
  kind?: UnitKind;
  /** The governing body printed above the unit in forms' header. */
  governingBody?: string;
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
}

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    parentId: row.parent_id,
    ...(row.kind !== null ? { kind: row.kind } : {}),
    ...(row.governing_body !== null ? { governingBody: row.governing_body } : {}),
  };
}

/** The unit document the desks pull (reference kind `unit`): optional fields only when set. */
function publishUnit(trx: Transaction<Schema>, unit: Unit): Promise<boolean> {
  const { id, name, level, parentId, kind, governingBody } = unit;
  const body = { id, name, level, parentId, ...(kind !== undefined ? { kind } : {}), ...(governingBody !== undefined ? { governingBody } : {}) };
  return putReferenceDoc(trx, { kind: 'unit', key: id, unitId: null, body });
}
