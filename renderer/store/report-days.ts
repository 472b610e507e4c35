import type { RxCollection } from 'rxdb';
import type { DossierState } from '../../src/dossier/dossier-state.ts';
import { localDateOf } from '../../src/time/vn-time.ts';
import type { LocalDate } from '../../src/time/vn-time.ts';
import { instantFromMs } from './instant.ts';
import { REPORT_ROW_FORMAT, fromReportRow, parseReportRows, toReportRow } from './report-rows.ts';
import type { ReportRows } from './report-rows.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

/**
 * The reports' read model: every dossier's report row, grouped by the Vietnam date it was
 * received, one settings doc per day (`report-day:YYYY-MM-DD`). A year's report then reads a few
 * hundred docs rather than a hundred thousand projections. The docs live in the settings
 * collection rather than in a collection of their own: two desk stores open in one process
 * (sync tests, two windows) must stay under RxDB open-core's 13 open collections.
 *
 * Only the projector writes them (under the store's serial queue), so the parsed rows of recent
 * days are cached and a receive costs one write, not a read and a write.
 */
export interface ReportDays {
  /** Puts the dossier's new state in its day (moving it if its receipt day changed). */
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
const CACHED_DAYS = 8;

export const reportDayId = (day: LocalDate): string => `${DAY_PREFIX}${day}`;

/** The Vietnam date of receipt; null before the RECEIVED event has arrived. */
export function receiptDayOf(state: Pick<DossierState, 'receivedAt'>): LocalDate | null {
  const ms = Date.parse(state.receivedAt);
  return Number.isNaN(ms) ? null : localDateOf(ms);
}

/** The settings doc of one day, as the store writes it (the benchmark seed builds them too). */
export function reportDayDoc(day: LocalDate, rows: ReportRows, nowMs: number): SettingsDoc {
  return { id: reportDayId(day), value: { format: REPORT_ROW_FORMAT, rows: JSON.stringify(rows) }, updatedAt: instantFromMs(nowMs) };
}

/** The marker saying every projection has its row in this format. */
export function reportDaysBuiltDoc(nowMs: number): SettingsDoc {
  return { id: BUILT_KEY, value: { format: REPORT_ROW_FORMAT }, updatedAt: instantFromMs(nowMs) };
}

export function createReportDays(settings: RxCollection<SettingsDoc>, dossiers: RxCollection<DossierDoc>, now: () => number): ReportDays {
  const cache = new Map<LocalDate, ReportRows>();

  async function rowsOf(day: LocalDate): Promise<ReportRows> {
    const cached = cache.get(day);
    if (cached) {
      cache.delete(day);
      cache.set(day, cached);
      return cached;
    }
    const doc = await settings.findOne(reportDayId(day)).exec();
    const value = doc?.toJSON().value;
    const rows = value && value.format === REPORT_ROW_FORMAT && typeof value.rows === 'string' ? parseReportRows(value.rows) : {};
    cache.set(day, rows);
    if (cache.size > CACHED_DAYS) cache.delete(cache.keys().next().value as LocalDate);
    return rows;
  }

  async function change(day: LocalDate, edit: (rows: ReportRows) => void): Promise<void> {
    const rows = await rowsOf(day);
    edit(rows);
    try {
      await settings.incrementalUpsert(reportDayDoc(day, rows, now()));
    } catch (error) {
      cache.delete(day);
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
    const docs = await dossiers.find({ selector: { code: { $gt: after } }, sort: [{ code: 'asc' }], limit: REBUILD_CHUNK }).exec();
    const byDay = new Map<LocalDate, DossierState[]>();
    for (const doc of docs) {
      const state = doc.toJSON().state as unknown as DossierState;
      const day = receiptDayOf(state);
      if (day !== null) byDay.set(day, [...(byDay.get(day) ?? []), state]);
    }
    for (const [day, states] of byDay) {
      await change(day, (rows) => {
        for (const state of states) rows[state.code] = toReportRow(state);
      });
    }
    const last = docs[docs.length - 1];
    return last === undefined || docs.length < REBUILD_CHUNK ? null : last.code;
  }

  return {
    async record(previous, next) {
      const day = receiptDayOf(next);
      const previousDay = previous === null ? null : receiptDayOf(previous);
      if (previousDay !== null && previousDay !== day) {
        await change(previousDay, (rows) => {
          delete rows[next.code];
        });
      }
      if (day !== null) {
        await change(day, (rows) => {
          rows[next.code] = toReportRow(next);
        });
      }
    },
    isComplete,
    async read(from, to) {
      const docs = await settings.find({ selector: { id: { $gte: reportDayId(from), $lte: reportDayId(to) } }, sort: [{ id: 'asc' }] }).exec();
      const states: DossierState[] = [];
      for (const doc of docs) {
        const value = doc.toJSON().value;
        if (value.format !== REPORT_ROW_FORMAT || typeof value.rows !== 'string') continue;
        for (const [code, row] of Object.entries(parseReportRows(value.rows))) states.push(fromReportRow(code, row));
      }
      return states;
    },
    async rebuildIfIncomplete(serial, stopped) {
      const built = await builtFormat();
      if (built === REPORT_ROW_FORMAT) return;
      if (built !== null) {
        // Built in another format: its days are dropped, then rebuilt.
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
