import { getChangedDocumentsSince } from 'rxdb';
import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import type { EventDoc, SettingsDoc } from '../../renderer/store/replication-access.ts';
import { deskIdOfDoc } from './event-docs.ts';

/**
 * The desk's files still to upload, kept in the settings collection so that a restart neither
 * forgets one nor uploads one again: a doc per waiting file (`attachment-waiting:<hash>`, with the
 * dossiers that attached it and the address of its unfinished upload) and a marker per uploaded
 * one (`attachment-uploaded:<hash>`). New files are found by reading the event log in RxDB's change
 * order from a stored cursor, so each scan costs only what was written since the last one.
 */
const WAITING_PREFIX = 'attachment-waiting:';
/** The first key after every waiting key (':' + 1). */
const WAITING_PREFIX_END = 'attachment-waiting;';
const UPLOADED_PREFIX = 'attachment-uploaded:';
const CURSOR_KEY = 'attachment-scan-cursor';
const PAGE = 500;

const cursorSchema = z.object({ checkpoint: z.object({ id: z.string(), lwt: z.number() }).nullable() });
const attachedSchema = z.object({
  type: z.literal('ATTACHED'),
  payload: z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().positive(), mediaType: z.string() }),
});

/** One event attaching the file: the server takes the file for a dossier whose event it holds. */
export interface AttachmentClaim {
  eventId: string;
  dossierCode: string;
}

export interface WaitingAttachment {
  hash: string;
  size: number;
  mediaType: string;
  claims: AttachmentClaim[];
  /** Path of the unfinished tus upload on the server (`/api/uploads/<id>`), to resume from its offset. */
  uploadPath: string | null;
}

const waitingSchema = z.object({
  hash: z.string(),
  size: z.number(),
  mediaType: z.string(),
  claims: z.array(z.object({ eventId: z.string(), dossierCode: z.string() })),
  uploadPath: z.string().nullable(),
});

export interface AttachmentQueue {
  /** The waiting files, oldest claim first. */
  waiting(): Promise<WaitingAttachment[]>;
  /**
   * Reads the events written since the last scan and queues the files this desk attached that are
   * neither waiting nor uploaded yet, if the desk holds them (`held`). Returns the files queued.
   */
  scan(held: (hash: string) => Promise<boolean>): Promise<WaitingAttachment[]>;
  saveUploadPath(hash: string, uploadPath: string | null): Promise<void>;
  markUploaded(hash: string): Promise<void>;
}

export function createAttachmentQueue(settings: RxCollection<SettingsDoc>, events: RxCollection<EventDoc>, deskId: string, now: () => number): AttachmentQueue {
  const write = (id: string, value: Record<string, unknown>) =>
    settings.incrementalUpsert({ id, value: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, updatedAt: new Date(now()).toISOString() });
  const readWaiting = (doc: SettingsDoc): WaitingAttachment | null => {
    const parsed = waitingSchema.safeParse(doc.value);
    return parsed.success ? parsed.data : null;
  };

  async function claimsOf(docs: EventDoc[], held: (hash: string) => Promise<boolean>): Promise<Map<string, WaitingAttachment>> {
    const found = new Map<string, WaitingAttachment>();
    for (const doc of docs) {
      if (doc.type !== 'ATTACHED' || deskIdOfDoc(doc) !== deskId) continue;
      const attached = attachedSchema.safeParse(doc.event);
      if (!attached.success) continue;
      const { hash, size, mediaType } = attached.data.payload;
      const claim = { eventId: doc.id, dossierCode: doc.dossierCode };
      const known = found.get(hash);
      if (known) {
        if (!known.claims.some((c) => c.eventId === doc.id)) known.claims.push(claim);
      } else if (await held(hash)) {
        found.set(hash, { hash, size, mediaType, claims: [claim], uploadPath: null });
      }
    }
    return found;
  }

  return {
    async waiting() {
      const docs = await settings.find({ selector: { id: { $gte: WAITING_PREFIX, $lt: WAITING_PREFIX_END } } }).exec();
      const entries = docs.map((doc) => readWaiting(doc.toMutableJSON())).filter((entry): entry is WaitingAttachment => entry !== null);
      const firstClaim = (entry: WaitingAttachment) => entry.claims.map((c) => c.eventId).sort()[0] ?? '';
      return entries.sort((a, b) => (firstClaim(a) < firstClaim(b) ? -1 : 1));
    },

    async scan(held) {
      const stored = await settings.findOne(CURSOR_KEY).exec();
      const parsed = cursorSchema.safeParse(stored?.toMutableJSON().value);
      const start = parsed.success ? parsed.data.checkpoint : null;
      let cursor = start;
      const queued: WaitingAttachment[] = [];
      for (;;) {
        const page = await getChangedDocumentsSince(events.storageInstance, PAGE, cursor ?? undefined);
        for (const found of (await claimsOf(page.documents, held)).values()) {
          const entry = await mergeIntoQueue(found);
          if (entry) queued.push(entry);
        }
        if (page.documents.length > 0) cursor = page.checkpoint as { id: string; lwt: number };
        if (page.documents.length < PAGE) break;
      }
      if (cursor !== start) await write(CURSOR_KEY, { checkpoint: cursor });
      return queued;
    },

    async saveUploadPath(hash, uploadPath) {
      const doc = await settings.findOne(WAITING_PREFIX + hash).exec();
      const entry = doc ? readWaiting(doc.toMutableJSON()) : null;
      if (entry) await write(WAITING_PREFIX + hash, { ...entry, uploadPath });
    },

    async markUploaded(hash) {
      await write(UPLOADED_PREFIX + hash, { at: new Date(now()).toISOString() });
      await (await settings.findOne(WAITING_PREFIX + hash).exec())?.remove();
    },
  };

  /** Adds a found file to the queue (or new claims to its entry); null when it was uploaded already or nothing changed. */
  async function mergeIntoQueue(found: WaitingAttachment): Promise<WaitingAttachment | null> {
    if (await settings.findOne(UPLOADED_PREFIX + found.hash).exec()) return null;
    const doc = await settings.findOne(WAITING_PREFIX + found.hash).exec();
    const known = doc ? readWaiting(doc.toMutableJSON()) : null;
    if (known) {
      const added = found.claims.filter((claim) => !known.claims.some((c) => c.eventId === claim.eventId));
      if (added.length === 0) return null;
      const merged = { ...known, claims: [...known.claims, ...added] };
      await write(WAITING_PREFIX + found.hash, merged);
      return merged;
    }
    await write(WAITING_PREFIX + found.hash, { ...found });
    return found;
  }
}
