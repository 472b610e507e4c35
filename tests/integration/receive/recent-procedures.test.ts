import { afterEach, describe, expect, it } from 'vitest';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { loadRecentProcedures, rememberProcedure } from '../../../renderer/screens/receive/recent-procedures.ts';
import { openTestStore } from '../store/fixtures.ts';
import { uniqueName } from '../store/test-storage.ts';

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('recently used procedures', () => {
  it('keeps the last six per officer, newest first, and writes nothing when the first is used again', async () => {
    store = await openTestStore();
    for (const code of ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.3']) await rememberProcedure(store, 'officer-1', code);
    expect(await loadRecentProcedures(store, 'officer-1')).toEqual(['1.3', '1.7', '1.6', '1.5', '1.4', '1.2']);
    expect(await loadRecentProcedures(store, 'officer-2')).toEqual([]);

    const doc = () => store!.database.collections.settings.findOne('recent-procedures:officer-1').exec();
    const revision = (await doc())?.revision;
    expect(await rememberProcedure(store, 'officer-1', '1.3')).toEqual(['1.3', '1.7', '1.6', '1.5', '1.4', '1.2']);
    expect((await doc())?.revision).toBe(revision);
  });

  it('is stored, not only remembered by the window that wrote it', async () => {
    const name = uniqueName('recent');
    store = await openTestStore({ name });
    await rememberProcedure(store, 'officer-1', '1.1');
    await rememberProcedure(store, 'officer-1', '1.2');
    await store.close();
    store = await openTestStore({ name });
    expect(await loadRecentProcedures(store, 'officer-1')).toEqual(['1.2', '1.1']);
  });
});
