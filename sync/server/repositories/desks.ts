import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { newDeskCredential, newEnrollmentCode, normaliseEnrollmentCode, sha256Hex } from '../domain/secrets.ts';
import { ServerError } from '../domain/server-error.ts';

export const ENROLLMENT_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export interface Desk {
  /** '<agency id>#<slot>', as src/auth/desk-identity.ts `localDeskId`. */
  id: string;
  unitId: string;
  slot: number;
}

export interface IssuedEnrollmentCode {
  desk: Desk;
  code: string;
  expiresAt: Date;
  /** The desk is revoked: this code enrols it again, with a new credential. */
  revoked?: boolean;
}

/** Creates desk `slot` of a unit and returns its first one-time enrollment code. */
export async function addDesk(db: Kysely<Schema>, { unitId, slot }: { unitId: string; slot: number }, now: Date = new Date()): Promise<IssuedEnrollmentCode> {
  return db.transaction().execute(async (trx) => {
    const unit = await trx.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
    if (!unit) throw new ServerError(404, 'unit.not_found', `Không có đơn vị ${unitId}.`);
    const taken = await trx.selectFrom('desks').select('id').where('unit_id', '=', unitId).where('slot', '=', slot).executeTakeFirst();
    if (taken) throw new ServerError(409, 'desk.slot_taken', `Đơn vị ${unitId} đã có quầy số ${slot}.`);
    const desk: Desk = { id: `${unitId}#${slot}`, unitId, slot };
    await trx.insertInto('desks').values({ id: desk.id, unit_id: unitId, slot }).execute();
    const code = newEnrollmentCode();
    const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_TTL_MS);
    await trx.insertInto('enrollment_codes').values({ code_hash: sha256Hex(normaliseEnrollmentCode(code)), desk_id: desk.id, expires_at: expiresAt }).execute();
    return { desk, code, expiresAt };
  });
}

export interface Enrollment {
  desk: Desk;
  credential: string;
}

/**
 * Exchanges a one-time code for a new desk credential. The code is spent even if the desk was
 * enrolled before (re-enrollment replaces the old credential, e.g. after a reinstall), and a
 * revoked desk comes back with it: revocation spent every code issued before it, so a code that
 * still works was issued by the administrator afterwards, on purpose.
 */
export async function redeemEnrollmentCode(db: Kysely<Schema>, typedCode: string, now: Date = new Date()): Promise<Enrollment> {
  const codeHash = sha256Hex(normaliseEnrollmentCode(typedCode));
  return db.transaction().execute(async (trx) => {
    // The conditional update spends the code exactly once even when two desks send it together.
    const spent = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('desk_id')
      .executeTakeFirst();
    if (!spent) {
      throw new ServerError(401, 'enrollment.invalid_code', 'Mã kích hoạt không đúng, đã dùng hoặc đã hết hạn (hiệu lực 24 giờ). Hãy xin quản trị viên cấp mã mới.');
    }
    const row = await trx.selectFrom('desks').select(['id', 'unit_id', 'slot']).where('id', '=', spent.desk_id).executeTakeFirstOrThrow();
    const credential = newDeskCredential();
    await trx
      .updateTable('desks')
      .set({ credential_hash: sha256Hex(credential), enrolled_at: now, revoked_at: null, first_enrolled_at: sql<Date>`coalesce(first_enrolled_at, ${now})` })
      .where('id', '=', row.id)
      .execute();
    return { desk: { id: row.id, unitId: row.unit_id, slot: Number(row.slot) }, credential };
  });
}

export interface DeskCredential {
  desk: Desk;
  credentialHash: string;
  /** Revoked desks keep their credential hash, so that their requests can be told why they fail. */
  revoked: boolean;
}

