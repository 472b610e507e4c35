import type { Kysely } from 'kysely';
import type { CounterConsultation } from '../../../src/counter/consultation.ts';
import type { Schema } from '../db/schema.ts';

/** Counter consultations as stored (migration 0011): the body without server time, and its hash. */
export interface NewConsultationRow {
  consultation: CounterConsultation;
  bodyHash: string;
  bodyJson: string;
}

/** id → body hash of the given ids already stored. */
export async function storedConsultationHashes(db: Kysely<Schema>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('counter_consultations').select(['id', 'body_hash']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, row.body_hash]));
}

/** Inserts the rows whose id is not taken; returns the ids inserted. */
export async function insertConsultations(db: Kysely<Schema>, rows: readonly NewConsultationRow[], serverAt: Date): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('counter_consultations')
    .values(
      rows.map(({ consultation, bodyHash, bodyJson }) => ({
        id: consultation.id,
        unit_id: consultation.unitId,
        desk_id: consultation.deskId,
        officer_id: consultation.officerId,
        outcome: consultation.outcome,
        procedure_code: consultation.procedureCode,
        at: consultation.at,
        body: bodyJson,
        body_hash: bodyHash,
        server_at: serverAt,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((row) => row.id));
}
