import type { PGlite } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { canonicalHash } from '../../../sync/server/domain/canonical-hash.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { DatabaseTarget } from '../../../sync/server/db/database.ts';
import { percentile, summarize } from '../support/stats.ts';
import type { BenchDatabases } from './databases.ts';
import { dossierLifecycles } from './dataset.ts';
import { closedLoop, openLoop, openLoopBatchesPerDesk } from './load-loops.ts';
import type { ClosedLoopRun, OpenLoopRun, OpenLoopSchedule, SendBatch } from './load-loops.ts';
import { seedCommunes, startBenchServer } from './world.ts';
import type { BenchUnit } from './world.ts';

/**
 * Issue 6 point 14, second figure: many desks push at once to one server process on one database.
 * Each simulated desk is a commune's desk with its own enrolled credential, pushing its own
 * dossiers' events in the client's push format (`[{newDocumentState}]`, `X-Desk-Time`), in
 * batches of `batchSize` (100), one request at a time as RxDB does. Two runs on the same server:
 * - closed loop (saturation): all desks start together, each sends its next batch once the answer
 *   is in: the maximum throughput; the latencies are queueing at that throughput;
 * - open loop (at the target load): each desk sends on a fixed schedule so that together they offer
 *   a stated load (3,000 events/s), latency from each batch's scheduled send time (load-loops.ts).
 * The reference stores the same rows in a plain table with COPY (CSV), one per batch, over a pool
 * of 10 connections (the server's pool size), in the same two ways.
 */

/** Attempts after a network error before a push counts as failed (the desk client keeps trying). */
const NETWORK_RETRIES = 5;

export interface PushOptions {
  desks: number;
  batchesPerDesk: number;
  batchSize: number;
  /** The open loop's offered load and duration (the batch size is `batchSize`). */
  openLoop: Omit<OpenLoopSchedule, 'batchSize'>;
  log: (text: string) => void;
}

type Failures = Array<{ status: number; body: string }>;

export interface PushResult {
  desks: number;
  batchesPerDesk: number;
  batchSize: number;
  /** Saturation: every desk sends its next batch as soon as the previous one is answered. */
  server: ClosedLoopRun & {
    failures: Failures;
    /** Requests that took longer than the client's 30 s timeout (the desk would have retried them). */
    overClientTimeout: number;
  };
  reference: ClosedLoopRun;
  /** At a stated offered load, on a fixed schedule. */
  openLoop: {
    schedule: OpenLoopSchedule;
    server: OpenLoopRun & { failures: Failures };
    reference: OpenLoopRun;
  };
  /** Both runs' events, as sent (the warm-up desk's left out). */
  stored: { events: number; distinct: number; lost: number; duplicated: number };
  setupMs: number;
}

const CLIENT_TIMEOUT_MS = 30_000;
const WARM_UP_BATCHES = 3;

interface PushBatch {
  body: string;
  count: number;
}

function batchesOf(events: readonly DossierEvent[], size: number): DossierEvent[][] {
  const batches: DossierEvent[][] = [];
  for (let at = 0; at < events.length; at += size) batches.push(events.slice(at, at + size));
  return batches;
}

