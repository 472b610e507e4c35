// The desk benchmark's page: served from the renderer's origin (so it shares the app's IndexedDB
// and web key), driven by run-desk-bench.ts through `window.deskBench`.
import { Dexie } from 'dexie';
import { getChangedDocumentsSince } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { prepareFirstRun, prepareOfficer } from '../../../src/auth/first-run.ts';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import { createWorkingCalendar, isWorkingDay } from '../../../src/calendar/working-calendar.ts';
import { loadBundledCatalogue } from '../../../src/catalogue/bundled-catalogue.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { addDays, instantAt, localDateOf } from '../../../src/time/vn-time.ts';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import { FINISHED_LOOKBACK_DAYS, loadReportDossiers } from '../../../renderer/reports/load-report-dossiers.ts';
import { invertedInstant } from '../../../renderer/store/dossier-doc.ts';
import { reportDayEndId, reportDayId } from '../../../renderer/store/report-days.ts';
import { fromReportRow, parseReportRows } from '../../../renderer/store/report-rows.ts';
import { createBlindIndex } from '../../../renderer/store/blind-index.ts';
import { openDeskDatabase } from '../../../renderer/store/database.ts';
import { createDeskStore, createWebKeyProvider } from '../../../renderer/store/index.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { loadCalendarYears, loadCatalogue, loadSettings } from '../../../renderer/app/bootstrap.ts';
import { loadRecentProcedures } from '../../../renderer/screens/receive/recent-procedures.ts';
import { generateDossiers } from './dataset.ts';
import type { DatasetOptions } from './dataset.ts';
import { pairedOperations } from './operations.ts';
import type { OperationContext } from './operations.ts';
import { profileOperations } from './profile.ts';
import type { OperationProfile } from './profile.ts';
import { nameKeysCurrent } from '../../../renderer/store/search-key-format.ts';
import { toEventDoc } from './raw-dexie.ts';
import { openRawDesk } from './raw-schema.ts';
import type { RawDesk } from './raw-schema.ts';
import { measureCatchUp, seedDesk } from './seed.ts';
import type { SeedResult } from './seed.ts';

export interface PrepareOptions {
  size: number;
  /** The run's "now" (desk clock), Unix ms; default Friday 20/11/2026 09:00 in Vietnam. */
  nowMs?: number;
}

export interface PrepareResult extends SeedResult {
  officerId: string;
  /** The stored desk identity's id: a remembered login session is of this desk (renderer/app/session.ts). */
  deskId: string;
  seedMs: number;
  nowMs: number;
}

export interface OperationSamples {
  id: string;
  label: string;
  targetP95Ms?: number;
  store: number[];
  raw: number[];
  /** Iterations whose store and raw results differed (should be none but the receive codes). */
  mismatches: number;
  mismatchExample?: string;
}

export interface OpenSamples {
  /** createDeskStore on the seeded database. */
  storeOpen: number[];
  /** After opening: identity, officer and what startSession loads, then the recent procedures. */
  session: number[];
  /** Counting both collections, as the open's search-key check does. */
  fullCounts: number[];
  rawOpen: number[];
}

const IDENTITY_INPUT = {
  identity: { provinceCode: '01', provinceName: 'Thành phố Hà Nội', unitName: 'Phường Ba Đình', agencyId: '000.00.12.H23', slot: 1 },
  admin: { fullName: 'Nguyễn Thị Quản Trị', username: 'quantri', password: 'Mật-khẩu-123' },
};
const DEFAULT_NOW = instantAt('2026-11-20', 9 * 60);

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const log = (text: string) => console.log(`[bench] ${text}`);

function virtualClock(start: number) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

interface Session {
  store: DeskStore;
  raw: RawDesk;
  key: string;
  identity: DeskIdentity;
  officerId: string;
  clock: ReturnType<typeof virtualClock>;
  seed: SeedResult;
}

let session: Session | null = null;
const calendar = createWorkingCalendar({ years: loadBundledCalendarYears() });
const catalogue = loadBundledCatalogue();

function openStore(key: string, clock: () => number): Promise<DeskStore> {
  return createDeskStore({ storage: getRxStorageDexie(), encryptionKey: key, clock });
}

