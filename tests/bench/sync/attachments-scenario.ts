import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { assemblePdf } from '../../../src/attachments/assemble-pdf.ts';
import { checkIncomingFile } from '../../../src/attachments/check-file.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { openBlobStore } from '../../../renderer/store/blob-store.ts';
import { createDeskStore } from '../../../renderer/store/desk-store.ts';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';
import type { DayEndReport } from '../../../sync/client/day-end.ts';
import { startDeskSync } from '../../../sync/client/desk-sync.ts';
import { enrollDesk } from '../../../sync/client/enrollment.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { signAll } from '../../support/desk-session.ts';
import { summarize } from '../support/stats.ts';
import type { Summary } from '../support/stats.ts';
import type { BenchDatabases } from './databases.ts';
import { dossierLifecycles } from './dataset.ts';
import { startLink } from './link.ts';
import type { WireBytes } from './link.ts';
import { rawTransfer } from './raw-transfer.ts';
import type { LinkShape, RawTransferResult } from './raw-transfer.ts';
import { scannedPage } from './scanned-pages.ts';
import type { ScannedPage } from './scanned-pages.ts';
import { PROVINCE_CHOICE, seedCommunes, startBenchServer } from './world.ts';

/**
 * Issue 22 point 8: a desk's day of scanned papers goes to the server over a poor link (1 Mbit/s,
 * 300 ms round trip) that drops three times. The desk runs the real sync client with its blob store
 * (tus uploads fed from the encrypted chunks), the real server process keeps the files on disk and
 * checks each one's SHA-256. Beside it: the same bytes sent raw through the same link, the desk's
 * memory during the uploads, and how long "capture → saved" takes for one paper.
 */
export interface AttachmentsOptions {
  dossiers: number;
  pagesPerPaper: number;
  /** Fraction of A4 at 200 dpi for the pages (1: real size; smoke runs use small pages). */
  pageScale: number;
  link: LinkShape;
  /** Fractions of the uploads' bytes after which every connection is cut. */
  cutsAt: readonly number[];
  log: (text: string) => void;
}

export interface AttachmentsResult {
  dossiers: number;
  files: number;
  pages: number;
  pageBytes: { min: number; mean: number; max: number };
  fileBytes: { total: number; mean: number };
  /** From starting sync until the desk knows every file is on the server. */
  ms: number;
  raw: RawTransferResult;
  /** ms / raw.ms. */
  ratio: number;
  cuts: Array<{ atMs: number; stored: number; fraction: number }>;
  wire: WireBytes & { byKind: Record<string, WireBytes> };
  server: { stored: number; verified: number; lost: number; mismatched: number; rows: number };
  desk: { idleRssMiB: number; peakRssMiB: number; rssAboveIdleMiB: number; idleHeapMiB: number; peakHeapMiB: number; heapAboveIdleMiB: number; pendingAfter: number };
  /** assemblePdf + checkIncomingFile + blobStore.put, one paper each. */
  capture: Summary;
  dayEnd: Pick<DayEndReport, 'ok' | 'error' | 'pendingAfter' | 'attachments'>;
}

const MiB = 1024 * 1024;

