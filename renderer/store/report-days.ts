import type { RxCollection, RxDocument } from 'rxdb';
import type { DossierState } from '../../src/dossier/dossier-state.ts';
import { localDateOf, minuteOfDay } from '../../src/time/vn-time.ts';
import type { LocalDate } from '../../src/time/vn-time.ts';
import { instantFromMs } from './instant.ts';
import { stateOfDoc } from './dossier-doc.ts';
import { readByPrimaryKey } from './paged-queries.ts';
import { REPORT_ROW_FORMAT, fromReportRow, parseReportRows, toReportRow } from './report-rows.ts';
import type { ReportRows } from './report-rows.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

/**
 * The reports' read model: every dossier's report row, grouped by when it was received, one
 * settings doc per quarter of a Vietnam day (`report-day:YYYY-MM-DD:HH`, HH = 00, 06, 12 or 18).
 * A year's report then reads about two docs per working day (morning and afternoon) rather than
 * a hundred thousand projections, and a receipt or a status change rewrites a quarter day, not a
 * whole day (about 125 KB at a busy desk of 425 receipts a day). Hours were tried: ten times the
 * docs made a year's read cost more than it saved (RxDB's Dexie storage steps a cursor one doc at
 * a time). The docs live in the settings collection rather than in a collection of their own:
 * two desk stores open in one process (sync tests, two windows) must stay under RxDB open-core's
 * 13 open collections.
 *
 * Only the projector writes them (under the store's serial queue), so the parsed rows of recent
 * quarters are cached and a receive costs one write, not a read and a write.
 */
export interface ReportDays {
  /** Puts the dossier's new state in its quarter of receipt (moving it if that changed). */
  record(previous: DossierState | null, next: DossierState): Promise<void>;
  /** Whether every projection has its row (false while a rebuild after an upgrade runs). */
  isComplete(): Promise<boolean>;
  /** The dossiers received from `from` to `to`, Vietnam dates, inclusive. */
  read(from: LocalDate, to: LocalDate): Promise<DossierState[]>;
  /**
   * Builds the rows of every projection if they were never built in this format (a database
   * from before report days, or a new row format). Runs in chunks through `serial` so that it
   * never interleaves with projection writes; `stopped` ends it early (the store is closing).
   */
  rebuildIfIncomplete(serial: <T>(task: () => Promise<T>) => Promise<T>, stopped: () => boolean): Promise<void>;
}

const DAY_PREFIX = 'report-day:';
const BUILT_KEY = 'report-days-built';
const REBUILD_CHUNK = 500;
const CACHED_BUCKETS = 16;

/** A Vietnam date and the first hour of its quarter, `YYYY-MM-DD:HH`: the rows of one report doc. */
export type ReportBucket = string;
const BUCKET_HOURS = 6;

/** The first id of the day's docs; every quarter of the day sorts after it and before `reportDayEndId`. */
export const reportDayId = (day: LocalDate): string => `${DAY_PREFIX}${day}`;
export const reportDayEndId = (day: LocalDate): string => `${DAY_PREFIX}${day}~`;
const reportBucketId = (bucket: ReportBucket): string => `${DAY_PREFIX}${bucket}`;

/** The Vietnam date and quarter of receipt; null before the RECEIVED event has arrived. */
export function receiptBucketOf(state: Pick<DossierState, 'receivedAt'>): ReportBucket | null {
  const ms = Date.parse(state.receivedAt);
  if (Number.isNaN(ms)) return null;
  const firstHour = Math.floor(minuteOfDay(ms) / 60 / BUCKET_HOURS) * BUCKET_HOURS;
  return `${localDateOf(ms)}:${String(firstHour).padStart(2, '0')}`;
}

/** The settings doc of one bucket, as the store writes it (the benchmark seed builds them too). */
export function reportBucketDoc(bucket: ReportBucket, rows: ReportRows, nowMs: number): SettingsDoc {
  return { id: reportBucketId(bucket), value: { format: REPORT_ROW_FORMAT, rows: JSON.stringify(rows) }, updatedAt: instantFromMs(nowMs) };
}

/** The marker saying every projection has its row in this format. */
export function reportDaysBuiltDoc(nowMs: number): SettingsDoc {
  return { id: BUILT_KEY, value: { format: REPORT_ROW_FORMAT }, updatedAt: instantFromMs(nowMs) };
}

/** The rows a stored doc holds; null for a doc of another format (dropped by the rebuild). */
function rowsOf(value: SettingsDoc['value'] | undefined): ReportRows | null {
  return value && value.format === REPORT_ROW_FORMAT && typeof value.rows === 'string' ? parseReportRows(value.rows) : null;
}