async function prepare(options: PrepareOptions): Promise<PrepareResult> {
  const nowMs = options.nowMs ?? DEFAULT_NOW;
  if (!isWorkingDay(calendar, localDateOf(nowMs))) throw new Error(`${localDateOf(nowMs)} is not a working day`);
  const clock = virtualClock(nowMs);
  const setupStarted = performance.now();
  const key = await createWebKeyProvider().getEncryptionKey();
  const store = await openStore(key, clock.now);
  const raw = openRawDesk();
  await raw.open();

  // The desk is set up the way the first-run and officer screens do it, through the store API.
  const newOfficerId = createEventIdGenerator({ now: clock.now, randomBytes });
  const passwords = createPasswordVerifier({ randomBytes });
  const { identity, admin } = await prepareFirstRun(IDENTITY_INPUT, { passwords, newOfficerId });
  const officer = await prepareOfficer(
    { fullName: 'Trần Thị Tiếp Nhận', username: 'tiepnhan', role: 'reception', password: 'Mật-khẩu-456' },
    identity.agencyId,
    { passwords, newOfficerId },
  );
  await store.identity.save(identity, 'local');
  await store.officers.save(admin, 'local');
  await store.officers.save(officer, 'local');

  log(`desk set up (identity, two officers) in ${(performance.now() - setupStarted).toFixed(0)} ms`);
  const dataset: DatasetOptions = {
    size: options.size,
    nowMs,
    agencyId: identity.agencyId,
    receptionOfficers: [officer.id, 'tn-quay-2', 'tn-quay-3'],
    processingOfficers: ['xl-ho-tich', 'xl-chung-thuc', 'xl-cu-tru'],
  };
  const started = performance.now();
  let reported = 0;
  const seed = await seedDesk(dataset, {
    store,
    raw,
    blind: await createBlindIndex(key),
    calendar,
    catalogue,
    deskSlot: identity.slot,
    onProgress(done) {
      if (done - reported >= 20_000) {
        reported = done;
        log(`seeded ${done} dossiers in ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    },
  });
  const seedMs = performance.now() - started;
  log(`seed timings (ms): ${JSON.stringify(seed.timings, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v))}`);
  session = { store, raw, key, identity, officerId: officer.id, clock, seed };
  return { ...seed, officerId: officer.id, deskId: identity.deskId, seedMs, nowMs };
}

/**
 * Re-opens a database seeded by an earlier run in this profile (`--profile-dir`): the same store,
 * reference and sample, without the hour of seeding at 200,000 dossiers.
 */
async function attach(prepared: PrepareResult): Promise<PrepareResult> {
  const clock = virtualClock(prepared.nowMs);
  const key = await createWebKeyProvider().getEncryptionKey();
  const store = await openStore(key, clock.now);
  const stored = (await store.identity.get())?.value;
  if (!stored) throw new Error('attach: the profile has no seeded desk (no identity)');
  await untilReportDaysBuilt(store);
  const raw = openRawDesk();
  await raw.open();
  // Every run receives 110 dossiers "today": a kept profile would use up a slot's 999 codes of
  // the day after a few runs, so each run receives at another desk slot (4–9; the seeded
  // dossiers of today use 1–3), its code hint cleared (codes already taken are walked past).
  const identity = { ...stored, slot: 4 + (Math.floor(Date.now() / 1000) % 6) };
  await store.settings.set('last-dossier-code', { code: null });
  await raw.settings.put({ id: 'last-dossier-code', value: { code: null } });
  session = { store, raw, key, identity, officerId: prepared.officerId, clock, seed: prepared };
  return { ...prepared, deskId: stored.deskId };
}

/**
 * A profile seeded with an older report-days format is rebuilt by the store in the background;
 * the operations are timed once that is over, as on any desk after its first start.
 */
async function untilReportDaysBuilt(store: DeskStore): Promise<void> {
  const started = performance.now();
  while (!(await store.reportDays.isComplete())) {
    if (performance.now() - started > 30 * 60_000) throw new Error('attach: the report days were not rebuilt within 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const ms = performance.now() - started;
  if (ms > 1_000) log(`report days rebuilt for the new format in ${(ms / 1000).toFixed(0)} s`);
  // Name keys of an older layout (a profile seeded before pair keys) get the new ones the same way.
  const keysStarted = performance.now();
  while (!(await nameKeysCurrent(store.settings))) {
    if (performance.now() - keysStarted > 30 * 60_000) throw new Error('attach: the name keys were not upgraded within 30 minutes');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const keysMs = performance.now() - keysStarted;
  if (keysMs > 1_000) log(`name keys upgraded to the new layout in ${(keysMs / 1000).toFixed(0)} s`);
}

function current(): Session {
  if (!session) throw new Error('call deskBench.prepare() first');
  return session;
}

async function operationContext(): Promise<OperationContext> {
  const s = current();
  return {
    store: s.store,
    raw: s.raw,
    blind: await createBlindIndex(s.key),
    identity: s.identity,
    officerId: s.officerId,
    calendar,
    catalogue,
    sample: s.seed.sample,
    clock: s.clock,
    newEventId: {
      store: createEventIdGenerator({ now: s.clock.now, randomBytes }),
      raw: createEventIdGenerator({ now: s.clock.now, randomBytes }),
    },
  };
}

async function measure(options: { iterations: number; warmup: number; only?: string[] }): Promise<OperationSamples[]> {
  const results: OperationSamples[] = [];
  for (const op of pairedOperations(await operationContext())) {
    if (options.only && !options.only.includes(op.id)) continue;
    const samples: OperationSamples = {
      id: op.id,
      label: op.label,
      store: [],
      raw: [],
      mismatches: 0,
      ...(op.targetP95Ms ? { targetP95Ms: op.targetP95Ms } : {}),
    };
    for (let i = 0; i < options.warmup + options.iterations; i += 1) {
      const fingerprints: Partial<Record<'store' | 'raw', string>> = {};
      // Alternate which side goes first so that neither always meets a warmer cache.
      for (const side of i % 2 === 0 ? (['store', 'raw'] as const) : (['raw', 'store'] as const)) {
        const started = performance.now();
        fingerprints[side] = await op[side](i);
        const ms = performance.now() - started;
        if (i >= options.warmup) samples[side].push(ms);
        if (side === 'store') await op.settle?.();
      }
      if (fingerprints.store !== fingerprints.raw) {
        samples.mismatches += 1;
        samples.mismatchExample ??= `store ${fingerprints.store?.slice(0, 120)} / raw ${fingerprints.raw?.slice(0, 120)}`;
      }
    }
    log(`${op.label}: done`);
    results.push(samples);
  }
  return results;
}

/** Storage calls per store operation (see profile.ts), on inputs the measurement did not use. */
async function profile(iterations: number): Promise<OperationProfile[]> {
  return profileOperations(current().store, pairedOperations(await operationContext()), iterations, 50_021);
}

/** Re-opens the store and the reference database `repeats` times: the data part of a cold start. */
async function measureOpen(repeats: number): Promise<OpenSamples> {
  const s = current();
  const out: OpenSamples = { storeOpen: [], session: [], fullCounts: [], rawOpen: [] };
  for (let i = 0; i < repeats; i += 1) {
    await s.store.close();
    let started = performance.now();
    s.store = await openStore(s.key, s.clock.now);
    out.storeOpen.push(performance.now() - started);

    started = performance.now();
    await s.store.identity.get();
    await s.store.officers.hasAdministrator();
    await s.store.officers.byId(s.officerId);
    await Promise.all([loadSettings(s.store), loadCalendarYears(s.store), loadCatalogue(s.store), s.store.officers.list()]);
    await loadRecentProcedures(s.store, s.officerId);
    out.session.push(performance.now() - started);

    const { dossiers, searchkeys } = s.store.database.collections;
    started = performance.now();
    await Promise.all([dossiers.count().exec(), searchkeys.count().exec()]);
    out.fullCounts.push(performance.now() - started);

    s.raw.close();
    started = performance.now();
    s.raw = openRawDesk();
    await s.raw.open();
    await s.raw.settings.get('last-dossier-code');
    out.rawOpen.push(performance.now() - started);
  }
  return out;
}

/**
 * The store's open split into its steps, each on a freshly opened database (RxDB caches counts):
 * open + collections, the two whole-collection counts of `repairSearchKeys`, the catch-up.
 */
async function diagnoseOpen(): Promise<Record<string, number>> {
  const s = current();
  await s.store.close();
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await run();
    steps[name] = performance.now() - started;
    return value;
  };
  const db = await step('createRxDatabase + addCollections', () => openDeskDatabase({ storage: getRxStorageDexie(), encryptionKey: s.key }));
  await step('count(dossiers)', () => db.collections.dossiers.count().exec());
  await step('count(searchkeys)', () => db.collections.searchkeys.count().exec());
  await step('getChangedDocumentsSince(events, 500, null)', () => getChangedDocumentsSince(db.collections.events.storageInstance, 500));
  await db.close();
  s.store = await step('createDeskStore (all of it)', () => openStore(s.key, s.clock.now));
  return steps;
}

/** A sync pull of another unit's dossiers: bulk insert of events, then the projector's catch-up. */
async function measureSyncCatchUp(dossiers: number): Promise<{ dossiers: number; events: number; ms: number }> {
  const s = current();
  // A kept profile is measured again and again: each run pulls another unit's dossiers, so its
  // events are new to the store (the same ones would be refused as already stored).
  const run = Math.floor(Date.now() / 1000) % 1000;
  const generated = [
    ...generateDossiers(
      {
        size: dossiers,
        nowMs: s.clock.now(),
        agencyId: `${String(run).padStart(3, '0')}.00.13.H23`,
        receptionOfficers: ['tn-don-vi-khac'],
        processingOfficers: ['xl-don-vi-khac'],
        seed: 7 + run,
        firstDay: '2026-10-01',
      },
      calendar,
      catalogue,
    ),
  ];
  const docs = generated.flatMap((d) => d.events.map(toEventDoc));
  const result = await measureCatchUp(s.store, docs);
  return { ...result, events: docs.length };
}

export interface ReportSamples {
  /** loadReportDossiers (the report screen's read) + computeOfficialReport, by procedure. */
  store: number[];
  /** The same dossiers read from raw Dexie's received-date and status indexes + the same computation. */
  raw: number[];
  /** Of the store figure: the read alone. */
  storeRead: number[];
  dossiers: number;
}

const REPORT_PERIOD = { from: '2025-01-01', to: '2025-12-31' } as const;

/** A year's official report on the desk, as the Báo cáo screen computes it. */
async function measureReport(repeats: number): Promise<ReportSamples> {
  const s = current();
  const out: ReportSamples = { store: [], raw: [], storeRead: [], dossiers: 0 };
  const startIso = new Date(instantAt(addDays(REPORT_PERIOD.from, -FINISHED_LOOKBACK_DAYS), 0)).toISOString();
  for (let i = 0; i < repeats; i += 1) {
    let started = performance.now();
    const dossiers = await loadReportDossiers(s.store, REPORT_PERIOD);
    out.storeRead.push(performance.now() - started);
    const report = computeOfficialReport({ dossiers, period: REPORT_PERIOD, groupBy: 'procedure' });
    out.store.push(performance.now() - started);
    out.dossiers = dossiers.length;

    started = performance.now();
    // The same design read with raw Dexie: the report days, then the old open dossiers by index.
    const found = new Map<string, DossierState>();
    const firstDay = addDays(REPORT_PERIOD.from, -FINISHED_LOOKBACK_DAYS);
    const days = await s.raw.settings.where('id').between(reportDayId(firstDay), reportDayEndId(REPORT_PERIOD.to), true, false).toArray();
    for (const day of days) {
      for (const [code, row] of Object.entries(parseReportRows(day.value.rows as string))) found.set(code, fromReportRow(code, row));
    }
    for (const status of [1, 2, 4, 5, 6]) {
      const open = await s.raw.dossiers.where('[status+receivedDescKey]').between([status, `${invertedInstant(startIso)}~`], [status, Dexie.maxKey]).toArray();
      for (const doc of open) found.set(doc.code, doc.state as unknown as DossierState);
    }
    const rawReport = computeOfficialReport({ dossiers: [...found.values()], period: REPORT_PERIOD, groupBy: 'procedure' });
    out.raw.push(performance.now() - started);
    if (rawReport.total.received.total !== report.total.received.total) throw new Error(`year report: store counts ${report.total.received.total} received, raw ${rawReport.total.received.total}`);
  }
  return out;
}

/** The first alert count after the store opens: it loads the in-memory deadline index. */
async function measureAlertIndexLoad(repeats: number): Promise<number[]> {
  const s = current();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    await s.store.close();
    s.store = await openStore(s.key, s.clock.now);
    const started = performance.now();
    await s.store.dossiers.counts({ statuses: [2, 4], deadline: { before: new Date(s.clock.now()).toISOString() } });
    samples.push(performance.now() - started);
  }
  return samples;
}

async function close(): Promise<void> {
  if (!session) return;
  await session.store.close();
  session.raw.close();
  session = null;
}

const api = { prepare, attach, measure, profile, measureOpen, diagnoseOpen, measureSyncCatchUp, measureReport, measureAlertIndexLoad, close };
export type DeskBenchApi = typeof api;
(window as unknown as { deskBench: DeskBenchApi }).deskBench = api;
document.body.dataset.ready = 'true';
