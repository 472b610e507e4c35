import { sql, type Transaction } from 'kysely';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { EventDateFlag } from '../domain/event-dates.ts';
import { CHANGES_CHANNEL } from '../db/change-channel.ts';
import { AdvisoryLock } from '../db/locks.ts';
import type { Schema } from '../db/schema.ts';
import type { projectionFields } from './events.ts';

/** A sequence number: stored already, or the one the `batch`-th new event of this write gets. */
export type SeqRef = { stored: number } | { batch: number };

export interface NewEventRow {
  bodyHash: string;
  /**
   * The body as stored, `serverAt: null` (what the desk sent), in the canonical JSON that was hashed.
   * The event's id, dossier, type, unit, desk and officer columns are read from it.
   */
  bodyJson: string;
  /** Why its desk time is doubtful (sync/server/domain/event-dates.ts); `clock_skew_flag` is set when there is a reason. */
  dateFlags: readonly EventDateFlag[];
}

export interface EventBatch {
  /** The server time of every event of the batch. */
  serverAt: Date;
  /** In the order their sequence numbers are drawn. */
  events: readonly NewEventRow[];
  grants: ReadonlyArray<{ code: string; unitId: string }>;
  /** In the order the unit feeds receive them. */
  feed: ReadonlyArray<{ unitId: string; seq: SeqRef }>;
  /** One per distinct dossier; `lastBatchIndex` is its newest event of this batch. */
  projections: ReadonlyArray<{ dossier: ProjectedDossier; lastBatchIndex: number }>;
}

/**
 * The projection's columns besides `code`, as read from its `state` in SQL: the same values as
 * `projectionFields` gives (a test compares them), without sending each dossier's fields twice.
 */
const PROJECTION_FROM_STATE = {
  receiving_unit_id: `p.state->>'receivingUnitId'`,
  holder_unit_id: `p.state->>'holderUnitId'`,
  status: `(p.state->>'status')::smallint`,
  procedure_code: `p.state->>'procedureCode'`,
  received_at: `(p.state->>'receivedAt')::timestamptz`,
  due_at: `nullif(p.state->>'dueAt', '')::timestamptz`,
  finished_at: `(p.state->>'finishedAt')::timestamptz`,
  returned_at: `(p.state->>'returnedAt')::timestamptz`,
  channel: `p.state->>'channel'`,
  field: `p.state->>'field'`,
  procedure_name: `p.state->>'procedureName'`,
  received_by_officer_id: `p.state->>'receivedByOfficerId'`,
  supplement_request_count: `(p.state->>'supplementRequestCount')::integer`,
  extension_count: `(p.state->>'extensionCount')::integer`,
  linked_group_id: `p.state->>'linkedGroupId'`,
  report_unit_id: `p.state->>'reportUnitId'`,
  papers_digitised: `(p.state->>'papersDigitised')::boolean`,
  result_digitised: `(p.state->>'resultDigitised')::boolean`,
} as const satisfies Record<Exclude<keyof ReturnType<typeof projectionFields>, 'code'>, string>;
const PROJECTION_COLUMNS = Object.keys(PROJECTION_FROM_STATE) as Array<keyof typeof PROJECTION_FROM_STATE>;

const projectionColumns = sql.raw(PROJECTION_COLUMNS.join(', '));
const projectionSelect = sql.raw(PROJECTION_COLUMNS.map((column) => `p.${column}`).join(', '));
const projectionFromState = sql.raw(PROJECTION_COLUMNS.map((column) => `${PROJECTION_FROM_STATE[column]} as ${column}`).join(', '));
const projectionUpdate = sql.raw([...PROJECTION_COLUMNS, 'state', 'last_event_seq', 'updated_at'].map((column) => `${column} = excluded.${column}`).join(', '));

/**
 * Writes a validated batch (events, grants, unit feeds, projections, the change notification) and
 * returns the events' sequence numbers, batch order. Takes the event writers' lock, held until commit.
 *
 * One statement, so that the writers' lock is held for one round trip and the commit: nobody else
 * writes while a lock holder waits for this process's event loop. The rows arrive as `jsonb`
 * (parsed once, where `json_to_recordset` would parse every body a second time into its `jsonb`
 * column) and are unpacked first (`materialized`); the lock is taken only then: `writer` counts them,
 * and it is an init plan that both identity-drawing inserts are gated on (feed rows also wait for
 * the events they point to), so parsing the bodies never holds up the other writers. Identity
 * values are drawn row by row above the `order by`, so sequence numbers follow the batch order and
 * feed positions the feed order. The units, desks, officers and events that rows refer to are
 * checked by joins here rather than by foreign keys (migration 0006: a query and a row lock per row);
 * a row they leave out fails the counts below. The statement's snapshot predates the lock, which is
 * harmless: those rows are never deleted (migration 0006) and unique and conflict checks see the
 * latest commits; what was validated was read under the dossiers' locks.
 */
