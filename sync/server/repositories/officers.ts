import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OfficerRole, Schema } from '../db/schema.ts';
import { ServerError } from '../domain/server-error.ts';
import { putReferenceDoc } from './reference-docs.ts';

/** The shape of src/auth/officer.ts `Officer`: what desks cache for offline login. */
export interface OfficerRecord {
  id: string;
  unitId: string;
  fullName: string;
  username: string;
  role: OfficerRole;
  verifier: string;
  active: boolean;
}

export interface NewOfficer {
  unitId: string;
  username: string;
  fullName: string;
  role: OfficerRole;
  verifier: string;
}

/** Adds an officer and publishes their record (with the password verifier) to their unit's desks only. */
export async function addOfficer(db: Kysely<Schema>, officer: NewOfficer): Promise<OfficerRecord> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('id', '=', officer.unitId).executeTakeFirst();
    if (!unit) throw new ServerError(404, 'unit.not_found', `Không có đơn vị ${officer.unitId}.`);
    const taken = await trx
      .selectFrom('officers')
      .select('id')
      .where('unit_id', '=', officer.unitId)
      .where('username', '=', officer.username)
      .executeTakeFirst();
    if (taken) throw new ServerError(409, 'officer.exists', `Tên đăng nhập ${officer.username} đã có trong đơn vị ${officer.unitId}.`);
    const record: OfficerRecord = { id: randomUUID(), ...officer, active: true };
    await trx
      .insertInto('officers')
      .values({
        id: record.id,
        unit_id: record.unitId,
        username: record.username,
        full_name: record.fullName,
        role: record.role,
        password_verifier: record.verifier,
        active: true,
      })
      .execute();
    await putReferenceDoc(trx, { kind: 'officer', key: record.id, unitId: record.unitId, body: record });
    return record;
  });
}

type OfficerRow = {
  id: string;
  unit_id: string;
  username: string;
  full_name: string;
  role: OfficerRole;
  password_verifier: string;
  active: boolean;
};

function toRecord(row: OfficerRow): OfficerRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    fullName: row.full_name,
    username: row.username,
    role: row.role,
    verifier: row.password_verifier,
    active: row.active,
  };
}

const columns = ['id', 'unit_id', 'username', 'full_name', 'role', 'password_verifier', 'active'] as const;

export async function findOfficer(db: Kysely<Schema>, id: string): Promise<OfficerRecord | undefined> {
  const row = await db.selectFrom('officers').select(columns).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function findOfficerByUsername(db: Kysely<Schema>, unitId: string, username: string): Promise<OfficerRecord | undefined> {
  const row = await db
    .selectFrom('officers')
    .select(columns)
    .where('unit_id', '=', unitId)
    .where('username', '=', username)
    .executeTakeFirst();
  return row && toRecord(row);
}

export async function listUnitOfficers(db: Kysely<Schema>, unitId: string): Promise<OfficerRecord[]> {
  const rows = await db.selectFrom('officers').select(columns).where('unit_id', '=', unitId).orderBy('username').execute();
  return rows.map(toRecord);
}
