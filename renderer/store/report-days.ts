import type { RxCollection, RxDocument } from 'rxdb';
import type { DossierState } from '../../src/dossier/dossier-state.ts';
import { addDays, localDateOf, minuteOfDay } from '../../src/time/vn-time.ts';
import type { LocalDate } from '../../src/time/vn-time.ts';
import { instantFromMs } from './instant.ts';
import { pageByPrimaryKey } from './paged-queries.ts';
import { REPORT_ROW_FORMAT, fromReportRow, parseReportRows, toReportRow } from './report-rows.ts';
import type { ReportRows } from './report-rows.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

/**
 * The reports' read model: every dossier's report row, grouped by the Vietnam date and hour it
 * was received, one settings doc per hour (`report-day:YYYY-MM-DD:HH`). A year's report then reads
 * a few thousand docs rather than a hundred thousand projections, and a receipt rewrites one
 * hour's rows (a busy desk's whole day was 170 KB rewritten per receipt). The docs live in the settings
 * collection rather than in a collection of their own: two desk stores open in one process
 * (sync tests, two windows) must stay under RxDB open-core's 13 open collections.
 *
 * Only the projector writes them (under the store's serial queue), so the parsed rows of recent
 * hours are cached and a receive costs one write, not a read and a write.
 */
export interface ReportDays {
  /** Puts the dossier's new state in its hour of receipt (moving it if that changed). */
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
const CACHED_HOURS = 48;

/** A Vietnam date and hour of receipt, `YYYY-MM-DD:HH`: the rows of one report doc. */
export type ReportHour = string;

/** The first id of the day's docs; every hour of the day sorts after it and before `reportDayEndId`. */
export const reportDayId = (day: LocalDate): string => `${DAY_PREFIX}${day}`;
export const reportDayEndId = (day: LocalDate): string => `${DAY_PREFIX}${day}~`;
const reportHourId = (hour: ReportHour): string => `${DAY_PREFIX}${hour}`;

/** The Vietnam date and hour of receipt; null before the RECEIVED event has arrived. */
export function receiptHourOf(state: Pick<DossierState, 'receivedAt'>): ReportHour | null {
  const ms = Date.parse(state.receivedAt);
  return Number.isNaN(ms) ? null : `${localDateOf(ms)}:${String(Math.floor(minuteOfDay(ms) / 60)).padStart(2, '0')}`;
}

/** The settings doc of one hour, as the store writes it (the benchmark seed builds them too). */
export function reportHourDoc(hour: ReportHour, rows: ReportRows, nowMs: number): SettingsDoc {
  return { id: reportHourId(hour), value: { format: REPORT_ROW_FORMAT, rows: JSON.stringify(rows) }, updatedAt: instantFromMs(nowMs) };
}

/** The marker saying every projection has its row in this format. */
export function reportDaysBuiltDoc(nowMs: number): SettingsDoc {
  return { id: BUILT_KEY, value: { format: REPORT_ROW_FORMAT }, updatedAt: instantFromMs(nowMs) };
}

export function createReportDays(settings: RxCollection<SettingsDoc>, dossiers: RxCollection<DossierDoc>, now: () => number): ReportDays {
  /** An hour's rows and its stored doc (null until written): the next edit patches it directly. */
  interface HourEntry {
    rows: ReportRows;
    doc: RxDocument<SettingsDoc> | null;
  }
  const cache = new Map<ReportHour, HourEntry>();

  function remember(hour: ReportHour, entry: HourEntry): void {
    cache.delete(hour);
    cache.set(hour, entry);
    if (cache.size > CACHED_HOURS) cache.delete(cache.keys().next().value as ReportHour);
  }

  /** Each hour's entry, from the cache or else in one read. */
  async function entriesOf(hours: readonly ReportHour[]): Promise<Map<ReportHour, HourEntry>> {
    const missing = hours.filter((hour) => !cache.has(hour));
    const docs = missing.length > 0 ? await settings.findByIds(missing.map(reportHourId)).exec() : new Map<string, RxDocument<SettingsDoc>>();
    const found = new Map<ReportHour, HourEntry>();
    for (const hour of hours) {
      let entry = cache.get(hour);
      if (entry === undefined) {
        const doc = docs.get(reportHourId(hour)) ?? null;
        const value = doc?.toJSON().value;
        const rows = value && value.format === REPORT_ROW_FORMAT && typeof value.rows === 'string' ? parseReportRows(value.rows) : {};
        entry = { rows, doc };
      }
      remember(hour, entry);
      found.set(hour, entry);
    }
    return found;
  }

  async function write(hour: ReportHour, entry: HourEntry, nowMs: number): Promise<void> {
    const { value, updatedAt } = reportHourDoc(hour, entry.rows, nowMs);
    entry.doc = entry.doc ? await entry.doc.incrementalPatch({ value, updatedAt }) : await settings.incrementalUpsert(reportHourDoc(hour, entry.rows, nowMs));
  }

  /**
   * Edits the rows of several hours: one read of those not cached, then one insert of the new
   * hours and a patch of each known one (no read before writing).
   */
  async function change(edits: ReadonlyMap<ReportHour, (rows: ReportRows) => void>): Promise<void> {
    const entries = await entriesOf([...edits.keys()]);
    for (const [hour, edit] of edits) edit((entries.get(hour) as HourEntry).rows);
    const nowMs = now();
    const fresh = [...entries].filter(([, entry]) => entry.doc === null);
    const known = [...entries].filter(([, entry]) => entry.doc !== null);
    try {
      await Promise.all([
        (async () => {
          if (fresh.length === 0) return;
          const inserted = await settings.bulkInsert(fresh.map(([hour, entry]) => reportHourDoc(hour, entry.rows, nowMs)));
          for (const doc of inserted.success) {
            const entry = entries.get(doc.id.slice(DAY_PREFIX.length));
            if (entry) entry.doc = doc;
          }
          // An hour written meanwhile (another window) is upserted instead.
          await Promise.all(fresh.filter(([, entry]) => entry.doc === null).map(([hour, entry]) => write(hour, entry, nowMs)));
        })(),
        ...known.map(([hour, entry]) => write(hour, entry, nowMs)),
      ]);
    } catch (error) {
      for (const hour of edits.keys()) cache.delete(hour);
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
    const docs = await pageByPrimaryKey(dossiers, after, REBUILD_CHUNK);
    const byHour = new Map<ReportHour, DossierState[]>();
    for (const doc of docs) {
      const state = doc.state as unknown as DossierState;
      const hour = receiptHourOf(state);
      if (hour === null) continue;
      const states = byHour.get(hour);
      if (states) states.push(state);
      else byHour.set(hour, [state]);
    }
    await change(
      new Map(
        [...byHour].map(([hour, states]) => [
          hour,
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
      const hour = receiptHourOf(next);
      const previousHour = previous === null ? null : receiptHourOf(previous);
      const edits = new Map<ReportHour, (rows: ReportRows) => void>();
      if (previousHour !== null && previousHour !== hour) {
        edits.set(previousHour, (rows) => {
          delete rows[next.code];
        });
      }
      if (hour !== null) {
        edits.set(hour, (rows) => {
          rows[next.code] = toReportRow(next);
        });
      }
      if (edits.size > 0) await change(edits);
    },
    isComplete,
    async read(from, to) {
      // Every hour's id, got in one batch of lookups: IndexedDB answers them back to back, while
      // a range query steps a cursor one doc per round trip (4,700 hour docs in a year took 1 s).
      const ids: string[] = [];
      for (let day = from; day <= to; day = addDays(day, 1)) {
        for (let hour = 0; hour < 24; hour += 1) ids.push(reportHourId(`${day}:${String(hour).padStart(2, '0')}`));
      }
      const docs = ids.length > 0 ? await settings.storageInstance.findDocumentsById(ids, false) : [];
      const states: DossierState[] = [];
      for (const doc of docs) {
        const value = doc.value;
        if (value.format !== REPORT_ROW_FORMAT || typeof value.rows !== 'string') continue;
        for (const [code, row] of Object.entries(parseReportRows(value.rows))) states.push(fromReportRow(code, row));
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
