import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { codeOf, eventFactory, openTestStore, receivedPayload } from './fixtures.ts';

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('event log and projections', () => {
  it('appends an event and updates the dossier projection in the same call', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload());
    const result = await store.events.append(received);
    expect(result).toEqual({ event: received, duplicate: false });

    const dossier = await store.dossiers.byCode(codeOf(1).toLowerCase());
    expect(dossier?.state).toMatchObject({
      code: codeOf(1),
      status: DossierStatus.Received,
      applicantName: 'Nguyễn Văn An',
      holderOfficerId: 'officer-1',
      eventIds: [received.id],
    });
    expect(dossier?.personal).toEqual({
      applicant: {
        citizenId: '001085012345',
        phone: '0912 345 678',
        email: 'an.nguyen@example.vn',
        address: 'Số 7 ngõ Hoà Bình, phường Ba Đình, Hà Nội',
      },
    });
    expect(await store.events.forDossier(codeOf(1))).toEqual([received]);

    const transfer = make('TRANSFERRED', codeOf(1), { toUnitId: '000.00.12.H23', toOfficerId: 'officer-9' });
    await store.events.append(JSON.stringify(transfer));
    expect((await store.dossiers.byCode(codeOf(1)))?.state).toMatchObject({ holderOfficerId: 'officer-9', eventIds: [received.id, transfer.id] });
    expect((await store.dossiers.query({ officer: 'officer-9' })).items.map((d) => d.code)).toEqual([codeOf(1)]);
    expect((await store.dossiers.query({ officer: 'officer-1' })).items).toEqual([]);
  });

  it('is idempotent for the same event, whatever its key order', async () => {
    store = await openTestStore();
    const received = eventFactory()('RECEIVED', codeOf(1), receivedPayload());
    await store.events.append(received);
    const reordered = Object.fromEntries(Object.entries(received).reverse());
    expect(await store.events.append(reordered)).toMatchObject({ duplicate: true });
    expect(await store.database.collections.events.count().exec()).toBe(1);
  });

  it('serialises concurrent appends: one insert for a doubled event, every event projected', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload());
    const note = make('NOTE', codeOf(1), { text: 'Công dân gọi điện hỏi' });
    const results = await Promise.all([store.events.append(received), store.events.append(received), store.events.append(note)]);
    expect(results.map((r) => r.duplicate)).toEqual([false, true, false]);
    expect((await store.dossiers.byCode(codeOf(1)))?.state.eventIds).toEqual([received.id, note.id]);
  });

  it('rejects a different body under a known id and keeps the original', async () => {
    store = await openTestStore();
    const received = eventFactory()('RECEIVED', codeOf(1), receivedPayload());
    await store.events.append(received);
    const tampered = { ...received, payload: { ...received.payload, dueAt: '2025-12-31T10:00:00.000Z' } };
    await expect(store.events.append(tampered)).rejects.toMatchObject({ code: 'event.id_conflict' });
    const personalTamper = { ...received, payload: { ...received.payload, applicant: { ...received.payload.applicant, citizenId: '001085099999' } } };
    await expect(store.events.append(personalTamper)).rejects.toMatchObject({ code: 'event.id_conflict' });
    expect(await store.events.byId(received.id)).toEqual(received);
    expect((await store.dossiers.byCode(codeOf(1)))?.state.dueAt).toBe('2025-11-27T10:00:00.000Z');
  });

  it('rejects an invalid event and stores nothing', async () => {
    store = await openTestStore();
    const received = eventFactory()('RECEIVED', codeOf(1), receivedPayload());
    const invalid = { ...received, payload: { ...received.payload, applicant: { ...received.payload.applicant, citizenId: '12' } } };
    await expect(store.events.append(invalid)).rejects.toMatchObject({ code: 'event.bad_shape', path: ['payload', 'applicant', 'citizenId'] });
    await expect(store.events.append({ ...received, extra: 1 })).rejects.toMatchObject({ code: 'event.bad_shape' });
    await expect(store.events.append('{not json')).rejects.toMatchObject({ code: 'event.bad_json' });
    const { events, dossiers, searchkeys } = store.database.collections;
    expect([await events.count().exec(), await dossiers.count().exec(), await searchkeys.count().exec()]).toEqual([0, 0, 0]);
  });

  it('keeps an illegal transition as a visible anomaly, not a lost event', async () => {
    store = await openTestStore();
    const make = eventFactory();
    await store.events.append(make('RECEIVED', codeOf(1), receivedPayload()));
    const returned = make('RETURNED', codeOf(1), { collectedBy: { fullName: 'Nguyễn Văn An', citizenId: '001085012345' } });
    await store.events.append(returned);
    const dossier = await store.dossiers.byCode(codeOf(1));
    expect(dossier?.state.status).toBe(DossierStatus.Received);
    expect(dossier?.state.anomalies.map((a) => a.eventId)).toEqual([returned.id]);
  });

  it('recovers a projection missed by a crash between the event and its projection', async () => {
    const name = `crash${Date.now()}`;
    store = await openTestStore({ name });
    const make = eventFactory();
    await store.events.append(make('RECEIVED', codeOf(1), receivedPayload()));
    // Simulate the crash: an event written, its projection not.
    const accepted = make('ACCEPTED', codeOf(1), {});
    await store.database.collections.events.insert({
      id: accepted.id, dossierCode: accepted.dossierCode, type: accepted.type, at: accepted.at, event: { ...accepted }, personal: {},
    });
    expect((await store.dossiers.byCode(codeOf(1)))?.state.status).toBe(DossierStatus.Received);
    await store.close();

    store = await openTestStore({ name });
    expect((await store.dossiers.byCode(codeOf(1)))?.state.status).toBe(DossierStatus.InProcessing);
    expect(await store.projections.rebuildAll()).toBe(1);
  });
});

