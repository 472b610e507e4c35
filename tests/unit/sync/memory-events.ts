import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach } from 'vitest';
import type { EventDoc } from '../../../renderer/store/replication-access.ts';
import { eventSchema } from '../../../renderer/store/schemas/event-schema.ts';

/**
 * A fresh in-memory `events` collection per call, closed after each test of the calling scope:
 * the desk's event schema without its at-rest encryption (a storage wrapper in the app).
 */
export function memoryEventsCollections(prefix: string): () => Promise<RxCollection<EventDoc>> {
  let database: RxDatabase | null = null;
  afterEach(async () => {
    await database?.close();
    database = null;
  });
  return async () => {
    database = await createRxDatabase({ name: `${prefix}${Math.floor(Math.random() * 1e9)}`, storage: getRxStorageMemory() });
    const { encrypted: _encrypted, ...schema } = eventSchema;
    const { events } = await database.addCollections({ events: { schema } });
    return events as RxCollection<EventDoc>;
  };
}
