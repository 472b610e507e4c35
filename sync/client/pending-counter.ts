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
  /** The waiting events, id → event time (ISO); moves the stored cursor like `count`. */
  scan(isConfirmed: (id: string) => boolean): Promise<Map<string, string>>;
}

export function createPendingCounter(events: RxCollection<EventDoc>, settings: RxCollection<SettingsDoc>): PendingCounter {
  const counter: PendingCounter = {
    async count(isConfirmed) {
      const waiting = await counter.scan(isConfirmed);
      return { pending: waiting.size, oldestPendingAt: earliest(waiting.values()) };
    },
    async scan(isConfirmed) {
      const stored = await settings.findOne(CURSOR_KEY).exec();
      const parsed = cursorSchema.safeParse(stored?.toMutableJSON().value);
      const start = parsed.success ? parsed.data.checkpoint : null;
      let cursor = start;
      let confirmedSoFar = true;
      let advanced = start;
      const waiting = new Map<string, string>();
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
            waiting.set(doc.id, doc.at);
            confirmedSoFar = false;
          }
        }
        if (page.documents.length < BATCH) break;
        cursor = page.checkpoint as { id: string; lwt: number };
      }
      if (advanced !== start) {
        await settings.upsert({ id: CURSOR_KEY, value: { checkpoint: advanced }, updatedAt: new Date().toISOString() });
      }
      return waiting;
    },
  };
  return counter;
}

export interface PendingTracker {
  /** Every change of the event log, in order (the collection's change stream). */
  observe(doc: EventDoc): void;
  summary(isConfirmed: (id: string) => boolean): Promise<PendingSummary>;
}

/**
 * The pending count kept up to date from one scan plus the change stream. Scanning reads (and
 * decrypts) every waiting event, so rescanning after each acknowledged push of a big backlog
 * cost more than the sync itself; the changes say all there is to know after the first scan.
 */
export function createPendingTracker(counter: PendingCounter): PendingTracker {
  let waiting: Map<string, string> | null = null;
  let scanning: Promise<Map<string, string>> | null = null;
  // Changes seen while the first scan runs, replayed over its result in order.
  const early: EventDoc[] = [];

  const apply = (target: Map<string, string>, doc: EventDoc) => {
    if (isStamped(doc)) target.delete(doc.id);
    else target.set(doc.id, doc.at);
  };

  return {
    observe(doc) {
      if (waiting) apply(waiting, doc);
      else early.push(doc);
    },
    async summary(isConfirmed) {
      if (!waiting) {
        scanning ??= counter.scan(isConfirmed);
        const scanned = await scanning;
        if (!waiting) {
          for (const doc of early.splice(0)) apply(scanned, doc);
          waiting = scanned;
        }
      }
      for (const id of waiting.keys()) if (isConfirmed(id)) waiting.delete(id);
      return { pending: waiting.size, oldestPendingAt: earliest(waiting.values()) };
    },
  };
}

function earliest(instants: Iterable<string>): string | null {
  let first: string | null = null;
  // Stored instants are fixed-width ISO strings: they compare in time order.
  for (const at of instants) if (first === null || at < first) first = at;
  return first;
}