export async function writeEventBatch(trx: Transaction<Schema>, batch: EventBatch): Promise<number[]> {
  if (batch.events.length === 0) return [];
  // The body goes in as the text that was hashed (stringifying it again was a third serialisation of
  // every event), and the columns that repeat its fields are read from it: they were a third of the bytes.
  const events = batch.events.map((row, idx) => withRawJsonMember({ idx, body_hash: row.bodyHash, date_flags: row.dateFlags }, 'body', row.bodyJson));
  const grants = batch.grants.map((g) => ({ dossier_code: g.code, unit_id: g.unitId }));
  const feed = batch.feed.map((row, ord) =>
    'stored' in row.seq ? { ord, unit_id: row.unitId, stored_seq: row.seq.stored } : { ord, unit_id: row.unitId, batch_idx: row.seq.batch },
  );
  const projections = batch.projections.map(({ dossier, lastBatchIndex }) => ({ state: dossier, last_idx: lastBatchIndex }));

  const result = await sql<{ seqs: unknown; feed_rows: unknown }>`with event_rows as materialized (
  select e.idx, (e.body->>'id')::uuid as id, e.body->>'dossierCode' as dossier_code, e.body->>'type' as type, e.body->>'unitId' as unit_id,
    e.body->>'deskId' as desk_id, e.body->>'officerId' as officer_id, e.body, e.body_hash, e.date_flags
  from jsonb_to_recordset(${`[${events.join(',')}]`}::jsonb) as e(idx integer, body jsonb, body_hash text, date_flags text[])
),
projection_rows as materialized (
  select p.state->>'code' as code, p.last_idx, p.state, ${projectionFromState}
  from jsonb_to_recordset(${JSON.stringify(projections)}::jsonb) as p(last_idx integer, state jsonb)
),
writer as (
  select pg_advisory_xact_lock(${sql.lit(AdvisoryLock.eventWriters)}) is not null as locked
  from (select (select count(*) from event_rows) + (select count(*) from projection_rows) as parsed) as rows_parsed
),
new_events as (
  insert into events (id, dossier_code, type, unit_id, desk_id, officer_id, body, body_hash, server_at, clock_skew_flag, date_flags)
  select e.id, e.dossier_code, e.type, e.unit_id, e.desk_id, e.officer_id, e.body, e.body_hash, ${batch.serverAt.toISOString()}::timestamptz,
    cardinality(e.date_flags) > 0, e.date_flags
  from event_rows e
  join units u on u.id = e.unit_id
  join desks d on d.id = e.desk_id
  join officers o on o.id = e.officer_id
  where (select locked from writer)
  order by e.idx
  returning seq, id
),
batch as (
  select n.seq, e.idx from new_events n join event_rows e on e.id = n.id
),
grants as (
  insert into dossier_units (dossier_code, unit_id)
  select g.dossier_code, g.unit_id from json_to_recordset(${JSON.stringify(grants)}::json) as g(dossier_code text, unit_id text)
  on conflict do nothing
),
feed as (
  insert into unit_feed (unit_id, event_seq)
  select f.unit_id, coalesce(f.stored_seq, b.seq)
  from json_to_recordset(${JSON.stringify(feed)}::json) as f(ord integer, unit_id text, stored_seq bigint, batch_idx integer)
  join units u on u.id = f.unit_id
  left join batch b on b.idx = f.batch_idx
  where (select locked from writer)
    and (f.stored_seq is null or exists (select 1 from events s where s.seq = f.stored_seq))
  order by f.ord
  returning 1
),
projections as (
  insert into dossiers (code, ${projectionColumns}, state, last_event_seq, updated_at)
  select p.code, ${projectionSelect}, p.state, b.seq, now()
  from projection_rows p
  join batch b on b.idx = p.last_idx
  on conflict (code) do update set ${projectionUpdate}
)
select coalesce(json_agg(seq order by idx), '[]'::json) as seqs, (select count(*) from feed) as feed_rows,
  pg_notify(${sql.lit(CHANGES_CHANNEL)}, 'events') as notified
from batch`.execute(trx);

  // A row the joins above left out names a unit, desk, officer or event that does not exist: the
  // caller's transaction is rolled back, as a foreign key violation would have done.
  const seqs = jsonValue(result.rows[0]?.seqs) as Array<number | string>;
  if (seqs.length !== batch.events.length) throw new Error(`${batch.events.length - seqs.length} event(s) of the batch were not inserted`);
  const feedRows = Number(result.rows[0]?.feed_rows);
  if (feedRows !== batch.feed.length) throw new Error(`${batch.feed.length - feedRows} unit feed row(s) of the batch were not inserted`);
  const numbers = seqs.map(Number);
  if (numbers.some((seq, index) => index > 0 && seq <= (numbers[index - 1] as number))) throw new Error('event sequence numbers were not drawn in batch order');
  return numbers;
}

/** The JSON of `columns` with one more member whose value is JSON text already. */
function withRawJsonMember(columns: Record<string, unknown>, key: string, json: string): string {
  return `${JSON.stringify(columns).slice(0, -1)},${JSON.stringify(key)}:${json}}`;
}

function jsonValue(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}
