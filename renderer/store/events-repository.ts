import type { RxCollection } from 'rxdb';
import type { EventSigner } from '../../src/auth/officer-session.ts';
import { parseEvent, readStoredEvent } from '../../src/dossier/events.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { DomainError } from '../../src/errors.ts';
import { canonicalJson } from '../../src/canonical-json.ts';
import { normalizeInstant } from './instant.ts';
import { readByPrimaryKey } from './paged-queries.ts';
import { joinPersonal, splitPersonal } from './personal-data.ts';
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
  /**
   * Puts a corrected body in place of a stored event that never reached the server (the desk's
   * quarantine, "Chưa gửi được"): same id, dossier, type, time, officer, desk and unit, only its
   * texts changed; then re-projects the dossier. The one write that is not an insert: the event
   * was never sent, so no other desk and no server holds it, and it keeps its place in the
   * dossier's history. Throws DomainError for an invalid body, an unknown id, an event already
   * stamped by the server, or a body that changes more than texts; nothing is written then.
   */
  correctUnsent(input: unknown): Promise<DossierEvent>;
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
    correctUnsent(input) {
      const parsed = parseEvent(input);
      if (!parsed.ok) return Promise.reject(parsed.error);
      const corrected = parsed.value;
      const signing = signer;
      return serial(async () => {
        const doc = await collection.findOne(corrected.id).exec();
        if (!doc) throw new DomainError('event.not_found', `Không có thao tác ${corrected.id} trên quầy.`, ['id']);
        const current = doc.toMutableJSON();
        const before = readStoredEvent(joinPersonal(current.event, current.personal));
        if (typeof current.event.serverAt === 'string') {
          throw new DomainError('event.already_synced', 'Thao tác này đã lên máy chủ tỉnh: không sửa được trên quầy.', ['serverAt']);
        }
        if (!before.ok || !sameEnvelope(before.value, corrected)) {
          throw new DomainError('event.correction_mismatch', 'Bản sửa phải giữ nguyên thao tác, hồ sơ, thời điểm và người thực hiện; chỉ nội dung chữ được sửa.');
        }
        const event = before.value.session === undefined ? corrected : signedAgain(corrected, await signing);
        const { clear, personal } = splitPersonal(event);
        await doc.incrementalPatch({ event: clear, personal });
        await projector.catchUp();
        return event;
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

/**
 * A signed event's session MAC covers its texts, so a corrected body is signed again, in the
 * session of the officer who recorded it: only they can vouch for what it now says.
 */
function signedAgain(event: DossierEvent, signer: EventSigner | null): DossierEvent {
  if (!signer || signer.officerId !== event.officerId) {
    throw new DomainError(
      'event.correction_officer',
      'Thao tác này do cán bộ khác ghi: chỉ cán bộ đó, đăng nhập trên quầy này, mới sửa được (hoặc xuất tệp cho bộ phận hỗ trợ).',
      ['officerId'],
    );
  }
  const { session: _stale, ...unsigned } = event;
  return signer.sign(unsigned as DossierEvent);
}

/** Everything but the payload's texts: what a correction may not change. */
function sameEnvelope(a: DossierEvent, b: DossierEvent): boolean {
  const keys = ['id', 'dossierCode', 'type', 'at', 'serverAt', 'officerId', 'deskId', 'unitId', 'schemaVersion'] as const;
  return keys.every((key) => a[key] === b[key]) && sameButTexts(a.payload, b.payload);
}

function sameButTexts(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => sameButTexts(item, b[index]));
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && sameButTexts((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}
