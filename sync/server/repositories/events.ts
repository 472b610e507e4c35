import { sql, type Kysely, type Transaction } from 'kysely';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { AdvisoryLock } from '../db/locks.ts';
import type { Schema } from '../db/schema.ts';
import { reportColumns } from '../reports/report-projection.ts';

function jsonValue(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

/**
 * Bodies were parsed before they were stored (`serverAt: null`, what the desk sent): reading them
 * back only adds the server time, as pulls do.
 */
function withServerTime(body: unknown, serverAt: Date | string): DossierEvent {
  return { ...(jsonValue(body) as DossierEvent), serverAt: new Date(serverAt).toISOString() };
}

/**
 * Makes pushes touching any of these dossiers wait for each other until commit, so that what one
 * validates against (history, grants, stored ids of the dossier) cannot change before it writes.
 * Keys are taken in ascending order, so two pushes sharing dossiers cannot deadlock; a hash
 * collision only makes two dossiers wait for each other.
 */
export async function lockDossiers(trx: Transaction<Schema>, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`select count(pg_advisory_xact_lock(${sql.lit(AdvisoryLock.dossierWriters)}, k.key)) from (
      select distinct hashtext(code) as key from json_array_elements_text(${JSON.stringify([...new Set(codes)])}::json) as code order by key
    ) as k`.execute(trx);
}

/** Size of one multi-row statement: well under PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1000;

function chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += size) out.push(rows.slice(at, at + size));
  return out;
}

/** One dossier's projection. */
export function saveProjection(trx: Transaction<Schema>, dossier: ProjectedDossier, lastSeq: number): Promise<void> {
  return saveProjections(trx, [{ dossier, lastSeq }]);
}

/** The projection's columns besides `state`, `last_event_seq` and `updated_at`. */
export function projectionFields(dossier: ProjectedDossier) {
  return {
    code: dossier.code,
    receiving_unit_id: dossier.receivingUnitId,
    holder_unit_id: dossier.holderUnitId,
    status: dossier.status,
    procedure_code: dossier.procedureCode,
    received_at: dossier.receivedAt,
    due_at: dossier.dueAt === '' ? null : dossier.dueAt,
    finished_at: dossier.finishedAt,
    returned_at: dossier.returnedAt,
    ...reportColumns(dossier),
  };
}

function projectionValues(dossier: ProjectedDossier, lastSeq: number, updatedAt: Date) {
  return { ...projectionFields(dossier), state: JSON.stringify(dossier), last_event_seq: lastSeq, updated_at: updatedAt };
}

/** `saveProjection` for several distinct dossiers: one multi-row upsert per chunk. */
export async function saveProjections(trx: Transaction<Schema>, projections: ReadonlyArray<{ dossier: ProjectedDossier; lastSeq: number }>): Promise<void> {
  if (projections.length === 0) return;
  const updatedAt = new Date();
  for (const part of chunks(projections, 500)) {
    const rows = part.map((p) => projectionValues(p.dossier, p.lastSeq, updatedAt));
    const columns = Object.keys(rows[0] as object).filter((column) => column !== 'code');
    await trx
      .insertInto('dossiers')
      .values(rows)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet(Object.fromEntries(columns.map((column) => [column, sql.ref(`excluded.${column}`)])) as never),
      )
      .execute();
  }
}

export interface EventPage {
  documents: Array<DossierEvent & { _deleted: false }>;
  checkpoint: { seq: number };
}

/** A unit's feed after `afterSeq`: its dossiers' events (with server time), in feed order. */
export async function pullUnitEvents(db: Kysely<Schema>, { unitId, afterSeq, limit }: { unitId: string; afterSeq: number; limit: number }): Promise<EventPage> {
  const rows = await db
    .selectFrom('unit_feed as f')
    .innerJoin('events as e', 'e.seq', 'f.event_seq')
    .select(['f.feed_seq', 'e.body', 'e.server_at'])
    .where('f.unit_id', '=', unitId)
    .where('f.feed_seq', '>', afterSeq)
    .orderBy('f.feed_seq')
    .limit(limit)
    .execute();
  const last = rows.at(-1);
  return {
    documents: rows.map((row) => ({
      ...withServerTime(row.body, row.server_at),
      _deleted: false as const,
    })),
    checkpoint: { seq: last ? Number(last.feed_seq) : afterSeq },
  };
}

/** The newest feed position of a unit: where a fresh stream starts. */
export async function latestFeedSeq(db: Kysely<Schema>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('unit_feed')
    .select((eb) => eb.fn.max('feed_seq').as('max'))
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}
