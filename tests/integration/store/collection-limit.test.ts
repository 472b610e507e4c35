import { OPEN_COLLECTIONS } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { RXDB_OPEN_COLLECTION_LIMIT, deskCollectionDefinitions } from '../../../renderer/store/database.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';
import { uniqueName } from './test-storage.ts';

describe('RxDB open-core collection limit', () => {
  it('uses a handful of collections, far under the limit of 13', () => {
    expect(Object.keys(deskCollectionDefinitions)).toHaveLength(6);
    expect(Object.keys(deskCollectionDefinitions).length * 2).toBeLessThanOrEqual(RXDB_OPEN_COLLECTION_LIMIT);
  });

  it('releases every collection on close, however often the store is reopened', async () => {
    const name = uniqueName('reopen');
    const before = OPEN_COLLECTIONS.size;
    for (let round = 1; round <= 8; round += 1) {
      const store = await openTestStore({ name });
      expect(OPEN_COLLECTIONS.size).toBe(before + 6);
      await store.events.append(eventFactory()('RECEIVED', codeOf(round), receivedPayload()));
      expect((await store.dossiers.counts())[2]).toBe(round);
      await store.close();
      expect(OPEN_COLLECTIONS.size).toBe(before);
    }
  });

  it('leaves nothing open when opening fails (wrong key)', async () => {
    const name = uniqueName('wrongkey');
    const before = OPEN_COLLECTIONS.size;
    await (await openTestStore({ name })).close();
    await expect(openTestStore({ name, key: 'e'.repeat(64) })).rejects.toThrow();
    expect(OPEN_COLLECTIONS.size).toBe(before);
    // The right key still opens it: the failed attempt did not leave the database half-open.
    await (await openTestStore({ name })).close();
  });
});
