import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';
import { indexedDB, uniqueName } from './test-storage.ts';

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

describe('personal data at rest', () => {
  it('stores citizen ID, phone, email and address only encrypted in the events, and not at all in projections', async () => {
    const name = uniqueName('enc');
    store = await openTestStore({ name });
    const make = eventFactory();
    await store.events.append(make('RECEIVED', codeOf(1), receivedPayload({ citizenId: '079203004567' })));
    await store.events.append(make('ACCEPTED', codeOf(1), {}));
    await store.events.append(make('RESOLVED', codeOf(1), {}));
    await store.events.append(make('RETURNED', codeOf(1), { collectedBy: { fullName: 'Trần Thị Bình', citizenId: '001190007788' } }));

    const raw = await rawDump(name);
    // The dump really holds the data: the clear parts are there…
    expect(raw).toContain(codeOf(1));
    expect(raw).toContain('Đăng ký khai sinh');
    // …and the personal parts are not.
    for (const secret of ['079203004567', '001190007788', '0912 345 678', 'an.nguyen@example.vn', 'ngõ Hoà Bình']) {
      expect(raw).not.toContain(secret);
    }
    // Projections hold no personal data at all (version 2): it is read from the events.
    expect((await store.database.collections.dossiers.findOne(codeOf(1)).exec())?.toJSON()).not.toHaveProperty('personal');
    // Through the store they read back in clear.
    const dossier = await store.dossiers.byCode(codeOf(1));
    expect(dossier?.personal).toMatchObject({ applicant: { citizenId: '079203004567' }, collectedBy: { citizenId: '001190007788' } });
    // Exact citizen-ID search works through the blind index, for applicant and collector alike.
    await store.events.append(make('RECEIVED', codeOf(2), receivedPayload({ citizenId: '001190007788', name: 'Trần Thị Bình' })));
    expect((await store.dossiers.byCitizenId('0792 0300 4567')).map((d) => d.code)).toEqual([codeOf(1)]);
    expect((await store.dossiers.byCitizenId('001190007788')).map((d) => d.code).sort()).toEqual([codeOf(1), codeOf(2)]);
    expect(await store.dossiers.byCitizenId('001190007789')).toEqual([]);
    expect(await store.dossiers.byCitizenId('12')).toEqual([]);
    const events = await store.events.forDossier(codeOf(1));
    expect(events[0]?.type === 'RECEIVED' && events[0].payload.applicant.address).toBe('Số 7 ngõ Hoà Bình, phường Ba Đình, Hà Nội');
  });

  it('refuses to open the database with another key', async () => {
    const name = uniqueName('key');
    store = await openTestStore({ name });
    await store.events.append(eventFactory()('RECEIVED', codeOf(1), receivedPayload()));
    await store.close();
    store = null;
    await expect(openTestStore({ name, key: 'f'.repeat(64) })).rejects.toMatchObject({ code: 'DB1' });
  });

  it('refuses a short key', async () => {
    await expect(openTestStore({ key: 'short-key' })).rejects.toMatchObject({ code: 'store.weak_key' });
  });
});
