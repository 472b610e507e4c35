import type { RxCollection } from 'rxdb';
import type { EventSigner } from '../../src/auth/officer-session.ts';
import { parseEvent } from '../../src/dossier/events.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { DomainError } from '../../src/errors.ts';
import { canonicalJson } from '../../src/canonical-json.ts';
import { normalizeInstant } from './instant.ts';
import { readByPrimaryKey } from './paged-queries.ts';
import { splitPersonal } from './personal-data.ts';
import { docToEvent } from './projector.ts';
import type { Projector } from './projector.ts';
import type { PendingProjections } from './pending-projections.ts';
import type { EventDoc } from './schemas/event-schema.ts';

export interface AppendResult {
  event: DossierEvent;
  /** True when this exact event was already stored (a retried append): nothing changed. */
  duplicate: boolean;
}

export interface EventsRepository {
  /**
   * Validates and stores an event, then updates its dossier's projection.
   * Throws DomainError `event.bad_shape`/`event.too_large`/`event.bad_json` for an invalid event
   * and `event.id_conflict` for a known id with another body (tampering); nothing is stored then.
   * `newDossier`: the caller found no event of this dossier (a receipt issuing a fresh code), so
   * the projection can be written without reading the dossier's events back (checked, not trusted).
   * Such an append returns once the event is stored: the receipt is saved then, and its projection
   * follows at once, next in the queue (reads of projections wait for it, `PendingProjections`).
   * Other appends return after their projection.
   */
  append(input: unknown, options?: { newDossier?: boolean }): Promise<AppendResult>;
  /**
   * Signs every event appended from now on with this officer's login session (its `session` field,
   * src/auth/officer-session.ts), or stops signing (null, at logout). An event of another officer
   * than the session's is refused (`event.wrong_officer`), nothing stored. Events appended while no
   * session is set stay unsigned: the provincial server refuses those, so the app sets one at login.
   * A signer still being made (its hash code loads on first use) is waited for by the appends only,
   * not by the start of a remembered session.
   */
  signWith(signer: EventSigner | Promise<EventSigner> | null): void;
  byId(id: string): Promise<DossierEvent | null>;
  /** The route of a dossier, in id (creation) order. */
  forDossier(code: string): Promise<DossierEvent[]>;
  /** The whole event log in id order (read by pages), e.g. for a backup export. */
  all(): Promise<DossierEvent[]>;
}

const ALL_PAGE = 2_000;

export function createEventsRepository(
  collection: RxCollection<EventDoc>,
  projector: Projector,
  serial: <T>(task: () => Promise<T>) => Promise<T>,
  pending: PendingProjections,
): EventsRepository {
  async function stored(id: string): Promise<DossierEvent | null> {
    const doc = await collection.findOne(id).exec();
    return doc ? docToEvent(doc.toMutableJSON()) : null;
  }

  function sameOrConflict(existing: DossierEvent | null, event: DossierEvent): AppendResult {
    if (existing && canonicalJson(existing) === canonicalJson(event)) return { event, duplicate: true };
    throw new DomainError(
      'event.id_conflict',
      `Sự kiện ${event.id} đã có với nội dung khác: sự kiện mới bị từ chối (nghi ngờ bị sửa đổi).`,
      ['id'],
      { id: event.id },
    );
  }

  let signer: EventSigner | Promise<EventSigner> | null = null;

  return {
    signWith(next) {
      // A signer that fails to load fails the appends that wait for it, not the page.
      if (next instanceof Promise) next.catch(() => undefined);
      signer = next;
    },
    append(input, options) {
      const parsed = parseEvent(input);
      if (!parsed.ok) return Promise.reject(parsed.error);
      // Signed by the session the action was taken in, even if it ends before the write.
      const signing = signer;
      return serial(async () => {
        const session = await signing;
        const event = session ? session.sign(parsed.value) : parsed.value;
        const { clear, personal } = splitPersonal(event);
        try {
          await collection.insert({
            id: event.id,
            dossierCode: event.dossierCode,
            type: event.type,
            at: normalizeInstant(event.at),
            event: clear,
            personal,
          });
        } catch (error) {
          // A known id (a retried append, or written by replication): no read before the insert,
          // the conflict tells. Judge the stored event against this one.
          const raced = await stored(event.id);
          if (raced === null) throw error;
          return sameOrConflict(raced, event);
        }
        if (options?.newDossier) pending.track(serial(() => projector.catchUp(event)));
        else await projector.catchUp();
        return { event, duplicate: false };
      });
    },
    byId: stored,
    forDossier: (code) => projector.eventsOf(code),
    async all() {
      const events: DossierEvent[] = [];
      let after: string | null = null;
      for (;;) {
        const docs: EventDoc[] = await readByPrimaryKey(collection, { after }, ALL_PAGE);
        for (const doc of docs) {
          const event = docToEvent(doc);
          if (event) events.push(event);
        }
        if (docs.length < ALL_PAGE) return events;
        after = docs[docs.length - 1]?.id ?? null;
      }
    },
  };
}
