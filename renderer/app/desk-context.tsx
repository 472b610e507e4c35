import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import type { OfficerProfile } from '../../src/auth/officer.ts';
import type { DeskBridge } from '../../src/bridge/desk-bridge.ts';
import type { WorkingCalendar } from '../../src/calendar/working-calendar.ts';
import type { Catalogue } from '../../src/catalogue/catalogue.ts';
import type { PrintService } from '../print/print-service.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { DeskStore } from '../store/index.ts';
import type { DeskSettings } from './desk-settings.ts';

/**
 * Everything a screen of a logged-in desk needs. Stable for the whole session except
 * `settings`/`calendar` (after `updateSettings`) and `officers` (after `reloadOfficers`).
 */
export interface Desk {
  bridge: DeskBridge;
  store: DeskStore;
  /** Digitised papers and results, kept apart from the event log. */
  blobs: BlobStore;
  identity: DeskIdentity;
  /** The logged-in officer. */
  officer: OfficerProfile;
  /** The unit's officers (profiles only), for names on screens and printed forms. */
  officers: readonly OfficerProfile[];
  /** Full name of an officer id, or the id itself when the officer is unknown here. */
  officerName(id: string | null | undefined): string;
  reloadOfficers(): Promise<void>;
  /** Working calendar from the stored (or bundled) years and the office hours setting. */
  calendar: WorkingCalendar;
  catalogue: Catalogue;
  /** The desk clock, Unix milliseconds (Date.now; Playwright's page.clock drives it in tests). */
  now(): number;
  /** A new UUIDv7 event id (monotonic on this desk). */
  newEventId(): string;
  settings: DeskSettings;
  /** Validates, stores and applies new settings (the calendar is rebuilt). */
  updateSettings(next: DeskSettings): Promise<void>;
  /** Prints through the desk bridge and logs the print; see renderer/print/print-service.ts. */
  print: PrintService;
  logout(): void;
}

const DeskContext = createContext<Desk | null>(null);

export function DeskProvider({ desk, children }: { desk: Desk; children: ReactNode }) {
  return <DeskContext.Provider value={desk}>{children}</DeskContext.Provider>;
}

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk() outside <DeskProvider>: the screen is rendered before login');
  return desk;
}
