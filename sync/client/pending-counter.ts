import { getChangedDocumentsSince } from 'rxdb';
import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import type { EventDoc, SettingsDoc } from '../../renderer/store/replication-access.ts';
import { isStamped } from './event-docs.ts';

/**
 * Counts the desk's events the server has not confirmed yet: no server time, not refused, not
 * acknowledged by a push in this session. Pulled copies of our own events carry the server time,
 * so the count reaches zero once the server has them and we have read them back.
 *
 * Scanning the whole log each time would cost seconds at 200,000 events; instead a cursor in
 * RxDB's change order skips the confirmed prefix. A doc rewritten later (our event coming back
 * stamped) moves behind the cursor's position, so nothing is missed.
 */
const CURSOR_KEY = 'sync-pending-cursor';
const cursorSchema = z.object({ checkpoint: z.object({ id: z.string(), lwt: z.number() }).nullable() });
const BATCH = 500;

export interface PendingSummary {
  pending: number;
  /** The earliest event time (ISO) among the waiting events; null when none waits. */
  oldestPendingAt: string | null;
}

export interface PendingCounter {
  count(isConfirmed: (id: string) => boolean): Promise<PendingSummary>;
}

export function createPendingCounter(events: RxCollection<EventDoc>, settings: RxCollection<SettingsDoc>): PendingCounter {
  return {
    async count(isConfirmed) {
      const stored = await settings.findOne(CURSOR_KEY).exec();
      const parsed = cursorSchema.safeParse(stored?.toMutableJSON().value);
      const start = parsed.success ? parsed.data.checkpoint : null;
      let cursor = start;
      let confirmedSoFar = true;
      let advanced = start;
      let pending = 0;
      let oldestPendingAt: string | null = null;
      for (;;) {
        const page = await getChangedDocumentsSince(events.storageInstance, BATCH, cursor ?? undefined);
        for (const doc of page.documents) {
          const position = { id: doc.id, lwt: doc._meta.lwt };
          if (isStamped(doc)) {
            if (confirmedSoFar) advanced = position;
          } else if (isConfirmed(doc.id)) {
            // Refused (kept visible elsewhere) or acknowledged: not waiting, but not stamped either.
            if (confirmedSoFar) advanced = position;
          } else {
            pending += 1;
            confirmedSoFar = false;
            // Stored instants are fixed-width ISO strings: they compare in time order.
            if (oldestPendingAt === null || doc.at < oldestPendingAt) oldestPendingAt = doc.at;
          }
        }
        if (page.documents.length < BATCH) break;
        cursor = page.checkpoint as { id: string; lwt: number };
      }
      if (advanced !== start) {
        await settings.upsert({ id: CURSOR_KEY, value: { checkpoint: advanced }, updatedAt: new Date().toISOString() });
      }
      return { pending, oldestPendingAt };
    },
  };
}
