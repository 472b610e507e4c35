import { sql, type Kysely, type Transaction } from 'kysely';
import { AdvisoryLock } from '../db/locks.ts';
import { CHANGES_CHANNEL } from '../db/change-channel.ts';
import type { ReferenceKind, Schema } from '../db/schema.ts';
import { canonicalHash } from '../domain/canonical-hash.ts';
import { officerForDesk } from '../domain/officer-access.ts';
import { toRecord } from './officers.ts';
import type { OfficerRow } from './officers.ts';

export interface ReferenceDocInput {
  kind: ReferenceKind;
  key: string;
  /** null: every desk receives it; otherwise only that unit's desks. */
  unitId: string | null;
  body: unknown;
  deleted?: boolean;
}

export interface ReferenceDocument {
  id: string;
  kind: ReferenceKind;
  key: string;
  unitId: string | null;
  body: unknown;
  updatedAt: string;
  _deleted: boolean;
}

export interface ReferencePage {
  documents: ReferenceDocument[];
  checkpoint: { seq: number };
}

/**
 * Writes a reference document in the caller's transaction. The advisory lock, held to commit,
 * makes sequence order equal commit order, so a pull by `seq` never skips a late commit.
 * An unchanged document keeps its sequence: desks are not sent it again.
 */
export async function putReferenceDoc(trx: Transaction<Schema>, doc: ReferenceDocInput): Promise<boolean> {
  await sql`select pg_advisory_xact_lock(${AdvisoryLock.referenceWriters})`.execute(trx);
  const deleted = doc.deleted ?? false;
  const bodyHash = canonicalHash(doc.body);
  const existing = await trx
    .selectFrom('reference_docs')
    .select(['body_hash', 'deleted', 'unit_id'])
    .where('kind', '=', doc.kind)
    .where('key', '=', doc.key)
    .executeTakeFirst();
  if (existing && existing.body_hash === bodyHash && existing.deleted === deleted && existing.unit_id === doc.unitId) return false;
  const seq = Number((await sql<{ seq: number }>`select nextval('reference_seq') as seq`.execute(trx)).rows[0]?.seq);
  const values = {
    kind: doc.kind,
    key: doc.key,
    unit_id: doc.unitId,
    body: JSON.stringify(doc.body),
    body_hash: bodyHash,
    deleted,
    seq,
    updated_at: new Date(),
  };
  await trx
    .insertInto('reference_docs')
    .values(values)
    .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet({ ...values }))
    .execute();
  await sql`select pg_notify(${CHANGES_CHANNEL}, 'reference')`.execute(trx);
  return true;
}

/**
 * The reference documents the desk in `deskSlot` of `unitId` may see, after `afterSeq`, in sequence
 * order. Officer documents are sent as that desk sees the officer (domain/officer-access.ts
 * `officerForDesk`): read with the officer's row, so that a desk verifier goes only to a desk the
 * officer may log in on, and the server's verifier to none.
 */
export async function pullReferenceDocs(
  db: Kysely<Schema>,
  { unitId, deskSlot, afterSeq, limit }: { unitId: string; deskSlot: number; afterSeq: number; limit: number },
): Promise<ReferencePage> {
  const rows = await db
    .selectFrom('reference_docs as r')
    .leftJoin('officers as o', (join) => join.onRef('o.id', '=', 'r.key').on('r.kind', '=', 'officer'))
    .select(['r.kind', 'r.key', 'r.unit_id', 'r.body', 'r.deleted', 'r.seq', 'r.updated_at'])
    .select(['o.id as o_id', 'o.unit_id as o_unit_id', 'o.username as o_username', 'o.full_name as o_full_name', 'o.role as o_role'])
    .select(['o.password_verifier as o_password_verifier', 'o.active as o_active', 'o.desk_access as o_desk_access'])
    .where('r.seq', '>', afterSeq)
    .where((eb) => eb.or([eb('r.unit_id', 'is', null), eb('r.unit_id', '=', unitId)]))
    .orderBy('r.seq')
    .limit(limit)
    .execute();
  const documents = await Promise.all(
    rows.map(async (row) => ({
      id: `${row.kind}:${row.key}`,
      kind: row.kind,
      key: row.key,
      unitId: row.unit_id,
      body: await bodyForDesk(row, deskSlot),
      updatedAt: new Date(row.updated_at).toISOString(),
      _deleted: row.deleted,
    })),
  );
  const last = rows.at(-1);
  return { documents, checkpoint: { seq: last ? Number(last.seq) : afterSeq } };
}

type Nullable<T> = { [K in keyof T]: T[K] | null };
type JoinedOfficer = { [K in keyof OfficerRow as `o_${K}`]: OfficerRow[K] | null };

/** The officers row a left join found, or null (never for an officer document: officers are never deleted). */
function joinedOfficer(row: JoinedOfficer): OfficerRow | null {
  const officer: Nullable<OfficerRow> = {
    id: row.o_id,
    unit_id: row.o_unit_id,
    username: row.o_username,
    full_name: row.o_full_name,
    role: row.o_role,
    password_verifier: row.o_password_verifier,
    active: row.o_active,
    desk_access: row.o_desk_access,
  };
  return Object.values(officer).every((value) => value !== null) ? (officer as OfficerRow) : null;
}

async function bodyForDesk(row: { kind: ReferenceKind; body: unknown } & JoinedOfficer, deskSlot: number): Promise<unknown> {
  const officer = row.kind === 'officer' ? joinedOfficer(row) : null;
  if (officer) return officerForDesk(toRecord(officer), deskSlot);
  return typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body;
}

export async function listReferenceKeys(db: Kysely<Schema> | Transaction<Schema>, kind: ReferenceKind): Promise<string[]> {
  const rows = await db.selectFrom('reference_docs').select('key').where('kind', '=', kind).where('deleted', '=', false).execute();
  return rows.map((row) => row.key);
}
