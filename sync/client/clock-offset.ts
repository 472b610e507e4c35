import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import type { DeskStore } from '../../renderer/store/index.ts';
import { settingsCollectionOf } from '../../renderer/store/replication-access.ts';

/**
 * The last offset of the desk's clock against the server's that a sync learned (src/time/clock-offset.ts),
 * kept in the store's settings so that the login screen and the print dialog read it offline and
 * after a restart. A later sync replaces it.
 */
export const CLOCK_OFFSET_KEY = 'sync-clock-offset';

export const clockOffsetSchema = z.strictObject({
  /** Desk clock minus server clock, ms. */
  offsetMs: z.number().finite(),
  /** When it was learned, desk clock (ms). */
  measuredAt: z.number().finite(),
});
export type ClockOffset = z.infer<typeof clockOffsetSchema>;

/** The last offset learned, or null before the first sync (or when the stored one no longer parses). */
export async function loadClockOffset(store: DeskStore): Promise<ClockOffset | null> {
  return offsetOf(await settingsCollectionOf(store).findOne(CLOCK_OFFSET_KEY).exec());
}

/** The last offset learned, then every new one as a sync learns it. */
export function watchClockOffset(store: DeskStore): Observable<ClockOffset | null> {
  return settingsCollectionOf(store).findOne(CLOCK_OFFSET_KEY).$.pipe(map(offsetOf));
}

function offsetOf(doc: { toMutableJSON(): { value: unknown } } | null): ClockOffset | null {
  const parsed = clockOffsetSchema.safeParse(doc?.toMutableJSON().value);
  return parsed.success ? parsed.data : null;
}

export async function saveClockOffset(store: DeskStore, offset: ClockOffset): Promise<void> {
  await store.settings.set(CLOCK_OFFSET_KEY, clockOffsetSchema.parse(offset));
}
