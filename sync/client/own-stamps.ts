import type { RxCollection } from 'rxdb';
import type { DossierEvent } from '../../src/dossier/events.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import { wireEventOf } from './event-docs.ts';
import { ownEventStampSchema } from './wire.ts';
import type { PullPage } from './wire.ts';

/**
 * Asks the server to send our own events back as stamps (`{id, serverAt, stampOnly}`): the desk
 * pushed them, so downloading their bodies again is wasted on a slow link. An older server
 * ignores the parameter and sends whole events, which pass through unchanged.
 */
export const OWN_AS_STAMPS = 'own=stamps';
export const OWN_IN_FULL = 'own=full';

/**
 * The page with every stamp replaced by our local copy of the event plus the server time: the
 * same document the server would have sent in full (it stores the event exactly as we pushed it).
 * Null when a stamped event is missing here or no longer readable (a store restored from an
 * older copy): the caller then asks for the page in full.
 */
export async function resolveOwnStamps(events: RxCollection<EventDoc>, page: PullPage, pushed: ReadonlyMap<string, DossierEvent> = new Map()): Promise<PullPage | null> {
  const stamps = new Map<string, string>();
  for (const wire of page.documents) {
    if (!('stampOnly' in wire)) continue;
    const stamp = ownEventStampSchema.safeParse(wire);
    if (!stamp.success) return null;
    stamps.set(stamp.data.id, stamp.data.serverAt);
  }
  if (stamps.size === 0) return page;
  const unknown = [...stamps.keys()].filter((id) => !pushed.has(id));
  const local = unknown.length > 0 ? await events.findByIds(unknown).exec() : new Map();
  const documents: PullPage['documents'] = [];
  for (const wire of page.documents) {
    const id = typeof wire.id === 'string' ? wire.id : '';
    const serverAt = 'stampOnly' in wire ? stamps.get(id) : undefined;
    if (serverAt === undefined) {
      documents.push(wire);
      continue;
    }
    const doc = local.get(id);
    const event = pushed.get(id) ?? (doc ? wireEventOf(doc.toMutableJSON()) : null);
    if (!event) return null;
    documents.push({ ...event, serverAt, _deleted: false });
  }
  return { documents, checkpoint: page.checkpoint };
}

/** How many acknowledged events wait for their stamp in memory (about 1 KB each). */
const PUSHED_KEPT = 20_000;

/**
 * The events this session pushed, until their stamps come back: rebuilding them from the store
 * would read and decrypt each one again (the desk's personal fields are encrypted at rest).
 */
export function createPushedEvents(): { remember(events: readonly DossierEvent[]): void; forget(ids: readonly string[]): void; all: ReadonlyMap<string, DossierEvent> } {
  const pushed = new Map<string, DossierEvent>();
  return {
    remember(events) {
      for (const event of events) pushed.set(event.id, event);
      for (const id of pushed.keys()) {
        if (pushed.size <= PUSHED_KEPT) break;
        pushed.delete(id);
      }
    },
    forget(ids) {
      for (const id of ids) pushed.delete(id);
    },
    all: pushed,
  };
}
