import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import type { Catalogue } from '../../../src/catalogue/catalogue.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import type { BlindIndex } from '../../../renderer/store/blind-index.ts';
import { personalDataOf, toDossierDoc } from '../../../renderer/store/dossier-doc.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { searchKeyId } from '../../../renderer/store/name-keys.ts';
import { receiptBucketOf, reportBucketDoc, reportDaysBuiltDoc } from '../../../renderer/store/report-days.ts';
import { toReportRow } from '../../../renderer/store/report-rows.ts';
import type { ReportRows } from '../../../renderer/store/report-rows.ts';
import { searchKeysOf } from '../../../renderer/store/projector.ts';
import type { DossierDoc } from '../../../renderer/store/schemas/dossier-schema.ts';
import type { EventDoc } from '../../../renderer/store/schemas/event-schema.ts';
import { generateDossiers } from './dataset.ts';
import type { DatasetOptions } from './dataset.ts';
import { toEventDoc } from './raw-dexie.ts';
import type { RawDesk } from './raw-dexie.ts';

/**
 * Fills the desk store and the raw Dexie reference with the same documents.
 *
 * `events.append` re-projects after every event (several reads and writes each), and a sync-style
 * bulk insert of events followed by `projections.catchUp()` projects one dossier at a time too:
 * both take far too long for 200,000 dossiers. So the seed builds the documents with the store's
 * own builders (`splitPersonal` → event docs, `projectDossier` + `toDossierDoc` → projections,
 * `searchKeysOf` → search keys, `toReportRow` → report days) and bulk-inserts them into the
 * store's RxDB collections, then moves the projection checkpoint past the seeded events, as a
 * finished catch-up would.
 */

/** The projector's settings key (renderer/store/projector.ts); not exported by the store. */
const PROJECTION_CHECKPOINT_KEY = 'projection-checkpoint';
const BATCH = 1_000;

export interface SeedTimings {
  /** Generating events (with the domain's validation) and building documents. */
  buildMs: number;
  /** Wall time of the store's inserts; the three collections are written concurrently. */
  storeWallMs: number;
  storeEventsMs: number;
  storeDossiersMs: number;
  storeSearchKeysMs: number;
  rawMs: number;
}

export interface SeedSample {
  code: string;
  fullName: string;
  procedureCode: string;
}

export interface SeedResult {
  dossiers: number;
  events: number;
  searchKeys: number;
  timings: SeedTimings;
  /** About 4,000 seeded dossiers spread over the whole range: inputs for the measurements. */
  sample: SeedSample[];
  /** The last code this desk (slot) issued on the benchmark's day: the receive screen's hint. */
  lastCodeToday: string | null;
  /** Dossiers per status, to describe the dataset. */
  statuses: Record<string, number>;
}

interface Checkpoint {
  id: string;
  lwt: number;
}

export interface SeedTargets {
  store: DeskStore;
  raw: RawDesk;
  blind: BlindIndex;
  calendar: WorkingCalendar;
  catalogue: Catalogue;
  deskSlot: number;
  onProgress?: (done: number) => void;
}

async function timed<T>(run: () => Promise<T>, add: (ms: number) => void): Promise<T> {
  const started = performance.now();
  const value = await run();
  add(performance.now() - started);
  return value;
}