describe('appending the first event of a new dossier (a receipt)', () => {
  async function views(s: DeskStore, code: string, name: string) {
    const dossier = await s.dossiers.byCode(code);
    const found = (await s.dossiers.query({ nameQuery: name })).items.map((d) => d.code);
    const reported = (await s.reportDays.read('2025-11-24', '2025-11-24')).find((d) => d.code === code);
    return { state: dossier?.state, personal: dossier?.personal, found, status: reported?.status, pending: await s.projections.catchUp() };
  }

  it('gives the same projection, search keys and report row as the full path, with nothing left to catch up', async () => {
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload({ name: 'Đỗ Thị Hạnh' }));
    store = await openTestStore();
    await store.events.append(received, { newDossier: true });
    const fast = await views(store, codeOf(1), 'do thi hanh');
    await store.close();
    store = await openTestStore();
    await store.events.append(received);
    const full = await views(store, codeOf(1), 'do thi hanh');

    expect(fast).toEqual(full);
    expect(fast).toMatchObject({ found: [codeOf(1)], status: DossierStatus.Received, pending: 0, state: { eventIds: [received.id] } });
  });

  it('returns once the event is stored; reads of this store wait for the projection that follows', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload({ name: 'Lê Văn Cường' }));
    await store.events.append(received, { newDossier: true });
    // At once, as the screens read after a save (the next test shows the append does not wait).
    expect((await store.dossiers.byCode(codeOf(1)))?.state.eventIds).toEqual([received.id]);
    expect((await store.dossiers.query({ nameQuery: 'le van cuong' })).items.map((d) => d.code)).toEqual([codeOf(1)]);
    expect((await store.reportDays.read('2025-11-24', '2025-11-24')).map((d) => d.code)).toEqual([codeOf(1)]);
  });

  it('keeps a receipt whose projection failed: the event stays, and it is projected again a moment later', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload());
    const instance = store.database.collections.dossiers.storageInstance;
    const bulkWrite = instance.bulkWrite.bind(instance);
    instance.bulkWrite = () => Promise.reject(new Error('disk full'));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await store.events.append(received, { newDossier: true });
      expect(await store.dossiers.byCode(codeOf(1))).toBeNull();
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('projection after a receipt failed'), expect.any(Error));
    } finally {
      instance.bulkWrite = bulkWrite;
      logged.mockRestore();
    }
    expect((await store.events.forDossier(codeOf(1))).map((e) => e.id)).toEqual([received.id]);
    // No append, no reopen: the store tries again by itself.
    const s = store;
    await vi.waitFor(async () => expect((await s.dossiers.byCode(codeOf(1)))?.state.status).toBe(DossierStatus.Received), { timeout: 5_000 });
  });

  it('is checked, not trusted: a dossier that has a projection is projected from all its events', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload());
    await store.events.append(received);
    const accepted = make('ACCEPTED', codeOf(1), {});
    await store.events.append(accepted, { newDossier: true });
    expect((await store.dossiers.byCode(codeOf(1)))?.state).toMatchObject({ status: DossierStatus.InProcessing, eventIds: [received.id, accepted.id] });
  });

  it('is checked, not trusted: a wrong claim leaves no search key or report row of its own', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const first = make('RECEIVED', codeOf(1), receivedPayload({ name: 'Nguyễn Văn An' }));
    await store.events.append(first);
    // The same code received again, at another time of day, for another name.
    const second = make('RECEIVED', codeOf(1), receivedPayload({ name: 'Trần Thị Bình', receivedAt: '2025-11-24T08:00:00.000Z' }));
    await store.events.append(second, { newDossier: true });

    expect((await store.dossiers.byCode(codeOf(1)))?.state).toMatchObject({ applicantName: 'Nguyễn Văn An', eventIds: [first.id, second.id] });
    expect((await store.dossiers.query({ nameQuery: 'tran thi binh' })).items).toEqual([]);
    expect((await store.dossiers.query({ nameQuery: 'nguyen van an' })).items.map((d) => d.code)).toEqual([codeOf(1)]);
    const rows = await store.reportDays.read('2025-11-24', '2025-11-24');
    expect(rows.map((d) => [d.code, d.applicantName])).toEqual([[codeOf(1), 'Nguyễn Văn An']]);
  });

  it('is checked, not trusted: an earlier event left without its projection (a crash) is projected with it', async () => {
    store = await openTestStore();
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload());
    // The crash: the event written, its projection not.
    await store.database.collections.events.insert({
      id: received.id, dossierCode: received.dossierCode, type: received.type, at: received.at, event: { ...received }, personal: {},
    });
    const accepted = make('ACCEPTED', codeOf(1), {});
    await store.events.append(accepted, { newDossier: true });
    expect((await store.dossiers.byCode(codeOf(1)))?.state).toMatchObject({ status: DossierStatus.InProcessing, eventIds: [received.id, accepted.id] });
  });
});

