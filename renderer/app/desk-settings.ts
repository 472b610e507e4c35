import { z } from 'zod';
import { DEFAULT_OFFICE_HOURS } from '../../src/calendar/working-calendar.ts';

/** Desk-wide preferences kept in the store's settings; the settings screen edits them. */
export const DESK_SETTINGS_KEY = 'desk-settings';

export const DEFAULT_SERVER_URL = 'http://localhost:8080';

const session = z.strictObject({ start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) });

export const deskSettingsSchema = z.strictObject({
  /** Remaining working minutes at or below which an open dossier is "due soon" (one office day by default). */
  dueSoonWorkingMinutes: z.number().int().min(0).max(100_000),
  /** Office sessions in minutes after local midnight; validated again when the calendar is built. */
  officeHours: z.array(session).min(1).max(4),
  /** The provincial server: printed in the lookup QR (`<server>/tra-cuu?ma=<code>`) and used by sync. */
  serverUrl: z.url({ protocol: /^https?$/ }),
});
export type DeskSettings = z.infer<typeof deskSettingsSchema>;

export const DEFAULT_DESK_SETTINGS: DeskSettings = {
  dueSoonWorkingMinutes: 8 * 60,
  officeHours: DEFAULT_OFFICE_HOURS.map(({ start, end }) => ({ start, end })),
  serverUrl: DEFAULT_SERVER_URL,
};

/** The public lookup page of a dossier, as printed in the receipt's QR code. */
export function lookupUrl(serverUrl: string, dossierCode: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/tra-cuu?ma=${encodeURIComponent(dossierCode)}`;
}