export async function seedDesk(options: DatasetOptions, targets: SeedTargets): Promise<SeedResult> {
  const { store, raw, blind } = targets;
  const collections = store.database.collections;
  const timings: SeedTimings = { buildMs: 0, storeWallMs: 0, storeEventsMs: 0, storeDossiersMs: 0, storeSearchKeysMs: 0, rawMs: 0 };
  const every = Math.max(1, Math.floor(options.size / 4_000));
  const today = localDateOf(options.nowMs);
  const result: SeedResult = { dossiers: 0, events: 0, searchKeys: 0, timings, sample: [], lastCodeToday: null, statuses: {} };
  let checkpoint: Checkpoint | null = null;

  const reportDays = new Map<string, ReportRows>();
  const generator = generateDossiers(options, targets.calendar, targets.catalogue);
  for (;;) {
    let started = performance.now();
    const eventDocs: EventDoc[] = [];
    const dossierDocs: DossierDoc[] = [];
    const keyDocs: { id: string; code: string }[] = [];
    for (let n = 0; n < BATCH; n += 1) {
      const next = generator.next();
      if (next.done) break;
      const dossier = next.value;
      const state = projectDossier(dossier.events);
      const doc = toDossierDoc(state);
      eventDocs.push(...dossier.events.map(toEventDoc));
      dossierDocs.push(doc);
      const hour = receiptBucketOf(state);
      if (hour !== null) {
        const rows = reportDays.get(hour) ?? {};
        rows[doc.code] = toReportRow(state);
        reportDays.set(hour, rows);
      }
      for (const key of await searchKeysOf(doc.applicantName, personalDataOf(state, dossier.events), blind)) keyDocs.push({ id: searchKeyId(key, doc.receivedDescKey), code: doc.code });
      if (result.dossiers % every === 0) result.sample.push({ code: doc.code, fullName: doc.applicantName, procedureCode: doc.procedureCode });
      if (dossier.slot === targets.deskSlot && doc.code.includes(`-${today.slice(2, 4)}${today.slice(5, 7)}${today.slice(8, 10)}-`)) {
        result.lastCodeToday = doc.code;
      }
      result.statuses[doc.status] = (result.statuses[doc.status] ?? 0) + 1;
      result.dossiers += 1;
    }
    timings.buildMs += performance.now() - started;
    if (dossierDocs.length === 0) break;

    started = performance.now();
    // The three collections are separate IndexedDB databases: their inserts overlap.
    const [inserted, projected, keys] = await Promise.all([
      timed(() => collections.events.bulkInsert(eventDocs), (ms) => (timings.storeEventsMs += ms)),
      timed(() => collections.dossiers.bulkInsert(dossierDocs), (ms) => (timings.storeDossiersMs += ms)),
      timed(() => collections.searchkeys.bulkInsert(keyDocs), (ms) => (timings.storeSearchKeysMs += ms)),
    ]);
    for (const [what, outcome] of [['events', inserted], ['dossiers', projected], ['search keys', keys]] as const) {
      if (outcome.error.length > 0) throw new Error(`seed: ${outcome.error.length} ${what} refused: ${JSON.stringify(outcome.error[0]).slice(0, 300)}`);
    }
    for (const doc of inserted.success) {
      const lwt = doc.toJSON(true)._meta.lwt;
      if (!checkpoint || lwt > checkpoint.lwt || (lwt === checkpoint.lwt && doc.primary > checkpoint.id)) checkpoint = { id: doc.primary, lwt };
    }
    timings.storeWallMs += performance.now() - started;

    started = performance.now();
    await raw.transaction('rw', [raw.events, raw.dossiers, raw.searchkeys], async () => {
      await raw.events.bulkAdd(eventDocs);
      await raw.dossiers.bulkAdd(dossierDocs);
      await raw.searchkeys.bulkAdd(keyDocs);
    });
    timings.rawMs += performance.now() - started;

    result.events += eventDocs.length;
    result.searchKeys += keyDocs.length;
    targets.onProgress?.(result.dossiers);
  }

  await writeReportDays(reportDays, targets, options.nowMs);
  await store.settings.set(PROJECTION_CHECKPOINT_KEY, { checkpoint });
  const reprojected = await store.projections.catchUp();
  if (reprojected !== 0) throw new Error(`seed: the projection checkpoint is wrong, catch-up re-projected ${reprojected} dossiers`);
  if (result.lastCodeToday) {
    await store.settings.set('last-dossier-code', { code: result.lastCodeToday });
    await raw.settings.put({ id: 'last-dossier-code', value: { code: result.lastCodeToday } });
  }
  return result;
}

/** The report days of every seeded dossier, in the store (with its "built" marker) and in raw Dexie. */
async function writeReportDays(days: ReadonlyMap<string, ReportRows>, targets: SeedTargets, nowMs: number): Promise<void> {
  const docs = [...days].map(([hour, rows]) => reportBucketDoc(hour, rows, nowMs));
  for (let i = 0; i < docs.length; i += 50) {
    const chunk = docs.slice(i, i + 50);
    const written = await targets.store.database.collections.settings.bulkUpsert(chunk);
    if (written.error.length > 0) throw new Error(`seed: ${written.error.length} report days refused`);
    await targets.raw.settings.bulkPut(chunk.map(({ id, value }) => ({ id, value })));
  }
  await targets.store.database.collections.settings.incrementalUpsert(reportDaysBuiltDoc(nowMs));
}

/**
 * How fast the sync path projects: bulk-insert `events` (as a pull does) and time
 * `projections.catchUp()`. Run on a small batch; the rate tells what a large pull would cost.
 */
export async function measureCatchUp(store: DeskStore, eventDocs: EventDoc[]): Promise<{ dossiers: number; ms: number }> {
  const inserted = await store.database.collections.events.bulkInsert(eventDocs);
  if (inserted.error.length > 0) throw new Error(`catch-up: ${inserted.error.length} events refused`);
  const started = performance.now();
  const dossiers = await store.projections.catchUp();
  return { dossiers, ms: performance.now() - started };
}
