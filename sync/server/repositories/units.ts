import type { Kysely } from 'kysely';
import type { Schema, UnitLevel } from '../db/schema.ts';
import { ServerError } from '../domain/server-error.ts';
import { putReferenceDoc } from './reference-docs.ts';

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

export async function findUnit(db: Kysely<Schema>, id: string): Promise<Unit | undefined> {
  const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, name: row.name, level: row.level, parentId: row.parent_id };
}
