import type { RxCollection } from 'rxdb';
import { z } from 'zod';
import type { SettingsDoc } from '../../renderer/store/replication-access.ts';

/**
 * Events the server refused, kept in the settings collection (one doc each, so two refusals
 * never overwrite each other). The events themselves stay in the desk's log and on screen:
 * nothing is deleted; the officer sees the reason and decides what to do on the dossier.
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
});
export type Rejection = z.infer<typeof rejectionSchema>;

const PREFIX = 'sync-rejection:';
// The character after ':' bounds the id range on the primary key index.
const END = 'sync-rejection;';

export interface RejectionLog {
  record(rejection: Rejection): Promise<void>;
  has(eventId: string): Promise<boolean>;
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
