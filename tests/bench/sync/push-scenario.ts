import type { PGlite } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { canonicalHash } from '../../../sync/server/domain/canonical-hash.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { DatabaseTarget } from '../../../sync/server/db/database.ts';
import type { BenchDatabases } from './databases.ts';
import { dossierLifecycles } from './dataset.ts';
import { seedCommunes, startBenchServer } from './world.ts';
import type { BenchUnit } from './world.ts';

/**
 * Issue 6 point 14, second figure: many desks push at once to one server process on one database.
 * Each simulated desk is a commune's desk with its own enrolled credential, pushing its own
 * dossiers' events in the client's batches (100 events, `[{newDocumentState}]`, `X-Desk-Time`),
 * one request at a time as RxDB does (the next batch once the answer is in). All desks start
 * together. The reference stores the same rows in a plain table with COPY (CSV), one per
 * batch, from as many concurrent senders over a pool of 10 connections (the server's pool size).
 */

/** Attempts after a network error before a push counts as failed (the desk client keeps trying). */
const NETWORK_RETRIES = 5;

export interface PushOptions {
  desks: number;
  batchesPerDesk: number;
  batchSize: number;
  log: (text: string) => void;
}

export interface ClosedLoopRun {
  wallMs: number;
  events: number;
  eventsPerSecond: number;
  /** One per request (push) or statement (reference), ms. */
  latencies: number[];
}

export interface PushResult {
  desks: number;
  batchesPerDesk: number;
  batchSize: number;
  server: ClosedLoopRun & {
    failures: Array<{ status: number; body: string }>;
    /** Requests that took longer than the client's 30 s timeout (the desk would have retried them). */
    overClientTimeout: number;
  };
  reference: ClosedLoopRun;
  stored: { events: number; distinct: number; lost: number; duplicated: number };
  setupMs: number;
}

const CLIENT_TIMEOUT_MS = 30_000;
const WARM_UP_BATCHES = 3;

/** Every desk sends its batches one after the other; all desks at once. */
async function closedLoop<T>(perDesk: readonly (readonly T[])[], send: (desk: number, batch: T) => Promise<number>): Promise<ClosedLoopRun> {
  const latencies: number[] = [];
  let events = 0;
  const started = performance.now();
  await Promise.all(
    perDesk.map(async (batches, desk) => {
      for (const batch of batches) {
        const before = performance.now();
        const stored = await send(desk, batch);
        latencies.push(performance.now() - before);
        events += stored;
      }
    }),
  );
  const wallMs = performance.now() - started;
  return { wallMs, events, eventsPerSecond: (events * 1000) / wallMs, latencies };
}

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
  const setupStarted = performance.now();
  const target = await databases.scenario(`push_${desks}`);
  // One more commune warms the server up (JIT, pool connections) before the measurement.
  const units = await seedCommunes(target, desks + 1, { redeem: true });
  const warmUnit = units.pop() as BenchUnit;
  const nowMs = Date.now();
  const dossiersPerDesk = Math.ceil((batchesPerDesk * batchSize) / 5);
  const deskEvents = units.map((unit, index) =>
    dossierLifecycles(unit, { dossiers: dossiersPerDesk, nowMs, seed: index + 1 }).slice(0, batchesPerDesk * batchSize),
  );
  const perDesk: PushBatch[][] = deskEvents.map((events) =>
    batchesOf(events, batchSize).map((batch) => ({ body: JSON.stringify(batch.map((event) => ({ newDocumentState: event }))), count: batch.length })),
  );
  const warmBatches = batchesOf(dossierLifecycles(warmUnit, { dossiers: (WARM_UP_BATCHES * batchSize) / 5, nowMs, seed: 0 }), batchSize).map((batch) => ({
    body: JSON.stringify(batch.map((event) => ({ newDocumentState: event }))),
    count: batch.length,
  }));
  const setupMs = performance.now() - setupStarted;
  log(`push ×${desks}: ${desks} communes enrolled, ${deskEvents.reduce((sum, e) => sum + e.length, 0)} events built in ${(setupMs / 1000).toFixed(1)} s`);

  const server = await startBenchServer(target);
  log(`push ×${desks}: server started`);
  const failures: PushResult['server']['failures'] = [];
  let networkRetries = 0;
  let run: ClosedLoopRun;
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
    const push = async (unit: BenchUnit, batch: PushBatch): Promise<number> => {
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
    for (const batch of warmBatches) await push(warmUnit, batch);
    if (failures.length > 0) throw new Error(`push ×${desks}: the warm-up push failed: ${JSON.stringify(failures[0])}`);
    log(`push ×${desks}: pushing ${batchesPerDesk} batch(es) of ${batchSize} from each desk at once…`);
    run = await closedLoop(perDesk, (desk, batch) => push(units[desk] as BenchUnit, batch));
  } catch (error) {
    log(`push ×${desks}: server log tail:\n${server.tail()}`);
    throw error;
  } finally {
    await server.stop();
  }
  log(
    `push ×${desks}: ${run.events} events in ${(run.wallMs / 1000).toFixed(1)} s = ${run.eventsPerSecond.toFixed(0)} events/s` +
      `${failures.length > 0 ? `; ${failures.length} failed pushes` : ''}${networkRetries > 0 ? `; ${networkRetries} pushes retried after a network error` : ''}`,
  );

  const stored = await storedEvents(target, deskEvents.flat(), warmUnit.deskId);
  const reference = await rawCopyReference(target, deskEvents, batchSize);
  log(`push ×${desks}: reference, raw COPY: ${reference.eventsPerSecond.toFixed(0)} events/s`);
  return {
    desks,
    batchesPerDesk,
    batchSize,
    server: { ...run, failures, overClientTimeout: run.latencies.filter((ms) => ms > CLIENT_TIMEOUT_MS).length },
    reference,
    stored,
    setupMs,
  };
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

/** The same rows the server stores, into a plain table (no keys, no indexes), one COPY per batch. */
async function rawCopyReference(target: DatabaseTarget, deskEvents: readonly DossierEvent[][], batchSize: number): Promise<ClosedLoopRun> {
  const statements = deskEvents.map((events) =>
    batchesOf(events, batchSize).map((batch) => {
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
  const copy = (source: string) => `copy raw_events (${COLUMNS.join(', ')}) from ${source} with (format csv)`;
  const create = `create table raw_events (id uuid, dossier_code text, type text, unit_id text, desk_id text, officer_id text, body jsonb, body_hash text, server_at timestamptz)`;
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // \`end()\` resolves before every socket has closed; dropping the database then terminates them.
    pool.on('error', () => undefined);
    try {
      await pool.query(create);
      return await closedLoop(statements, async (_desk, statement) => {
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
    return await closedLoop(statements, async (_desk, statement) => {
      await pglite.query(copy("'/dev/blob'"), [], { blob: new Blob([statement.csv]) });
      return statement.count;
    });
  } finally {
    await database.close();
  }
}