/** The desk this credential was issued to, while it is the desk's current one. */
export async function findDeskCredential(db: Kysely<Schema>, credential: string): Promise<DeskCredential | undefined> {
  const credentialHash = sha256Hex(credential);
  const row = await db
    .selectFrom('desks')
    .select(['id', 'unit_id', 'slot', 'revoked_at'])
    .where('credential_hash', '=', credentialHash)
    .executeTakeFirst();
  return row && { desk: { id: row.id, unitId: row.unit_id, slot: Number(row.slot) }, credentialHash, revoked: row.revoked_at !== null };
}

/** Which of these credential hashes still belong to an enrolled, not revoked desk (open streams re-check theirs). */
export async function validCredentialHashes(db: Kysely<Schema>, hashes: readonly string[]): Promise<Set<string>> {
  const valid = new Set<string>();
  for (let start = 0; start < hashes.length; start += 1000) {
    const rows = await db
      .selectFrom('desks')
      .select('credential_hash')
      .where('credential_hash', 'in', hashes.slice(start, start + 1000))
      .where('revoked_at', 'is', null)
      .execute();
    for (const row of rows) if (row.credential_hash !== null) valid.add(row.credential_hash);
  }
  return valid;
}

export interface DeskRevocation {
  desk: Desk;
  revokedAt: Date;
  /** False when the desk had been revoked before (the first revocation time is kept). */
  newlyRevoked: boolean;
  /** Unspent enrollment codes of the desk, spent by the revocation. */
  codesSpent: number;
}

/**
 * Revokes a desk: its credential stops working at once (requests get 403 `desk.revoked`, open
 * streams close at their next re-check) and its unspent enrollment codes are spent, so that only a
 * code issued afterwards (`desk code`) can enrol it again, with a new credential.
 */
export async function revokeDesk(db: Kysely<Schema>, deskId: string, now: Date = new Date()): Promise<DeskRevocation> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('desks').select(['id', 'unit_id', 'slot', 'revoked_at']).where('id', '=', deskId).forUpdate().executeTakeFirst();
    if (!row) throw new ServerError(404, 'desk.not_found', `Không có quầy ${deskId}.`);
    const newlyRevoked = row.revoked_at === null;
    if (newlyRevoked) await trx.updateTable('desks').set({ revoked_at: now }).where('id', '=', row.id).execute();
    const codes = await trx
      .updateTable('enrollment_codes')
      .set({ used_at: now })
      .where('desk_id', '=', row.id)
      .where('used_at', 'is', null)
      .returning('code_hash')
      .execute();
    return {
      desk: { id: row.id, unitId: row.unit_id, slot: Number(row.slot) },
      revokedAt: newlyRevoked ? now : new Date(row.revoked_at as Date | string),
      newlyRevoked,
      codesSpent: codes.length,
    };
  });
}

/** A new one-time code for an existing desk (lost code, reinstall). */
export async function issueEnrollmentCode(db: Kysely<Schema>, deskId: string, now: Date = new Date()): Promise<IssuedEnrollmentCode> {
  const row = await db.selectFrom('desks').select(['id', 'unit_id', 'slot', 'revoked_at']).where('id', '=', deskId).executeTakeFirst();
  if (!row) throw new ServerError(404, 'desk.not_found', `Không có quầy ${deskId}.`);
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_TTL_MS);
  await db.insertInto('enrollment_codes').values({ code_hash: sha256Hex(normaliseEnrollmentCode(code)), desk_id: row.id, expires_at: expiresAt }).execute();
  return { desk: { id: row.id, unitId: row.unit_id, slot: Number(row.slot) }, code, expiresAt, revoked: row.revoked_at !== null };
}

/** When the desk was first enrolled (re-enrolments keep it), or null for a desk never enrolled. */
export async function deskFirstEnrolment(db: Kysely<Schema>, deskId: string): Promise<Date | null> {
  const row = await db.selectFrom('desks').select('first_enrolled_at').where('id', '=', deskId).executeTakeFirst();
  return row?.first_enrolled_at ? new Date(row.first_enrolled_at) : null;
}
