import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { canonicalJson } from '../../../src/canonical-json.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { createDeskStore } from '../../../renderer/store/desk-store.ts';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';
import type { DayEndProgress, DayEndReport } from '../../../sync/client/day-end.ts';
import { startDeskSync } from '../../../sync/client/desk-sync.ts';
import { DEFAULT_PULL_BATCH_SIZE, DEFAULT_PUSH_BATCH_SIZE } from '../../../sync/client/event-replication.ts';
import { enrollDesk } from '../../../sync/client/enrollment.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { BenchDatabases } from './databases.ts';
import { dossierLifecycles } from './dataset.ts';
import { startLink } from './link.ts';
import type { WireBytes } from './link.ts';
import { rawTransfer } from './raw-transfer.ts';
import type { LinkShape, RawTransferResult } from './raw-transfer.ts';
import { PROVINCE_CHOICE, seedCommunes, startBenchServer } from './world.ts';

/**
 * Issue 6 point 14, first figure: a desk that worked offline syncs its dossiers at the end of the
 * day over a poor link (1 Mbit/s each way, 150 ms each way) that drops three times. The desk runs
 * the real sync client (sync/client: RxDB replication, SSE stream, backoff, day-end cycle) on the
 * real desk store (`createDeskStore`, encrypted as on a desk; see `deskStorage`), against the real
 * server process behind tests/support/tcp-proxy.ts (in a process of its own: link.ts).
 */

export interface DayEndOptions {
  dossiers: number;
  link: LinkShape;
  /** Fractions of the events stored on the server after which every connection is cut. */
  cutsAt: readonly number[];
  /**
   * The bench's batch (run-sync-bench: 100, smoke 20). At 100 the desk runs the app's own batch
   * sizes (sync/client/event-replication.ts); a smaller one is forced on the client, so that a
   * smoke run's few events still make several pushes to cut.
   */
  batchSize: number;
  /**
   * The desk store's RxDB storage: `dexie` is the app's (Dexie), over fake-indexeddb here, an
   * IndexedDB written in JavaScript and much slower than Chromium's; `memory` is RxDB's in-memory
   * storage. Both encrypt the personal fields like the app.
   */
  deskStorage: 'dexie' | 'memory';
  /** Day-end cycles the officer may start ("Thử lại") before the bench gives up. */
  maxAttempts: number;
  log: (text: string) => void;
}

export interface DayEndResult {
  deskStorage: DayEndOptions['deskStorage'];
  dossiers: number;
  events: number;
  /** From starting sync on the desk to the day-end report that says everything went through. */
  ms: number;
  attempts: number;
  reports: Array<Omit<DayEndReport, 'rejected'> & { rejected: number; reasons: string[] }>;
  /** When each cut came, and how many events the server had stored by then. */
  cuts: Array<{ atMs: number; stored: number; fraction: number }>;
  /** When the push answers said every event was stored; the rest is reading back and re-projecting. */
  allStoredAtMs: number | null;
  wire: WireBytes & { byKind: Record<string, WireBytes> };
  /** Bytes per event on the wire (both directions, every request, as the proxy forwarded them). */
  wireBytesPerEvent: number;
  /** Canonical JSON of the events themselves. */
  canonicalBytesPerEvent: number;
  server: { events: number; distinct: number; lost: number; unexpected: number; duplicated: number; dossiers: number; byStatus: Record<string, number> };
  desk: { events: number; pendingAfter: number; rejected: number };
  raw: RawTransferResult;
  /** Bodies of one clean pass, gzipped as they travel: what the raw reference sends. */
  cleanPass: { pushBodies: number; pushBytes: number; pullPages: number; pullBytes: number; pushBatch: number; pullBatch: number };
  seedMs: number;
}

/** The run-sync-bench batch that means "the app's own batch sizes". */
const APP_DEFAULTS_BATCH = 100;

/**
 * The push bodies and pulled pages of one clean pass as they travel: the client's batches, its
 * JSON gzipped (as the desk sends it), and the pages the server serves this desk (its own events
 * as stamps, `own=stamps`) gzipped as the server sends them.
 */
function cleanPass(events: readonly DossierEvent[], pushBatch: number, pullBatch: number): { push: Buffer[]; pull: Buffer[] } {
  const push: Buffer[] = [];
  const pull: Buffer[] = [];
  const serverAt = new Date().toISOString();
  for (let at = 0; at < events.length; at += pushBatch) {
    const batch = events.slice(at, at + pushBatch);
    push.push(gzipSync(JSON.stringify(batch.map((event) => ({ newDocumentState: event })))));
  }
  for (let at = 0; at < events.length; at += pullBatch) {
    const batch = events.slice(at, at + pullBatch);
    const documents = batch.map((event) => ({ id: event.id, serverAt, stampOnly: true, _deleted: false }));
    pull.push(gzipSync(JSON.stringify({ documents, checkpoint: { seq: at + batch.length } })));
  }
  return { push, pull };
}