describe('store facade for the screens', () => {
  it('tells listeners when a dossier projection changes, until they unsubscribe', async () => {
    store = await openTestStore();
    const make = eventFactory();
    let calls = 0;
    const unsubscribe = store.onDossiersChanged(() => {
      calls += 1;
    });
    await store.events.append(make('RECEIVED', codeOf(1), receivedPayload()));
    await expect.poll(() => calls).toBeGreaterThan(0);
    unsubscribe();
    const before = calls;
    await store.events.append(make('ACCEPTED', codeOf(1), {}));
    expect((await store.dossiers.byCode(codeOf(1)))?.state.status).toBe(DossierStatus.InProcessing);
    expect(calls).toBe(before);
  });

  // Memory storage (Node desks, sync tests) has no [_deleted, primary key] index to name.
  it.each([
    ['Dexie', undefined],
    ['memory', getRxStorageMemory()],
  ] as const)('reads the whole event log in id order (%s storage)', async (_name, storage) => {
    store = await openTestStore(storage ? { storage } : {});
    const make = eventFactory();
    const received = make('RECEIVED', codeOf(1), receivedPayload());
    const other = make('RECEIVED', codeOf(2), receivedPayload());
    const accepted = make('ACCEPTED', codeOf(1), {});
    for (const event of [accepted, received, other]) await store.events.append(event);
    expect(await store.events.all()).toEqual([received, other, accepted]);
    expect((await store.reportDays.read('2025-11-24', '2025-11-24')).map((d) => d.code).sort()).toEqual([codeOf(1), codeOf(2)]);
  });
});
