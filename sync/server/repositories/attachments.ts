import { sql, type Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';

export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** The units that received the dossier or had it transferred to them (as sync lets them see it). */
export async function unitHoldsDossier(db: Kysely<Schema>, unitId: string, dossierCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('dossier_units')
    .select('unit_id')
    .where('dossier_code', '=', dossierCode)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The media type an ATTACHED event of the dossier declares for this content, or undefined when the
 * dossier has no such event (with `size`, also of that size).
 */
export async function attachedMediaType(
  db: Kysely<Schema>,
  { dossierCode, hash, size }: { dossierCode: string; hash: string; size?: number },
): Promise<string | undefined> {
  let query = db
    .selectFrom('events')
    .select(sql<string>`body->'payload'->>'mediaType'`.as('media_type'))
    .where('dossier_code', '=', dossierCode)
    .where('type', '=', 'ATTACHED')
    .where(sql<string>`body->'payload'->>'hash'`, '=', hash);
  if (size !== undefined) query = query.where(sql<string>`body->'payload'->>'size'`, '=', String(size));
  const row = await query.limit(1).executeTakeFirst();
  return row?.media_type;
}

/** Whether some dossier the unit holds has this content attached (dedup answers on the hash alone). */
export async function unitHasAttached(db: Kysely<Schema>, unitId: string, hash: string): Promise<boolean> {
  const row = await db
    .selectFrom('events as e')
    .innerJoin('dossier_units as u', 'u.dossier_code', 'e.dossier_code')
    .select('e.seq')
    .where('u.unit_id', '=', unitId)
    .where('e.type', '=', 'ATTACHED')
    .where(sql<string>`e.body->'payload'->>'hash'`, '=', hash)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface StoredBlob {
  hash: string;
  size: number;
  mediaType: string;
}

export async function findBlob(db: Kysely<Schema>, hash: string): Promise<StoredBlob | undefined> {
  const row = await db.selectFrom('attachment_blobs').select(['hash', 'size', 'media_type']).where('hash', '=', hash).executeTakeFirst();
  return row ? { hash: row.hash, size: Number(row.size), mediaType: row.media_type } : undefined;
}

/** Records a checked blob; a second upload of the same content (a race) changes nothing. */
export async function recordBlob(db: Kysely<Schema>, blob: StoredBlob): Promise<void> {
  await db
    .insertInto('attachment_blobs')
    .values({ hash: blob.hash, size: blob.size, media_type: blob.mediaType })
    .onConflict((oc) => oc.column('hash').doNothing())
    .execute();
}

export async function logDownload(
  db: Kysely<Schema>,
  entry: { hash: string; dossierCode: string; deskId: string; unitId: string },
): Promise<void> {
  await db
    .insertInto('attachment_downloads')
    .values({ hash: entry.hash, dossier_code: entry.dossierCode, desk_id: entry.deskId, unit_id: entry.unitId })
    .execute();
}