export async function dayEndScenario(databases: BenchDatabases, options: DayEndOptions): Promise<DayEndResult> {
  const { log, batchSize } = options;
  const target = await databases.scenario(`day_end_${options.deskStorage}`);
  const [unit] = await seedCommunes(target, 1, { redeem: false });
  if (!unit) throw new Error('no commune seeded');
  const server = await startBenchServer(target);
  log(`day-end: server started`);
  const link = await startLink(server.port);
  const store = await createDeskStore({
    storage: options.deskStorage === 'dexie' ? getRxStorageDexie({ indexedDB, IDBKeyRange }) : getRxStorageMemory(),
    encryptionKey: randomBytes(32).toString('hex'),
    name: `bench-day-end-${options.deskStorage}-${process.pid}-${Date.now()}`,
    clock: Date.now,
  });
  let stopSync: (() => Promise<void>) | null = null;
  let serverStopped = false;
  try {
    // Enrollment and seeding are set-up: the link is only degraded for the day-end sync.
    const { enrollment } = await enrollDesk(store, { serverUrl: link.url, code: unit.code, province: PROVINCE_CHOICE }, { clock: Date.now });
    const seedStarted = performance.now();
    const events = dossierLifecycles({ ...unit, deskId: enrollment.deskId }, { dossiers: options.dossiers, nowMs: Date.now() });
    // What `events.append` leaves behind, without its per-event projection: the events in the
    // log, then the projections caught up (as after a pull).
    for (let at = 0; at < events.length; at += 1000) {
      await store.database.collections.events.bulkInsert(events.slice(at, at + 1000).map(eventDocOf));
    }
    await store.projections.catchUp();
    const seedMs = performance.now() - seedStarted;
    log(`day-end (${options.deskStorage}): desk ${enrollment.deskId} holds ${options.dossiers} dossiers, ${events.length} events (seeded in ${(seedMs / 1000).toFixed(1)} s)`);

    const appDefaults = batchSize === APP_DEFAULTS_BATCH;
    const pushBatch = appDefaults ? DEFAULT_PUSH_BATCH_SIZE : batchSize;
    const pullBatch = appDefaults ? DEFAULT_PULL_BATCH_SIZE : batchSize;
    const pass = cleanPass(events, pushBatch, pullBatch);
    const pushBytesClean = pass.push.reduce((sum, body) => sum + body.length, 0);
    await link.meter({ thresholds: [...options.cutsAt].sort((a, b) => a - b), events: events.length, halfBody: pushBytesClean / pass.push.length / 2 });
    await link.shape(options.link.delayMs, options.link.bytesPerSecond);

    const started = performance.now();
    // The desk comes back online and the officer starts the day-end sync right away; after a
    // failed cycle the officer presses "Thử lại", as the dialog offers.
    const sync = await startDeskSync({ store, enrollment, clock: Date.now, ...(appDefaults ? {} : { batchSize }) });
    stopSync = () => sync.stop();
    const reports: DayEndResult['reports'] = [];
    let last: DayEndReport | null = null;
    while (reports.length < options.maxAttempts) {
      let stage: DayEndProgress['stage'] | null = null;
      last = await sync.dayEnd((progress) => {
        if (progress.stage === stage) return;
        stage = progress.stage;
        log(`day-end (${options.deskStorage}): ${stage} at ${((performance.now() - started) / 1000).toFixed(1)} s (${progress.sent} sent, ${progress.received} received)`);
      });
      reports.push({ ...last, rejected: last.rejected.length, reasons: last.rejected.slice(0, 5).map((r) => `${r.type} ${r.dossierCode}: ${r.code} ${r.message}`) });
      log(
        `day-end (${options.deskStorage}): cycle ${reports.length} ${last.ok ? 'ok' : `not finished (${last.error ?? `${last.pendingAfter} waiting`})`} after ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      if (last.ok) break;
    }
    const ms = performance.now() - started;
    const wire = await link.report();
    await link.shape(0, 0);
    const deskEvents = await store.database.collections.events.count().exec();
    const status = sync.status();
    await sync.stop();
    stopSync = null;

    // What the server holds (PGlite: one process per directory, so stop the server first).
    await server.stop();
    serverStopped = true;
    const database = await openDatabase(target, { migrate: false });
    let serverFacts: DayEndResult['server'];
    try {
      const rows = await database.db.selectFrom('events').select(['id']).execute();
      const ids = rows.map((row) => String(row.id));
      const distinct = new Set(ids);
      const expected = new Set(events.map((event) => event.id));
      const dossierRows = await database.db.selectFrom('dossiers').select(['status']).execute();
      const byStatus: Record<string, number> = {};
      for (const row of dossierRows) byStatus[String(row.status)] = (byStatus[String(row.status)] ?? 0) + 1;
      serverFacts = {
        events: ids.length,
        distinct: distinct.size,
        lost: [...expected].filter((id) => !distinct.has(id)).length,
        unexpected: [...distinct].filter((id) => !expected.has(id)).length,
        duplicated: ids.length - distinct.size,
        dossiers: dossierRows.length,
        byStatus,
      };
    } finally {
      await database.close();
    }

    log(`day-end: raw reference, the same bodies through the same link with no protocol…`);
    const raw = await rawTransfer(pass.push, pass.pull, options.link);
    const canonicalBytes = events.reduce((sum, event) => sum + Buffer.byteLength(canonicalJson(event)), 0);
    return {
      deskStorage: options.deskStorage,
      dossiers: options.dossiers,
      events: events.length,
      ms,
      attempts: reports.length,
      reports,
      cuts: wire.cuts,
      allStoredAtMs: wire.allStoredAtMs,
      wire: { up: wire.up, down: wire.down, byKind: wire.byKind },
      wireBytesPerEvent: (wire.up + wire.down) / events.length,
      canonicalBytesPerEvent: canonicalBytes / events.length,
      server: serverFacts,
      desk: { events: deskEvents, pendingAfter: last?.pendingAfter ?? status.pending, rejected: status.rejected },
      raw,
      cleanPass: { pushBodies: pass.push.length, pushBytes: pushBytesClean, pullPages: pass.pull.length, pullBytes: raw.downBytes, pushBatch, pullBatch },
      seedMs,
    };
  } catch (error) {
    if (!serverStopped) log(`day-end: server log tail:\n${server.tail()}`);
    throw error;
  } finally {
    await stopSync?.().catch(() => undefined);
    await store.close().catch(() => undefined);
    await link.close();
    if (!serverStopped) await server.stop();
  }
}