export function createReportDays(settings: RxCollection<SettingsDoc>, dossiers: RxCollection<DossierDoc>, now: () => number): ReportDays {
  /** A quarter's rows and its stored doc (null until written): the next edit patches it directly. */
  interface BucketEntry {
    rows: ReportRows;
    doc: RxDocument<SettingsDoc> | null;
  }
  const cache = new Map<ReportBucket, BucketEntry>();

  function remember(bucket: ReportBucket, entry: BucketEntry): void {
    cache.delete(bucket);
    cache.set(bucket, entry);
    if (cache.size > CACHED_BUCKETS) cache.delete(cache.keys().next().value as ReportBucket);
  }

  /** Each bucket's entry, from the cache or else in one read. */
  async function entriesOf(buckets: readonly ReportBucket[]): Promise<Map<ReportBucket, BucketEntry>> {
    const missing = buckets.filter((bucket) => !cache.has(bucket));
    const docs = missing.length > 0 ? await settings.findByIds(missing.map(reportBucketId)).exec() : new Map<string, RxDocument<SettingsDoc>>();
    const found = new Map<ReportBucket, BucketEntry>();
    for (const bucket of buckets) {
      let entry = cache.get(bucket);
      if (entry === undefined) {
        const doc = docs.get(reportBucketId(bucket)) ?? null;
        entry = { rows: rowsOf(doc?.toJSON().value) ?? {}, doc };
      }
      remember(bucket, entry);
      found.set(bucket, entry);
    }
    return found;
  }

  async function write(bucket: ReportBucket, entry: BucketEntry, nowMs: number): Promise<void> {
    const doc = reportBucketDoc(bucket, entry.rows, nowMs);
    entry.doc = entry.doc ? await entry.doc.incrementalPatch({ value: doc.value, updatedAt: doc.updatedAt }) : await settings.incrementalUpsert(doc);
  }

  /**
   * Edits the rows of several quarters: one read of those not cached, then one insert of the new
   * ones and a patch of each known one (no read before writing).
   */
  async function change(edits: ReadonlyMap<ReportBucket, (rows: ReportRows) => void>): Promise<void> {
    const entries = await entriesOf([...edits.keys()]);
    for (const [bucket, edit] of edits) edit((entries.get(bucket) as BucketEntry).rows);
    const nowMs = now();
    const fresh = [...entries].filter(([, entry]) => entry.doc === null);
    const known = [...entries].filter(([, entry]) => entry.doc !== null);
    const insertFresh = async () => {
      if (fresh.length === 0) return;
      const inserted = await settings.bulkInsert(fresh.map(([bucket, entry]) => reportBucketDoc(bucket, entry.rows, nowMs)));
      for (const doc of inserted.success) {
        const entry = entries.get(doc.id.slice(DAY_PREFIX.length));
        if (entry) entry.doc = doc;
      }
      // A quarter written meanwhile (another window) is upserted instead.
      await Promise.all(fresh.filter(([, entry]) => entry.doc === null).map(([bucket, entry]) => write(bucket, entry, nowMs)));
    };
    try {
      await Promise.all([insertFresh(), ...known.map(([bucket, entry]) => write(bucket, entry, nowMs))]);
    } catch (error) {
      for (const bucket of edits.keys()) cache.delete(bucket);
      throw error;
    }
  }

  /** The format the days were last fully built in; null when never. */
  async function builtFormat(): Promise<unknown> {
    const marker = await settings.findOne(BUILT_KEY).exec();
    return marker === null ? null : marker.toJSON().value.format;
  }

  const isComplete = async () => (await builtFormat()) === REPORT_ROW_FORMAT;

  async function rebuildChunk(after: string): Promise<string | null> {
    const docs = await readByPrimaryKey(dossiers, { after }, REBUILD_CHUNK);
    const byBucket = new Map<ReportBucket, DossierState[]>();
    for (const doc of docs) {
      const state = stateOfDoc(doc);
      const bucket = receiptBucketOf(state);
      if (bucket === null) continue;
      const states = byBucket.get(bucket);
      if (states) states.push(state);
      else byBucket.set(bucket, [state]);
    }
    await change(
      new Map(
        [...byBucket].map(([bucket, states]) => [
          bucket,
          (rows: ReportRows) => {
            for (const state of states) rows[state.code] = toReportRow(state);
          },
        ]),
      ),
    );
    const last = docs[docs.length - 1];
    return last === undefined || docs.length < REBUILD_CHUNK ? null : last.code;
  }

  return {
    async record(previous, next) {
      const bucket = receiptBucketOf(next);
      const previousBucket = previous === null ? null : receiptBucketOf(previous);
      const edits = new Map<ReportBucket, (rows: ReportRows) => void>();
      if (previousBucket !== null && previousBucket !== bucket) {
        edits.set(previousBucket, (rows) => {
          delete rows[next.code];
        });
      }
      if (bucket !== null) {
        edits.set(bucket, (rows) => {
          rows[next.code] = toReportRow(next);
        });
      }
      if (edits.size > 0) await change(edits);
    },
    isComplete,
    async read(from, to) {
      const docs = await readByPrimaryKey(settings, { from: reportDayId(from), before: reportDayEndId(to) });
      const states: DossierState[] = [];
      for (const doc of docs) {
        for (const [code, row] of Object.entries(rowsOf(doc.value) ?? {})) states.push(fromReportRow(code, row));
      }
      return states;
    },
    async rebuildIfIncomplete(serial, stopped) {
      const built = await builtFormat();
      if (built === REPORT_ROW_FORMAT) return;
      if (built !== null) {
        // Built in another format (or grouping): its docs are dropped, then rebuilt.
        const old = await settings.find({ selector: { id: { $gte: DAY_PREFIX, $lt: `${DAY_PREFIX}~` } } }).exec();
        await serial(async () => {
          await settings.bulkRemove(old.map((doc) => doc.id));
          cache.clear();
        });
      }
      for (let after: string | null = ''; after !== null; ) {
        if (stopped()) return;
        const from: string = after;
        after = await serial(() => rebuildChunk(from));
      }
      await serial(() => settings.incrementalUpsert(reportDaysBuiltDoc(now())));
    },
  };
}
