import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serverTestDatabases } from '../integration/server/support/server-databases.ts';
import { deskEventIds, enrolledDesk, eventually, serverEventIds, startSyncWorld } from '../integration/sync/support/sync-world.ts';
import type { SyncWorld, TestDesk } from '../integration/sync/support/sync-world.ts';

/**
 * Issue 6 point 11: sync through a misbehaving network and server. After each fault the desks and
 * the server must hold exactly the same events: none lost, none twice.
 */
const PUSH = 'POST /api/sync/events/push';
const PULL = 'GET /api/sync/events/pull';

describe.each(serverTestDatabases())('sync faults ($name)', (database) => {
  let world: SyncWorld;
  const open: TestDesk[] = [];
  const expected = new Set<string>();

  beforeAll(async () => {
    world = await startSyncWorld(await database.target(), 6);
  }, 180_000);
  afterEach(async () => {
    world.proxy.setRule(null);
    world.proxy.setOffline(false);
    world.proxy.setDelay(0);
    world.proxy.setThrottle(0);
    for (const desk of open.splice(0)) await desk.shutdown().catch(() => undefined);
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  async function desk(slot: number): Promise<TestDesk> {
    const made = await enrolledDesk(world, slot);
    open.push(made);
    return made;
  }

  async function receive(target: TestDesk, count: number) {
    for (const event of await target.receive(count)) expected.add(event.id);
  }

  /** Every desk syncs cleanly, then holds exactly what the server holds, which is everything written. */
  async function expectConverged(desks: TestDesk[]) {
    for (const each of desks) {
      const report = await each.sync!.dayEnd();
      expect(report, JSON.stringify(report)).toMatchObject({ ok: true, pendingAfter: 0, rejected: [] });
    }
    for (const each of desks) await each.sync!.dayEnd();
    const server = await serverEventIds(world, desks[0]!);
    expect(new Set(server).size).toBe(server.length);
    expect([...server].sort()).toEqual([...expected].sort());
    for (const each of desks) expect(await deskEventIds(each)).toEqual([...expected].sort());
  }

  it('connection cut after the server stored a push, before the desk heard: retried, stored once', async () => {
    const one = await desk(1);
    let answersCut = 0;
    world.proxy.setRule(({ direction, lastRequest }) => {
      if (direction === 'down' && lastRequest === PUSH && answersCut < 3) {
        answersCut += 1;
        return { cutAfter: 0 };
      }
      return 'forward';
    });
    await receive(one, 30);
    await one.startSync({ batchSize: 10 });
    await eventually(() => answersCut >= 3, 'three push answers cut');
    world.proxy.setRule(null);
    await expectConverged([one]);
  }, 120_000);

  it('connection cut in the middle of a push body and of a pull answer', async () => {
    const one = await desk(2);
    const two = await desk(3);
    await receive(two, 20);
    const syncTwo = await two.startSync();
    expect(await syncTwo.dayEnd()).toMatchObject({ ok: true });

    let cuts = 0;
    world.proxy.setRule(({ direction, lastRequest, chunk }) => {
      if (cuts >= 4) return 'forward';
      if ((direction === 'up' && lastRequest === PUSH) || (direction === 'down' && lastRequest.startsWith(PULL))) {
        cuts += 1;
        return { cutAfter: Math.floor(chunk.length / 2) };
      }
      return 'forward';
    });
    await receive(one, 25);
    await one.startSync({ batchSize: 10 });
    await eventually(() => cuts >= 4, 'four cuts mid-body');
    world.proxy.setRule(null);
    await expectConverged([one, two]);
  }, 120_000);

  it('server killed with SIGKILL in the middle of a push, then restarted', async () => {
    const one = await desk(4);
    let killing: Promise<void> | null = null;
    world.proxy.setRule(({ direction, lastRequest }) => {
      if (!killing && direction === 'up' && lastRequest === PUSH) killing = world.killServer();
      return 'forward';
    });
    await receive(one, 40);
    const sync = await one.startSync({ batchSize: 10 });
    await eventually(() => killing !== null, 'a push to kill the server on');
    await killing;
    world.proxy.setRule(null);
    await receive(one, 5); // the officer keeps working while the server is down
    await eventually(() => sync.status().phase === 'offline' || sync.status().phase === 'error', 'the desk notices', 15_000);
    expect(sync.status().pending).toBeGreaterThan(0);
    await world.startServer();
    await expectConverged([one]);
  }, 180_000);

  it('duplicate and replayed pushes are stored once', async () => {
    const one = await desk(5);
    await receive(one, 10);
    const sync = await one.startSync();
    expect(await sync.dayEnd()).toMatchObject({ ok: true, sent: 10 });
    const events = await Promise.all([...expected].slice(-10).map((id) => one.store.events.byId(id)));
    const rows = events.map((event) => ({ newDocumentState: { ...event, serverAt: null } }));
    const replay = () =>
      fetch(`${world.server.url}/api/sync/events/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${one.enrollment.credential}`, 'content-type': 'application/json' },
        body: JSON.stringify([...rows, ...rows]),
      });
    for (const response of await Promise.all([replay(), replay()])) {
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ accepted: 0, conflicts: [] });
    }
    await expectConverged([one]);
  }, 120_000);

  it('desk restarted in the middle of a sync, on a slow and throttled link', async () => {
    const one = await desk(6);
    await receive(one, 40);
    world.proxy.setDelay(30);
    world.proxy.setThrottle(20_000);
    let pushes = 0;
    world.proxy.setRule(({ direction, lastRequest }) => {
      if (direction === 'up' && lastRequest === PUSH) pushes += 1;
      return 'forward';
    });
    await one.startSync({ batchSize: 10 });
    await eventually(() => pushes >= 2, 'a push under way');
    await one.shutdown();
    world.proxy.setDelay(0);
    world.proxy.setThrottle(0);
    await one.restart();
    await expectConverged([one]);
  }, 180_000);
});