export async function attachmentsScenario(databases: BenchDatabases, options: AttachmentsOptions): Promise<AttachmentsResult> {
  const { log } = options;
  const target = await databases.scenario('attachments');
  const [unit] = await seedCommunes(target, 1, { redeem: false });
  if (!unit) throw new Error('no commune seeded');
  const blobDir = mkdtempSync(join(tmpdir(), 'motcua-bench-blobs-'));
  const server = await startBenchServer(target, { blobDir });
  const link = await startLink(server.port);
  const store = await createDeskStore({ storage: getRxStorageMemory(), encryptionKey: randomBytes(32).toString('hex'), name: `bench-attachments-${process.pid}-${Date.now()}`, clock: Date.now });
  const blobs = await openBlobStore({
    encryptionKey: randomBytes(32).toString('hex'),
    name: `bench-attachment-blobs-${process.pid}-${Date.now()}`,
    indexedDB,
    IDBKeyRange,
    estimate: async () => ({ usage: 0, quota: 1024 ** 4 }),
  });
  let stopSync: (() => Promise<void>) | null = null;
  let serverStopped = false;
  try {
    const { enrollment } = await enrollDesk(store, { serverUrl: link.url, code: unit.code, province: PROVINCE_CHOICE }, { clock: Date.now });
    const actors = { ...unit, deskId: enrollment.deskId };

    // The papers: scanned pages (the scanner's work, not timed), then capture → saved, timed.
    log(`attachments: scanning ${options.dossiers * options.pagesPerPaper} pages…`);
    const received = dossierLifecycles(actors, { dossiers: options.dossiers, nowMs: Date.now() }).filter((event) => event.type === 'RECEIVED');
    const pageSizes: number[] = [];
    const files: Array<{ hash: string; size: number; pages: number }> = [];
    const captureMs: number[] = [];
    for (const [index, dossier] of received.entries()) {
      const pages: ScannedPage[] = [];
      for (let page = 0; page < options.pagesPerPaper; page += 1) pages.push(scannedPage({ seed: index * 100 + page + 1, scale: options.pageScale }));
      pageSizes.push(...pages.map((page) => page.bytes.length));
      const started = performance.now();
      const pdf = await assemblePdf(
        pages.map((page) => ({ bytes: page.bytes, kind: 'jpeg' as const, width: page.width, height: page.height, dpi: page.dpi })),
        { title: `Hồ sơ ${dossier.dossierCode}`, createdAt: Date.parse(dossier.at) },
      );
      const checked = await checkIncomingFile({ name: 'to-khai.pdf', bytes: pdf });
      if (!checked.ok) throw new Error(`the assembled paper was refused: ${checked.error.message}`);
      const stored = await blobs.put(pdf, 'application/pdf');
      captureMs.push(performance.now() - started);
      files.push({ hash: stored.hash, size: stored.size, pages: pages.length });
    }
    const totalBytes = files.reduce((sum, file) => sum + file.size, 0);
    log(`attachments: ${files.length} papers, ${(totalBytes / MiB).toFixed(1)} MiB; capture → saved p95 ${summarize(captureMs).p95.toFixed(0)} ms`);

    // The day's events: each dossier received, then its paper attached.
    await store.database.collections.events.bulkInsert([...received, ...attachedEvents(actors, received, files)].map(eventDocOf));
    await store.projections.catchUp();

    await link.meterUploads({ fractions: [...options.cutsAt], totalBytes });
    await link.shape(options.link.delayMs, options.link.bytesPerSecond);
    const idle = await sampleMemory(2_000);

    const started = performance.now();
    const memory = startMemorySampler();
    const sync = await startDeskSync({ store, enrollment, clock: Date.now, blobs });
    stopSync = () => sync.stop();
    let doneAt: number | null = null;
    let lastLogged = 0;
    const deadline = started + Math.max(300_000, ((totalBytes / options.link.bytesPerSecond) * 1000) * 4);
    while (performance.now() < deadline) {
      const status = sync.status();
      if (status.pending === 0 && status.attachmentsPending === 0) {
        doneAt = performance.now();
        break;
      }
      if (performance.now() - lastLogged > 15_000) {
        lastLogged = performance.now();
        log(`attachments: ${status.attachmentsPending ?? '?'} files waiting at ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const peak = memory.stop();
    if (doneAt === null) throw new Error(`attachments: files still waiting after ${((deadline - started) / 1000).toFixed(0)} s`);
    const ms = doneAt - started;
    const report = await sync.dayEnd();
    const wire = await link.report();
    await link.shape(0, 0);
    await sync.stop();
    stopSync = null;
    log(`attachments: every file acknowledged after ${(ms / 1000).toFixed(1)} s (${wire.cuts.length} cuts)`);

    // What the server holds: each file read back and hashed; its rows (PGlite: server stopped first).
    await server.stop();
    serverStopped = true;
    let verified = 0;
    let mismatched = 0;
    let present = 0;
    for (const file of files) {
      const path = join(blobDir, 'blobs', file.hash.slice(0, 2), file.hash.slice(2, 4), file.hash);
      if (!existsSync(path)) continue;
      present += 1;
      if (createHash('sha256').update(readFileSync(path)).digest('hex') === file.hash) verified += 1;
      else mismatched += 1;
    }
    const database = await openDatabase(target, { migrate: false });
    let rows: number;
    try {
      rows = (await database.db.selectFrom('attachment_blobs').select('hash').execute()).length;
    } finally {
      await database.close();
    }

    log(`attachments: raw reference, the same bytes through the same link with no protocol…`);
    const raw = await rawTransfer(
      files.map((file) => randomBytes(file.size)),
      [],
      options.link,
    );
    return {
      dossiers: options.dossiers,
      files: files.length,
      pages: pageSizes.length,
      pageBytes: { min: Math.min(...pageSizes), mean: pageSizes.reduce((a, b) => a + b, 0) / pageSizes.length, max: Math.max(...pageSizes) },
      fileBytes: { total: totalBytes, mean: totalBytes / files.length },
      ms,
      raw,
      ratio: ms / raw.ms,
      cuts: wire.cuts,
      wire: { up: wire.up, down: wire.down, byKind: wire.byKind },
      server: { stored: present, verified, lost: files.length - verified, mismatched, rows },
      desk: {
        idleRssMiB: idle.rss / MiB,
        peakRssMiB: peak.rss / MiB,
        rssAboveIdleMiB: (peak.rss - idle.rss) / MiB,
        idleHeapMiB: idle.heapUsed / MiB,
        peakHeapMiB: peak.heapUsed / MiB,
        heapAboveIdleMiB: (peak.heapUsed - idle.heapUsed) / MiB,
        pendingAfter: report.attachments?.pendingAfter ?? -1,
      },
      capture: summarize(captureMs),
      dayEnd: { ok: report.ok, error: report.error, pendingAfter: report.pendingAfter, ...(report.attachments ? { attachments: report.attachments } : {}) },
    };
  } catch (error) {
    if (!serverStopped) log(`attachments: server log tail:\n${server.tail()}`);
    throw error;
  } finally {
    await stopSync?.().catch(() => undefined);
    blobs.close();
    await store.close().catch(() => undefined);
    await link.close();
    if (!serverStopped) await server.stop();
    rmSync(blobDir, { recursive: true, force: true });
  }
}

/** Each dossier's ATTACHED event, a few minutes after its receipt, signed like the rest. */
function attachedEvents(actors: Parameters<typeof dossierLifecycles>[0], received: readonly DossierEvent[], files: ReadonlyArray<{ hash: string; size: number; pages: number }>): DossierEvent[] {
  let clock = 0;
  const nextId = createEventIdGenerator({ now: () => clock, randomBytes: (n) => new Uint8Array(randomBytes(n)) });
  const events = received.map((dossier, index) => {
    const file = files[index];
    if (!file) throw new Error('one file per dossier');
    clock = Date.parse(dossier.at) + 5 * 60_000;
    return createEvent(
      {
        type: 'ATTACHED',
        dossierCode: dossier.dossierCode,
        officerId: actors.receptionOfficerId,
        deskId: actors.deskId,
        unitId: actors.unitId,
        payload: { hash: file.hash, size: file.size, mediaType: 'application/pdf', pages: file.pages, role: 'paper', paper: 'Tờ khai' },
      },
      { nextId, now: () => clock },
    );
  });
  const verifier = actors.officerVerifier;
  return verifier === undefined ? events : signAll(events, actors.deskId, () => verifier);
}

interface MemoryFigures {
  rss: number;
  heapUsed: number;
}

/** The desk process's memory at rest: the median of samples over `ms`. */
async function sampleMemory(ms: number): Promise<MemoryFigures> {
  const samples: MemoryFigures[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ rss, heapUsed });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  return { rss: median(samples.map((s) => s.rss)), heapUsed: median(samples.map((s) => s.heapUsed)) };
}

/** The highest memory figures seen until `stop`. */
function startMemorySampler(): { stop(): MemoryFigures } {
  const peak: MemoryFigures = { rss: 0, heapUsed: 0 };
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}
