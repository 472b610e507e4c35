import { sql, type Kysely, type Transaction } from 'kysely';
import { AdvisoryLock } from '../db/locks.ts';
import { CHANGES_CHANNEL } from '../db/change-channel.ts';
import type { ReferenceKind, Schema } from '../db/schema.ts';
import { canonicalHash } from '../domain/canonical-hash.ts';

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

/** The reference documents a unit's desks may see, after `afterSeq`, in sequence order. */
export async function pullReferenceDocs(
  db: Kysely<Schema>,
  { unitId, afterSeq, limit }: { unitId: string; afterSeq: number; limit: number },
): Promise<ReferencePage> {
  const rows = await db
    .selectFrom('reference_docs')
    .select(['kind', 'key', 'unit_id', 'body', 'deleted', 'seq', 'updated_at'])
    .where('seq', '>', afterSeq)
    .where((eb) => eb.or([eb('unit_id', 'is', null), eb('unit_id', '=', unitId)]))
    .orderBy('seq')
    .limit(limit)
    .execute();
  const documents = rows.map((row) => ({
    id: `${row.kind}:${row.key}`,
    kind: row.kind,
    key: row.key,
    unitId: row.unit_id,
    body: typeof row.body === 'string' ? (JSON.parse(row.body) as unknown) : row.body,
    updatedAt: new Date(row.updated_at).toISOString(),
    _deleted: row.deleted,
  }));
  const last = rows.at(-1);
  return { documents, checkpoint: { seq: last ? Number(last.seq) : afterSeq } };
}

export async function listReferenceKeys(db: Kysely<Schema> | Transaction<Schema>, kind: ReferenceKind): Promise<string[]> {
  const rows = await db.selectFrom('reference_docs').select('key').where('kind', '=', kind).where('deleted', '=', false).execute();
  return rows.map((row) => row.key);
}
