import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxJsonSchema } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/index.ts';
import type { SettingsDoc } from '../../../renderer/store/replication-access.ts';
import { ENROLLMENT_KEY, loadEnrollment, saveEnrollment } from '../../../sync/client/enrollment.ts';
import type { Enrollment } from '../../../sync/client/enrollment.ts';
import { openTestStore } from '../store/fixtures.ts';
import { TEST_KEY, indexedDB, testStorage, uniqueName, validating } from '../store/test-storage.ts';

const CREDENTIAL = 'dk_7Qm3XhT9pRaW2nD-credential-of-the-desk';

const enrollment: Enrollment = {
  serverUrl: 'https://motcua.hanoi.gov.vn',
  deskId: '000.00.12.H23#1',
  unitId: '000.00.12.H23',
  slot: 1,
  credential: CREDENTIAL,
  enrolledAt: Date.UTC(2025, 10, 24, 2),
};

/** The settings collection as schema version 0 wrote it: no encrypted field at all. */
type SettingsDocV0 = Omit<SettingsDoc, 'secret'>;
const settingsSchemaV0: RxJsonSchema<SettingsDocV0> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 120 }, value: { type: 'object' }, updatedAt: { type: 'string', maxLength: 30 } },
  required: ['id', 'value', 'updatedAt'],
};

/** Every record of every IndexedDB database whose name contains `name`, as raw JSON text. */
async function rawDump(name: string): Promise<string> {
  const databases = (await indexedDB.databases()).filter((db) => db.name?.includes(name));
  expect(databases.length).toBeGreaterThan(0);
  const records: unknown[] = [];
  for (const info of databases) {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(info.name as string);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    for (const storeName of Array.from(db.objectStoreNames)) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error);
      });
      records.push(...all);
    }
    db.close();
  }
  return JSON.stringify(records);
}

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('the desk credential at rest', () => {
  it('is stored only encrypted, and reads back in clear', async () => {
    const name = uniqueName('cred');
    store = await openTestStore({ name });
    await saveEnrollment(store, enrollment);

    const raw = await rawDump(name);
    expect(raw).toContain(enrollment.serverUrl);
    expect(raw).not.toContain(CREDENTIAL);
    expect(await loadEnrollment(store)).toEqual(enrollment);
  });

  it('moves a credential stored in clear by an older version out of the clear when loaded', async () => {
    const name = uniqueName('legacy');
    const old = await createRxDatabase<{ settings: RxCollection<SettingsDocV0> }>({
      name,
      storage: validating(wrappedKeyEncryptionCryptoJsStorage({ storage: testStorage() })),
      password: TEST_KEY,
      multiInstance: false,
    });
    await old.addCollections({ settings: { schema: settingsSchemaV0 } });
    await old.collections.settings.insert({ id: ENROLLMENT_KEY, value: { ...enrollment }, updatedAt: '2025-11-24T02:00:00.000Z' });
    await old.close();
    expect(await rawDump(name)).toContain(CREDENTIAL);

    store = await openTestStore({ name });
    expect(store.database.collections.settings.schema.version).toBe(1);
    expect(await loadEnrollment(store)).toEqual(enrollment);
    expect(await rawDump(name)).not.toContain(CREDENTIAL);
    const doc = await store.database.collections.settings.findOne(ENROLLMENT_KEY).exec();
    expect(doc?.toJSON().value).not.toHaveProperty('credential');
  });
});
