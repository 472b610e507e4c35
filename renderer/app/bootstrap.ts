import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { DeskBridge } from '../../src/bridge/desk-bridge.ts';
import { toBridgeError } from '../../src/bridge/bridge-error.ts';
import { calendarYearSchema, parseCalendarYear } from '../../src/calendar/calendar-data.ts';
import type { CalendarYear } from '../../src/calendar/calendar-data.ts';
import { loadBundledCalendarYears } from '../../src/calendar/bundled-calendars.ts';
import { createWorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { WorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { loadBundledCatalogue } from '../../src/catalogue/bundled-catalogue.ts';
import { parseCatalogue } from '../../src/catalogue/catalogue.ts';
import type { Catalogue } from '../../src/catalogue/catalogue.ts';
import { procedureSchema } from '../../src/catalogue/procedure-schema.ts';
import { openBlobStore } from '../store/blob-store.ts';
import type { BlobStore } from '../store/blob-store.ts';
import { createDeskStore, createWebKeyProvider, requestPersistentStorage } from '../store/index.ts';
import type { DeskStore, PersistResult } from '../store/index.ts';
import { DEFAULT_DESK_SETTINGS, DESK_SETTINGS_KEY, deskSettingsSchema } from './desk-settings.ts';
import type { DeskSettings } from './desk-settings.ts';

export interface OpenedDesk {
  store: DeskStore;
  /** Scanned papers and results, encrypted with the same key (blob-store.ts). */
  blobs: BlobStore;
  persist: PersistResult;
}

/**
 * The at-rest key: the host's sealed key when it has one (Electron safeStorage), else the
 * browser fallback. Only "this host has no key store" falls back; any other failure stops the
 * start, because opening with another key would lock the officer out of the existing data.
 */
async function encryptionKey(bridge: DeskBridge): Promise<string> {
  try {
    return (await bridge.getEncryptionKey()).keyBase64;
  } catch (reason) {
    const error = toBridgeError(reason);
    if (error.code === 'secret-storage-unavailable' || error.code === 'unsupported') {
      return createWebKeyProvider().getEncryptionKey();
    }
    throw error;
  }
}

let opening: Promise<OpenedDesk> | null = null;

/**
 * Opens the desk store once per window: RxDB refuses a second database of the same name (DB8),
 * and React's StrictMode runs mount effects twice in development.
 */
export function openDesk(bridge: DeskBridge, clock: () => number): Promise<OpenedDesk> {
  opening ??= (async () => {
    const [key, persist] = await Promise.all([encryptionKey(bridge), requestPersistentStorage()]);
    const store = await createDeskStore({ storage: getRxStorageDexie(), encryptionKey: key, clock });
    const blobs = await openBlobStore({ encryptionKey: key, clock });
    return { store, blobs, persist };
  })();
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

export async function loadSettings(store: DeskStore): Promise<DeskSettings> {
  return store.settings.get(DESK_SETTINGS_KEY, deskSettingsSchema, DEFAULT_DESK_SETTINGS);
}

/** Calendar years synced into the store win over the bundled ones of the same year. */
export async function loadCalendarYears(store: DeskStore): Promise<CalendarYear[]> {
  const byYear = new Map(loadBundledCalendarYears().map((year) => [year.year, year]));
  for (const entry of await store.reference.list('calendar', calendarYearSchema)) {
    byYear.set(entry.value.year, parseCalendarYear(entry.value));
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export function buildCalendar(years: readonly CalendarYear[], settings: DeskSettings): WorkingCalendar {
  try {
    return createWorkingCalendar({ years, officeHours: settings.officeHours });
  } catch {
    // Bad office hours in settings must not stop the desk: fall back to the regulation's hours.
    return createWorkingCalendar({ years, officeHours: DEFAULT_DESK_SETTINGS.officeHours });
  }
}

/** The catalogue synced into the store, else the one shipped with the app. */
export async function loadCatalogue(store: DeskStore): Promise<Catalogue> {
  try {
    const stored = await store.reference.list('procedure', procedureSchema);
    if (stored.length > 0) {
      return parseCatalogue({ schemaVersion: 1, version: 'kho-dữ-liệu', procedures: stored.map((entry) => entry.value) });
    }
  } catch {
    // A damaged synced catalogue falls back to the bundled one rather than blocking reception.
  }
  return loadBundledCatalogue();
}
