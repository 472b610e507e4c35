import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startDeskSync } from '../../../sync/client/desk-sync.ts';
import { isStamped } from '../../../sync/client/event-docs.ts';
import type { DeskSync } from '../../../sync/client/desk-sync.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { openTestStore, uniqueNameForSync } from './support/desk-stores.ts';
import { deskEventIds, enrolledDesk, startSyncWorld } from './support/sync-world.ts';
import type { SyncWorld, TestDesk } from './support/sync-world.ts';

const [pglite] = serverTestDatabases();

/** Issue 6 point 14 / issue 8 point 4: gzipped pushes, and our own events coming back as stamps. */
describe('a desk\u2019s own events on a slow link', () => {
  let world: SyncWorld | null = null;
  const desks: TestDesk[] = [];
  const extra: Array<{ store: DeskStore; sync: DeskSync | null }> = [];
  afterEach(async () => {
    for (const { store, sync } of extra.splice(0)) {
      await sync?.stop().catch(() => undefined);
      await store.close().catch(() => undefined);
    }
    for (const desk of desks.splice(0)) await desk.shutdown().catch(() => undefined);
    await world?.close();
    world = null;
  });
  afterAll(() => pglite!.cleanup());

  it('pushes gzipped, reads its events back stamped without their bodies, and a reinstalled desk still gets them whole', async () => {
    world = await startSyncWorld(await pglite!.target());
    const requests: string[] = [];
    const down = { pull: 0, stream: 0 };
    world.proxy.setRule(({ direction, chunk, lastRequest }) => {
      if (direction === 'up' && /^POST \/api\/sync\/events\/push/.test(chunk.toString('latin1'))) requests.push(chunk.toString('latin1').split('\r\n\r\n')[0] ?? '');
      if (direction === 'down' && lastRequest.startsWith('GET /api/sync/events/pull')) down.pull += chunk.length;
      if (direction === 'down' && lastRequest.startsWith('GET /api/sync/events/stream')) down.stream += chunk.length;
      return 'forward';
    });
    const desk = await enrolledDesk(world, 1);
    desks.push(desk);
    const received = await desk.receive(40);
    const sync = await desk.startSync();
    const report = await sync.dayEnd();
    expect(report).toMatchObject({ ok: true, sent: 40, pendingAfter: 0, error: null });

    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((head) => /content-encoding: gzip/i.test(head))).toBe(true);
    // 40 events of ~700 bytes came back as stamps: a few KB at most, not their bodies.
    expect(down.pull + down.stream).toBeLessThan(40 * 200);
    const docs = await desk.store.database.collections.events.find().exec();
    expect(docs.map((doc) => doc.toMutableJSON()).filter((doc) => !isStamped(doc))).toEqual([]);

    // The same desk reinstalled (same credential, empty store): stamps it cannot resolve, so it
    // asks for the page in full and gets every event with its body.
    const store = await openTestStore(uniqueNameForSync('reinstalled'));
    const entry: { store: DeskStore; sync: DeskSync | null } = { store, sync: null };
    extra.push(entry);
    entry.sync = await startDeskSync({ store, enrollment: desk.enrollment, clock: Date.now, retryTimeMs: 200, backoff: { baseMs: 100, maxMs: 1000 } });
    const second = await entry.sync.dayEnd();
    expect(second).toMatchObject({ ok: true, error: null });
    const ids = (await store.database.collections.events.find().exec()).map((doc) => doc.id).sort();
    expect(ids).toEqual(received.map((event) => event.id).sort());
    expect(ids).toEqual(await deskEventIds(desk));
    expect(await store.database.collections.dossiers.count().exec()).toBe(40);

    await desk.shutdown();
    desks.length = 0;
    await world.stopServer();
    const server = await world.serverState();
    expect([...server.eventIds].sort()).toEqual(ids);
  }, 180_000);
});
