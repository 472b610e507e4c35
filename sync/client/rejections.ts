import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import type { SettingsDoc } from '../../renderer/store/replication-access.ts';

/**
 * The desk's quarantine ("Chưa gửi được"): events the server refused, events that cannot be sent
 * as stored (unreadable, or holding text no database can store), and events held back behind one
 * of those on the same dossier. Kept in the settings collection, one doc each, so two never
 * overwrite each other. The events themselves stay in the desk's log and on screen: nothing is
 * deleted; the officer sees the reason and corrects, exports or decides on the dossier. An entry
 * leaves the quarantine when its event is corrected or released and goes through.
 */
export const rejectionSchema = z.object({
  eventId: z.string(),
  dossierCode: z.string(),
  type: z.string(),
  /** `push`: the server refused our event; `pull`: we could not read an event it sent. */
  direction: z.enum(['push', 'pull']),
  code: z.string(),
  message: z.string(),
  /** Desk clock, ms. */
  at: z.number(),
  /** The dotted path of the field at fault, when the refusal names one. */
  path: z.string().optional(),
  /** The text rule refused it and the event is valid once its refused characters are taken out. */
  correctable: z.boolean().optional(),
  /** Not refused: held back until this correctable event of the same dossier goes through. */
  heldBy: z.string().optional(),
});
export type Rejection = z.infer<typeof rejectionSchema>;

const PREFIX = 'sync-rejection:';
// The character after ':' bounds the id range on the primary key index.
const END = 'sync-rejection;';

export interface RejectionLog {
  record(rejection: Rejection): Promise<void>;
  has(eventId: string): Promise<boolean>;
  get(eventId: string): Promise<Rejection | null>;
  /** Takes an event out of the quarantine (corrected, or released and sent). */
  remove(eventId: string): Promise<void>;
  list(): Promise<Rejection[]>;
  count(): Promise<number>;
}

export function createRejectionLog(settings: RxCollection<SettingsDoc>): RejectionLog {
  const range = { selector: { id: { $gte: PREFIX, $lt: END } } };
  return {
    async record(rejection) {
      await settings.upsert({ id: `${PREFIX}${rejection.eventId}`, value: { ...rejection }, updatedAt: new Date(rejection.at).toISOString() });
    },
    async has(eventId) {
      return (await settings.findOne(`${PREFIX}${eventId}`).exec()) !== null;
    },
    async get(eventId) {
      const doc = await settings.findOne(`${PREFIX}${eventId}`).exec();
      const parsed = rejectionSchema.safeParse(doc?.toMutableJSON().value);
      return parsed.success ? parsed.data : null;
    },
    async remove(eventId) {
      const doc = await settings.findOne(`${PREFIX}${eventId}`).exec();
      await doc?.remove();
    },
    async list() {
      const docs = await settings.find({ ...range, sort: [{ id: 'asc' }] }).exec();
      return docs
        .map((doc) => rejectionSchema.safeParse(doc.toMutableJSON().value))
        .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
        .sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1));
    },
    async count() {
      return settings.count(range).exec();
    },
  };
}
