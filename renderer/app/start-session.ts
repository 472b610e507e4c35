import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import type { OfficerProfile } from '../../src/auth/officer.ts';
import type { DeskBridge } from '../../src/bridge/desk-bridge.ts';
import { createPrintService } from '../print/print-service.ts';
import type { BlobStore } from '../store/blob-store.ts';
import type { DeskStore } from '../store/index.ts';
import { buildCalendar, loadCalendarYears, loadCatalogue, loadSettings } from './bootstrap.ts';
import type { Desk } from './desk-context.tsx';
import { DESK_SETTINGS_KEY, deskSettingsSchema } from './desk-settings.ts';
import { clock, newEventId } from './platform.ts';

export interface SessionInput {
  bridge: DeskBridge;
  store: DeskStore;
  blobs: BlobStore;
  identity: DeskIdentity;
  officer: OfficerProfile;
  logout: () => void;
}

/**
 * Builds the desk object of a logged-in officer. It is a mutable holder behind a stable
 * identity: `updateSettings` and `reloadOfficers` replace fields and call `onChange` so the
 * provider re-renders with a fresh copy.
 */
export async function startSession(input: SessionInput, onChange?: (desk: Desk) => void): Promise<Desk> {
  const [settings, years, catalogue, officers] = await Promise.all([
    loadSettings(input.store),
    loadCalendarYears(input.store),
    loadCatalogue(input.store),
    input.store.officers.list(),
  ]);
  let desk: Desk;
  const print = createPrintService({ ...input, now: clock, newEventId });
  const names = (list: readonly OfficerProfile[]) => new Map(list.map((officer) => [officer.id, officer.fullName]));
  let byId = names(officers);

  desk = {
    bridge: input.bridge,
    store: input.store,
    blobs: input.blobs,
    identity: input.identity,
    officer: input.officer,
    officers,
    officerName: (id) => (id ? (byId.get(id) ?? id) : ''),
    async reloadOfficers() {
      const list = await input.store.officers.list();
      byId = names(list);
      desk = { ...desk, officers: list };
      onChange?.(desk);
    },
    calendar: buildCalendar(years, settings),
    catalogue,
    now: clock,
    newEventId,
    settings,
    async updateSettings(next) {
      const valid = deskSettingsSchema.parse(next);
      const calendar = buildCalendar(years, valid);
      await input.store.settings.set(DESK_SETTINGS_KEY, valid);
      desk = { ...desk, settings: valid, calendar };
      onChange?.(desk);
    },
    print,
    logout: input.logout,
  };
  return desk;
}
