import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { OfficerRole, Schema } from '../db/schema.ts';
import { defaultDeskAccess, formatDeskAccess, parseDeskAccess, publishedOfficer } from '../domain/officer-access.ts';
import type { DeskAccess, ServerOfficer } from '../domain/officer-access.ts';
import { ServerError } from '../domain/server-error.ts';
import { putReferenceDoc } from './reference-docs.ts';

/** An officer as the server keeps them: `verifier` is the argon2id PHC verifier, which never leaves the server. */
export type OfficerRecord = ServerOfficer;

export interface NewOfficer {
  unitId: string;
  username: string;
  fullName: string;
  role: OfficerRole;
  verifier: string;
  /** Default: by role (domain/officer-access.ts `defaultDeskAccess`). */
  deskAccess?: DeskAccess;
}

/** Adds an officer and publishes their record (without the verifier) to their unit's desks only. */
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
    const record: OfficerRecord = { id: randomUUID(), ...officer, deskAccess: officer.deskAccess ?? defaultDeskAccess(officer.role), active: true };
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
        desk_access: formatDeskAccess(record.deskAccess),
      })
      .execute();
    await publish(trx, record);
    return record;
  });
}

/**
 * Disables (`active: false`) or enables an officer. A disabled officer cannot log in on the server's
 * pages, their events are refused, and each desk of the unit stops letting them log in once it has
 * synced (their document is sent again, with no verifier).
 */
export function setOfficerActive(db: Kysely<Schema>, id: string, active: boolean): Promise<OfficerRecord> {
  return updateOfficer(db, id, { active });
}

/** Sets the desks an officer may log in on; desks that lose them drop their verifier at their next sync. */
export function setOfficerDeskAccess(db: Kysely<Schema>, id: string, deskAccess: DeskAccess): Promise<OfficerRecord> {
  return updateOfficer(db, id, { desk_access: formatDeskAccess(deskAccess) });
}

async function updateOfficer(db: Kysely<Schema>, id: string, change: { active?: boolean; desk_access?: string }): Promise<OfficerRecord> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('officers')
      .set({ ...change, updated_at: new Date() })
      .where('id', '=', id)
      .returning(columns)
      .executeTakeFirst();
    if (!row) throw new ServerError(404, 'officer.not_found', `Không có cán bộ mã ${id}.`);
    const record = toRecord(row);
    await publish(trx, record);
    return record;
  });
}

function publish(trx: Transaction<Schema>, record: OfficerRecord): Promise<boolean> {
  return putReferenceDoc(trx, { kind: 'officer', key: record.id, unitId: record.unitId, body: publishedOfficer(record) });
}

export type OfficerRow = {
  id: string;
  unit_id: string;
  username: string;
  full_name: string;
  role: OfficerRole;
  password_verifier: string;
  active: boolean;
  desk_access: string;
};

export function toRecord(row: OfficerRow): OfficerRecord {
  return {
    id: row.id,
    unitId: row.unit_id,
    fullName: row.full_name,
    username: row.username,
    role: row.role,
    verifier: row.password_verifier,
    active: row.active,
    // The column's check constraint admits only what parses.
    deskAccess: parseDeskAccess(row.desk_access) ?? [],
  };
}

const columns = ['id', 'unit_id', 'username', 'full_name', 'role', 'password_verifier', 'active', 'desk_access'] as const;

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
