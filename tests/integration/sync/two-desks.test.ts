import { afterAll, describe, expect, it } from 'vitest';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { deskEventIds, deskProjections } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

/** Issue 6 point 10: two desks of one unit, offline all morning, then sync. */
describe.each(serverTestDatabases())('two offline desks converge ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('50 dossiers each offline, then sync: 100 everywhere, no duplicate codes, identical projections', async () => {
    const world = await worlds.start();
    const one = await worlds.desk(1);
    const two = await worlds.desk(2);

    // Offline: nothing started yet, the desks only write locally.
    await one.receive(50);
    await two.receive(50);
    expect(await one.store.database.collections.dossiers.count().exec()).toBe(50);

    // Desk two comes online once desk one finished, so each report shows its own 50.
    const syncOne = await one.startSync();
    const reportOne = await syncOne.dayEnd();
    const syncTwo = await two.startSync();
    const reportTwo = await syncTwo.dayEnd();
    expect(reportOne).toMatchObject({ ok: true, sent: 50, rejected: [], pendingAfter: 0, error: null });
    expect(reportTwo).toMatchObject({ ok: true, sent: 50, rejected: [], pendingAfter: 0, error: null });
    expect(reportTwo.received).toBe(50);
    // Desk one learns about desk two's dossiers live, or at the latest with its next cycle.
    const again = await syncOne.dayEnd();
    expect(again).toMatchObject({ ok: true, sent: 0, pendingAfter: 0 });

    const idsOne = await deskEventIds(one);
    const idsTwo = await deskEventIds(two);
    expect(idsOne).toHaveLength(100);
    expect(idsTwo).toEqual(idsOne);
    expect(syncOne.status()).toMatchObject({ pending: 0, rejected: 0 });
    expect(syncOne.status().lastSuccessAt).not.toBeNull();

    const projectionsOne = await deskProjections(one);
    const projectionsTwo = await deskProjections(two);
    expect(projectionsOne.size).toBe(100);
    expect(projectionsTwo).toEqual(projectionsOne);

    await one.shutdown();
    await two.shutdown();
    await world.stopServer();
    const server = await world.serverState();
    expect([...server.eventIds].sort()).toEqual(idsOne);
    expect(new Set(server.dossiers.keys()).size).toBe(100);
    expect(server.dossiers).toEqual(projectionsOne);
  }, 240_000);
});