export async function pushScenario(databases: BenchDatabases, options: PushOptions): Promise<PushResult> {
  const { log, desks, batchesPerDesk, batchSize } = options;
  const schedule: OpenLoopSchedule = { ...options.openLoop, batchSize };
  const setupStarted = performance.now();
  const target = await databases.scenario(`push_${desks}`);
  // One more commune warms the server up (JIT, pool connections) before the measurement.
  const units = await seedCommunes(target, desks + 1, { redeem: true });
  const warmUnit = units.pop() as BenchUnit;
  const nowMs = Date.now();
  const closedEvents = batchesPerDesk * batchSize;
  const openEvents = openLoopBatchesPerDesk(desks, schedule) * batchSize;
  // One history per desk: the open loop carries on where the closed loop stopped.
  const deskEvents = units.map((unit, index) =>
    dossierLifecycles(unit, { dossiers: Math.ceil((closedEvents + openEvents) / 5), nowMs, seed: index + 1 }).slice(0, closedEvents + openEvents),
  );
  const closedBatches = deskEvents.map((events) => batchesOf(events.slice(0, closedEvents), batchSize).map(pushBatch));
  const openBatches = deskEvents.map((events) => batchesOf(events.slice(closedEvents), batchSize).map(pushBatch));
  const warmBatches = batchesOf(dossierLifecycles(warmUnit, { dossiers: (WARM_UP_BATCHES * batchSize) / 5, nowMs, seed: 0 }), batchSize).map(pushBatch);
  const setupMs = performance.now() - setupStarted;
  log(`push ×${desks}: ${desks} communes enrolled, ${deskEvents.reduce((sum, e) => sum + e.length, 0)} events built in ${(setupMs / 1000).toFixed(1)} s`);

  const server = await startBenchServer(target);
  log(`push ×${desks}: server started`);
  const closedFailures: Failures = [];
  const openFailures: Failures = [];
  let networkRetries = 0;
  let closed: ClosedLoopRun;
  let open: OpenLoopRun;
  try {
    // As the desk client does: a connection refused or reset (a burst over the accept queue) is
    // retried after a pause; the retries count in the push's latency.
    const postWithRetry = async (init: RequestInit): Promise<Response> => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await fetch(`${server.url}/api/sync/events/push`, init);
        } catch (error) {
          if (attempt >= NETWORK_RETRIES) throw error;
          networkRetries += 1;
          await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
        }
      }
    };
    const push = async (unit: BenchUnit, batch: PushBatch, failures: Failures): Promise<number> => {
      const response = await postWithRetry({
        method: 'POST',
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${unit.credential ?? ''}`,
          'content-type': 'application/json',
          'x-desk-time': String(Date.now()),
        },
        body: batch.body,
      });
      const text = await response.text();
      const answer = response.ok ? (JSON.parse(text) as { accepted: number; duplicates: number }) : null;
      if (!answer || answer.accepted + answer.duplicates !== batch.count) {
        if (failures.length < 20) failures.push({ status: response.status, body: text.slice(0, 300) });
        return 0;
      }
      return answer.accepted;
    };
    const deskPush =
      (failures: Failures): SendBatch<PushBatch> =>
      (desk, batch) =>
        push(units[desk] as BenchUnit, batch, failures);
    const warmUpFailures: Failures = [];
    for (const batch of warmBatches) await push(warmUnit, batch, warmUpFailures);
    if (warmUpFailures.length > 0) throw new Error(`push ×${desks}: the warm-up push failed: ${JSON.stringify(warmUpFailures[0])}`);
    log(`push ×${desks}: closed loop (saturation), ${batchesPerDesk} batch(es) of ${batchSize} from each desk at once…`);
    closed = await closedLoop(closedBatches, deskPush(closedFailures));
    log(`push ×${desks}: closed loop: ${closed.events} events in ${(closed.wallMs / 1000).toFixed(1)} s = ${closed.eventsPerSecond.toFixed(0)} events/s`);
    log(`push ×${desks}: open loop, ${schedule.eventsPerSecond} events/s offered for ${(schedule.warmUpMs + schedule.measureMs) / 1000} s (${schedule.warmUpMs / 1000} s warm-up)…`);
    open = await openLoop(openBatches, schedule, deskPush(openFailures));
  } catch (error) {
    log(`push ×${desks}: server log tail:\n${server.tail()}`);
    throw error;
  } finally {
    await server.stop();
  }
  const latency = summarize(open.latencies);
  log(
    `push ×${desks}: open loop: ${open.events} events stored at ${open.eventsPerSecond.toFixed(0)} events/s, latency p50 ${latency.p50.toFixed(0)} ms, ` +
      `p99 ${p99(open.latencies).toFixed(0)} ms, max ${latency.max.toFixed(0)} ms` +
      `${closedFailures.length + openFailures.length > 0 ? `; ${closedFailures.length + openFailures.length} failed pushes` : ''}` +
      `${networkRetries > 0 ? `; ${networkRetries} pushes retried after a network error` : ''}`,
  );

  // Each desk's closed-loop events and the open-loop batches it sent: the rest were never due.
  const sentEvents = deskEvents.map((events, desk) => events.slice(0, closedEvents + (open.sentPerDesk[desk] ?? 0) * batchSize));
  const stored = await storedEvents(target, sentEvents.flat(), warmUnit.deskId);
  const reference = await rawCopyReference(target, { closed: deskEvents.map((e) => e.slice(0, closedEvents)), open: deskEvents.map((e) => e.slice(closedEvents)) }, schedule);
  log(
    `push ×${desks}: reference, raw COPY: ${reference.closed.eventsPerSecond.toFixed(0)} events/s closed loop; ` +
      `open loop p99 ${p99(reference.open.latencies).toFixed(1)} ms`,
  );
  return {
    desks,
    batchesPerDesk,
    batchSize,
    server: { ...closed, failures: closedFailures, overClientTimeout: closed.latencies.filter((ms) => ms > CLIENT_TIMEOUT_MS).length },
    reference: reference.closed,
    openLoop: { schedule, server: { ...open, failures: openFailures }, reference: reference.open },
    stored,
    setupMs,
  };
}

const p99 = (xs: readonly number[]) => percentile([...xs].sort((a, b) => a - b), 99);

function pushBatch(batch: readonly DossierEvent[]): PushBatch {
  return { body: JSON.stringify(batch.map((event) => ({ newDocumentState: event }))), count: batch.length };
}

async function storedEvents(target: DatabaseTarget, expected: readonly DossierEvent[], warmDeskId: string): Promise<PushResult['stored']> {
  const database = await openDatabase(target, { migrate: false });
  try {
    const rows = await database.db.selectFrom('events').select(['id']).where('desk_id', '<>', warmDeskId).execute();
    const ids = rows.map((row) => String(row.id));
    const distinct = new Set(ids);
    return {
      events: ids.length,
      distinct: distinct.size,
      lost: expected.filter((event) => !distinct.has(event.id)).length,
      duplicated: ids.length - distinct.size,
    };
  } finally {
    await database.close();
  }
}

const COLUMNS = ['id', 'dossier_code', 'type', 'unit_id', 'desk_id', 'officer_id', 'body', 'body_hash', 'server_at'] as const;

/** A CSV field: quoted, inner quotes doubled (JSON bodies are full of them). */
const csvField = (value: unknown): string => `"${(value instanceof Date ? value.toISOString() : String(value)).replaceAll('"', '""')}"`;

interface CopyStatement {
  csv: string;
  count: number;
}

/**
 * The same rows the server stores, into a plain table (no keys, no indexes), one COPY per batch:
 * the closed loop's batches as fast as they go, then the open loop's on the same schedule.
 */
async function rawCopyReference(
  target: DatabaseTarget,
  deskEvents: { closed: readonly DossierEvent[][]; open: readonly DossierEvent[][] },
  schedule: OpenLoopSchedule,
): Promise<{ closed: ClosedLoopRun; open: OpenLoopRun }> {
  const statementsOf = (perDesk: readonly DossierEvent[][]): CopyStatement[][] =>
    perDesk.map((events) =>
      batchesOf(events, schedule.batchSize).map((batch) => {
        const serverAt = new Date();
        const csv = batch
          .map((event) => {
            const body = { ...event, serverAt: null };
            return [event.id, event.dossierCode, event.type, event.unitId, event.deskId, event.officerId, JSON.stringify(body), canonicalHash(body), serverAt]
              .map(csvField)
              .join(',');
          })
          .join('\n');
        return { csv: `${csv}\n`, count: batch.length };
      }),
    );
  const closedStatements = statementsOf(deskEvents.closed);
  const openStatements = statementsOf(deskEvents.open);
  const copy = (source: string) => `copy raw_events (${COLUMNS.join(', ')}) from ${source} with (format csv)`;
  const create = `create table raw_events (id uuid, dossier_code text, type text, unit_id text, desk_id text, officer_id text, body jsonb, body_hash text, server_at timestamptz)`;
  const run = async (send: SendBatch<CopyStatement>) => ({
    closed: await closedLoop(closedStatements, send),
    open: await openLoop(openStatements, schedule, send),
  });
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // \`end()\` resolves before every socket has closed; dropping the database then terminates them.
    pool.on('error', () => undefined);
    try {
      await pool.query(create);
      return await run(async (_desk, statement) => {
        const client = await pool.connect();
        try {
          await pipeline(Readable.from([statement.csv]), client.query(copyFrom(copy('stdin'))));
        } finally {
          client.release();
        }
        return statement.count;
      });
    } finally {
      await pool.end();
    }
  }
  const database = await openDatabase(target, { migrate: false });
  try {
    const pglite = database.pglite as PGlite;
    await pglite.query(create);
    return await run(async (_desk, statement) => {
      await pglite.query(copy("'/dev/blob'"), [], { blob: new Blob([statement.csv]) });
      return statement.count;
    });
  } finally {
    await database.close();
  }
}
