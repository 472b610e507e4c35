import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { eventsCollectionOf, settingsCollectionOf } from '../../../renderer/store/replication-access.ts';
import { DESK_HEALTH_PATH } from '../../../sync/client/desk-health.ts';
import type { DeskHealthReport } from '../../../sync/client/desk-health.ts';
import type { FetchLike } from '../../../sync/client/http-client.ts';
import { createPendingCounter } from '../../../sync/client/pending-counter.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

/** The desk reports its health (events waiting, oldest waiting, its clock) with each sync. */
describe.each(serverTestDatabases().slice(0, 1))('desk health reports ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  it('counts what waits and since when, sends it after the sync, and the server keeps it', async () => {
    const world = await worlds.start(1);
    const desk = await worlds.desk(1);
    const received = await desk.receive(3);

    // Before any sync: three events wait, the oldest being the first received.
    const counter = createPendingCounter(eventsCollectionOf(desk.store), settingsCollectionOf(desk.store));
    expect(await counter.count(() => false)).toEqual({ pending: 3, oldestPendingAt: new Date(received[0]!.at).toISOString() });

    const reports: DeskHealthReport[] = [];
    const recording: FetchLike = (input, init) => {
      if (input.endsWith(DESK_HEALTH_PATH)) reports.push(JSON.parse(String(init?.body)) as DeskHealthReport);
      return fetch(input, init);
    };
    const sync = await desk.startSync({ live: false, fetch: recording });
    const before = Date.now();
    expect(await sync.dayEnd()).toMatchObject({ ok: true, sent: 3, pendingAfter: 0 });
    expect(reports.length).toBeGreaterThan(0);
    const last = reports.at(-1)!;
    expect(last).toMatchObject({ pendingEvents: 0, oldestPendingAt: null });
    expect(Date.parse(last.deskTime)).toBeGreaterThanOrEqual(before - 1000);
    await desk.shutdown();

    // The server stored it in its migrated `desk_health` table (PGlite: one process at a time).
    await world.stopServer();
    const opened = await openDatabase(world.target, { migrate: false });
    try {
      const { rows } = await sql<{ pending_events: number; oldest_pending_at: unknown; clock_offset_ms: string | number }>`
        select pending_events, oldest_pending_at, clock_offset_ms from desk_health where desk_id = ${desk.enrollment.deskId}`.execute(opened.db);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ pending_events: 0, oldest_pending_at: null });
      // Same machine, same clock: the offset is the request's transit time.
      expect(Math.abs(Number(rows[0]!.clock_offset_ms))).toBeLessThan(10_000);
    } finally {
      await opened.close();
    }
  }, 180_000);
});
