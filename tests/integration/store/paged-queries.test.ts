import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase, RxStorage } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import { readByPrimaryKey, readIdsByPrimaryKey } from '../../../renderer/store/paged-queries.ts';
import { testStorage, uniqueName, validating } from './test-storage.ts';

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 100 }, n: { type: 'number' } },
  required: ['id', 'n'],
} as const;

let db: RxDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

async function openItems(storage: RxStorage<unknown, unknown>): Promise<RxCollection<{ id: string; n: number }>> {
  db = await createRxDatabase({ name: uniqueName(), storage });
  const { items } = await db.addCollections({ items: { schema } });
  await items.bulkInsert(['a|1', 'a|2', 'ab|1', 'b|1', 'b|2', 'c|1'].map((id, n) => ({ id, n })));
  await (await items.findOne('b|1').exec())?.remove();
  return items as unknown as RxCollection<{ id: string; n: number }>;
}

describe('readIdsByPrimaryKey', () => {
  it.each([
    ['Dexie (keys alone from the index)', () => validating(testStorage())],
    ['memory (a storage query)', () => validating(getRxStorageMemory())],
  ] as const)('reads ids in order within the bounds, without deleted documents, as the full read does (%s)', async (_name, storage) => {
    const items = await openItems(storage());
    const cases = [
      [{}, 10],
      [{ from: 'a|2' }, 10],
      [{ after: 'a|2' }, 10],
      [{ after: 'a|2', before: 'b|2' }, 10],
      [{ from: 'a|', before: 'a|\uffff' }, 10],
      [{ from: 'ab' }, 2],
      [{ from: 'c', before: 'b' }, 10],
      [{ after: 'b', before: 'b' }, 10],
    ] as const;
    for (const [bounds, limit] of cases) {
      const full = (await readByPrimaryKey(items, bounds, limit)).map((doc) => doc.id);
      expect(await readIdsByPrimaryKey(items, bounds, limit), JSON.stringify(bounds)).toEqual(full);
    }
    // '|' sorts after letters: "ab|1" comes before "a|1"; "b|1" is deleted.
    expect(await readIdsByPrimaryKey(items, { from: 'a', before: 'c' }, 10)).toEqual(['ab|1', 'a|1', 'a|2', 'b|2']);
    expect(await readIdsByPrimaryKey(items, { from: 'a|1' }, 2)).toEqual(['a|1', 'a|2']);
  });

  it('takes the keys from Dexie storage itself, through the wrappers', async () => {
    const items = await openItems(validating(testStorage()));
    const internals = (await items.storageInstance.internals) as { dexieTable?: unknown };
    expect(internals.dexieTable).toBeDefined();
  });
});
