import { sql, type Kysely, type Transaction } from 'kysely';
import { parseEvent, type DossierEvent } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { Schema } from '../db/schema.ts';
import { markLinkedRepresentatives, reportColumns } from '../reports/report-projection.ts';

export interface StoredEvent {
  seq: number;
  event: DossierEvent;
  bodyHash: string;
}

/** Stored bodies keep `serverAt: null` (what the desk sent); the server time lives in its own column. */
function withServerTime(body: unknown, serverAt: Date | string): DossierEvent {
  const parsed = parseEvent({ ...(body as Record<string, unknown>), serverAt: new Date(serverAt).toISOString() });
  if (!parsed.ok) throw new Error(`stored event no longer parses: ${parsed.error.message}`);
  return parsed.value;
}

function jsonValue(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}

export async function findEventsByIds(trx: Transaction<Schema>, ids: string[]): Promise<Map<string, StoredEvent>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('events').select(['seq', 'id', 'body', 'body_hash', 'server_at']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, { seq: Number(row.seq), event: withServerTime(jsonValue(row.body), row.server_at), bodyHash: row.body_hash }]));
}

/** Size of one multi-row statement: well under PostgreSQL's 65,535 bind parameters. */
const ROWS_PER_STATEMENT = 1000;

function chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < rows.length; at += size) out.push(rows.slice(at, at + size));
  return out;
}

export interface DossierHistory {
  /** The dossier's stored events with server time, in sequence order. */
  events: DossierEvent[];
  /** Their sequence numbers, same order. */
  seqs: number[];
}

/** The stored histories of several dossiers in one read, each in sequence order. */
export async function loadDossierHistories(trx: Transaction<Schema>, codes: readonly string[]): Promise<Map<string, DossierHistory>> {
  const histories = new Map<string, DossierHistory>(codes.map((code) => [code, { events: [], seqs: [] }]));
  if (codes.length === 0) return histories;
  for (const part of chunks([...new Set(codes)])) {
    const rows = await trx
      .selectFrom('events')
      .select(['seq', 'dossier_code', 'body', 'server_at'])
      .where('dossier_code', 'in', part)
      .orderBy('seq')
      .execute();
    for (const row of rows) {
      const history = histories.get(row.dossier_code);
      if (!history) continue;
      history.events.push(withServerTime(jsonValue(row.body), row.server_at));
      history.seqs.push(Number(row.seq));
    }
  }
  return histories;
}

/** The units that may see each of several dossiers, in one read. */
export async function unitsOfDossiers(trx: Transaction<Schema>, codes: readonly string[]): Promise<Map<string, string[]>> {
  const units = new Map<string, string[]>(codes.map((code) => [code, []]));
  if (codes.length === 0) return units;
  for (const part of chunks([...new Set(codes)])) {
    const rows = await trx.selectFrom('dossier_units').select(['dossier_code', 'unit_id']).where('dossier_code', 'in', part).execute();
    for (const row of rows) units.get(row.dossier_code)?.push(row.unit_id);
  }
  return units;
}

/**
 * Inserts the events in the given order with one multi-row statement per chunk; returns their
 * sequence numbers, same order (identity values are drawn row by row, in VALUES order).
 */
export async function insertEvents(trx: Transaction<Schema>, rows: readonly NewEventRow[]): Promise<number[]> {
  const seqs: number[] = [];
  for (const part of chunks(rows)) {
    const inserted = await trx
      .insertInto('events')
      .values(
        part.map((row) => ({
          id: row.event.id,
          dossier_code: row.event.dossierCode,
          type: row.event.type,
          unit_id: row.event.unitId,
          desk_id: row.event.deskId,
          officer_id: row.event.officerId,
          body: JSON.stringify({ ...row.event, serverAt: null }),
          body_hash: row.bodyHash,
          server_at: row.serverAt,
          clock_skew_flag: row.clockSkewFlag,
        })),
      )
      .returning(['id', 'seq'])
      .execute();
    const seqById = new Map(inserted.map((r) => [r.id, Number(r.seq)]));
    for (const row of part) {
      const seq = seqById.get(row.event.id);
      if (seq === undefined) throw new Error(`event ${row.event.id} was not inserted`);
      if (seqs.length > 0 && seq <= (seqs.at(-1) as number)) throw new Error('event sequence numbers were not drawn in batch order');
      seqs.push(seq);
    }
  }
  return seqs;
}

/** Records dossier grants; the caller appends the dossier's history to the unit feeds. */
export async function insertDossierGrants(trx: Transaction<Schema>, grants: ReadonlyArray<{ code: string; unitId: string }>): Promise<void> {
  for (const part of chunks(grants)) {
    await trx
      .insertInto('dossier_units')
      .values(part.map((g) => ({ dossier_code: g.code, unit_id: g.unitId })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** Appends rows to the unit feeds, in the given order (feed positions are drawn in VALUES order). */
export async function appendUnitFeed(trx: Transaction<Schema>, rows: ReadonlyArray<{ unitId: string; seq: number }>): Promise<void> {
  for (const part of chunks(rows)) {
    await trx
      .insertInto('unit_feed')
      .values(part.map((r) => ({ unit_id: r.unitId, event_seq: r.seq })))
      .execute();
  }
}

export async function existingUnitIds(trx: Transaction<Schema>, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await trx.selectFrom('units').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}

export interface NewEventRow {
  event: DossierEvent;
  bodyHash: string;
  serverAt: Date;
  clockSkewFlag: boolean;
}

/** One dossier's projection (the linked group it belongs to is re-marked: its counted member may change). */
export function saveProjection(trx: Transaction<Schema>, dossier: ProjectedDossier, lastSeq: number): Promise<void> {
  return saveProjections(trx, [{ dossier, lastSeq }]);
}

function projectionValues(dossier: ProjectedDossier, lastSeq: number, updatedAt: Date) {
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
    state: JSON.stringify(dossier),
    last_event_seq: lastSeq,
    updated_at: updatedAt,
    ...reportColumns(dossier),
  };
}

/**
 * `saveProjection` for several distinct dossiers: one multi-row upsert per chunk, then the linked
 * groups they belong to are re-marked once (a dossier's group is set when it is received and never
 * changes, so re-marking after all saves gives what re-marking after each save gives).
 */
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
  const groups = [...new Set(projections.flatMap((p) => (p.dossier.linkedGroupId === null ? [] : [p.dossier.linkedGroupId])))];
  if (groups.length > 0) await markLinkedRepresentatives(trx, groups);
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
    // Bodies were parsed before they were stored: pulls only add the server time.
    documents: rows.map((row) => ({
      ...(jsonValue(row.body) as DossierEvent),
      serverAt: new Date(row.server_at).toISOString(),
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
