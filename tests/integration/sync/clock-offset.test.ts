import { afterAll, describe, expect, it } from 'vitest';
import { loadClockOffset } from '../../../sync/client/clock-offset.ts';
import { DESK_HEALTH_PATH } from '../../../sync/client/desk-health.ts';
import type { FetchLike } from '../../../sync/client/http-client.ts';
import { EVENTS_PUSH_PATH } from '../../../sync/client/event-replication.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

const MINUTE = 60_000;

/** The desk learns its clock's offset from the server's answers and keeps it in its store. */
describe.each(serverTestDatabases().slice(0, 1))('the desk clock against the server ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('keeps the offset a push and a health report tell, across a restart, for a fast and a slow desk', async () => {
    await worlds.start(2);
    const fast = await worlds.desk(1);
    const slow = await worlds.desk(2);
    expect(await loadClockOffset(fast.store)).toBeNull();

    // A desk 12 minutes fast with a receipt to push: the push answer and the health answer both tell.
    await fast.receive(1);
    const asked: string[] = [];
    const recording: FetchLike = (input, init) => {
      asked.push(new URL(input).pathname);
      return fetch(input, init);
    };
    const fastSync = await fast.startSync({ live: false, fetch: recording, clock: () => Date.now() + 12 * MINUTE });
    expect(await fastSync.dayEnd()).toMatchObject({ ok: true, sent: 1 });
    expect(asked).toEqual(expect.arrayContaining([EVENTS_PUSH_PATH, DESK_HEALTH_PATH]));
    expect(Math.abs((fastSync.status().clockSkewMs ?? 0) - 12 * MINUTE)).toBeLessThan(10_000);
    // Quit and relaunched: the store still has it.
    await fast.shutdown();
    await (await fast.restart({ live: false })).stop();
    const kept = await loadClockOffset(fast.store);
    expect(Math.abs((kept?.offsetMs ?? 0) - 12 * MINUTE)).toBeLessThan(10_000);

    // A desk 7 minutes slow with nothing to push: the health report alone tells.
    const slowSync = await slow.startSync({ live: false, clock: () => Date.now() - 7 * MINUTE });
    expect(await slowSync.dayEnd()).toMatchObject({ ok: true, sent: 0 });
    const learned = await loadClockOffset(slow.store);
    expect(Math.abs((learned?.offsetMs ?? 0) + 7 * MINUTE)).toBeLessThan(10_000);
    expect(Math.abs((learned?.measuredAt ?? 0) - (Date.now() - 7 * MINUTE))).toBeLessThan(60_000);
  }, 180_000);
});
