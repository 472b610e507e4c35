import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../sync/server/app.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { addDesk } from '../../../sync/server/repositories/desks.ts';
import { importCalendarYear } from '../../../sync/server/repositories/reference-imports.ts';
import { loadBundledCalendarYears } from '../../../src/calendar/bundled-calendars.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { openSse } from './support/sse.ts';
import { authed, buildWorld, makeEvent, newDossierCode, pullAll, push, receivedPayload, UNIT_A, type TestDesk, type World } from './support/world.ts';

describe.each(serverTestDatabases())('streams and concurrent pushers on $name', (database) => {
  let world: World;
  let base: string;
  beforeAll(async () => {
    world = await buildWorld(await database.target());
    base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('streams RESYNC on connect, then the unit\u2019s new events in batches', async () => {
    const streamA = await openSse(`${base}/api/sync/events/stream`, authed(world.deskA2));
    const streamB = await openSse(`${base}/api/sync/events/stream`, authed(world.deskB));
    try {
      expect(await streamA.next()).toBe('RESYNC');
      expect(await streamB.next()).toBe('RESYNC');
      const event = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', newDossierCode(world.deskA), receivedPayload());
      expect((await push(world.app, world.deskA, [event])).statusCode).toBe(200);
      const batch = (await streamA.next(2000)) as { documents: Array<{ id: string }>; checkpoint: { seq: number } };
      expect(batch.documents.map((d) => d.id)).toEqual([event.id]);
      expect(batch.checkpoint.seq).toBeGreaterThan(0);
      await expect(streamB.next(500)).rejects.toThrow(/no stream message/);
    } finally {
      streamA.close();
      streamB.close();
    }
  });

  it('streams reference changes (a calendar import) to desks', async () => {
    const stream = await openSse(`${base}/api/sync/reference/stream`, authed(world.deskA));
    try {
      expect(await stream.next()).toBe('RESYNC');
      const year = loadBundledCalendarYears()[0]!;
      await importCalendarYear(world.database.db, year);
      const batch = (await stream.next(2000)) as { documents: Array<{ id: string; body: unknown }> };
      expect(batch.documents.map((d) => d.id)).toEqual([`calendar:${year.year}`]);
      const pulled = await world.app.inject({ method: 'GET', url: '/api/sync/reference/pull?checkpoint=0&limit=1000', headers: authed(world.deskA) });
      const ids = (pulled.json() as { documents: Array<{ id: string; unitId: string | null }> }).documents;
      expect(ids.some((d) => d.id === `calendar:${year.year}`)).toBe(true);
      // Officers of another unit (and their verifiers) never reach this desk.
      expect(ids.filter((d) => d.id.startsWith('officer:')).every((d) => d.unitId === UNIT_A)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('never lets a pull by checkpoint skip an event committed by concurrent pushers', async () => {
    const desks: TestDesk[] = [world.deskA, world.deskA2];
    for (const slot of [3, 4]) {
      const issued = await addDesk(world.database.db, { unitId: UNIT_A, slot });
      const response = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: issued.code } });
      desks.push({ id: issued.desk.id, unitId: UNIT_A, slot, credential: response.json().credential });
    }
    const start = await pullAll(world.app, world.deskA);
    const seen = new Set<string>();
    let checkpoint = start.checkpoint;
    let pushing = true;
    const poller = (async () => {
      while (pushing) {
        const page = await pullAll(world.app, world.deskA, checkpoint, 7);
        page.documents.forEach((d) => seen.add(String(d.id)));
        checkpoint = page.checkpoint;
        // inject() with PGlite can resolve on microtasks alone: let the pushers' requests in.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const pushed: string[] = [];
    await Promise.all(
      desks.map(async (desk) => {
        for (let round = 0; round < 8; round += 1) {
          const code = newDossierCode(desk);
          const events = [
            makeEvent(desk, world.officers.receptionA!, 'RECEIVED', code, receivedPayload()),
            makeEvent(desk, world.officers.receptionA!, 'PRINTED', code, { form: 'receipt', copies: 1, isCopy: false }),
          ];
          const response = await push(world.app, desk, events);
          expect(response.statusCode).toBe(200);
          pushed.push(...events.map((e) => e.id));
        }
      }),
    );
    pushing = false;
    await poller;
    const last = await pullAll(world.app, world.deskA, checkpoint, 7);
    last.documents.forEach((d) => seen.add(String(d.id)));
    expect(pushed).toHaveLength(64);
    expect(pushed.filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('scale-out on PostgreSQL', () => {
  const [, postgres] = serverTestDatabases();
  let world: World;
  let second: Awaited<ReturnType<typeof buildApp>>;
  let secondBase: string;
  beforeAll(async () => {
    const target = await postgres!.target();
    world = await buildWorld(target);
    second = await buildApp({ database: await openDatabase(target) });
    secondBase = await second.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await second?.close();
    await world?.close();
    await postgres?.cleanup();
  });

  it('a push to one process reaches a stream on another within 2 s', async () => {
    const stream = await openSse(`${secondBase}/api/sync/events/stream`, authed(world.deskA2));
    try {
      expect(await stream.next()).toBe('RESYNC');
      const event = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', newDossierCode(world.deskA), receivedPayload());
      const started = Date.now();
      expect((await push(world.app, world.deskA, [event])).statusCode).toBe(200);
      const batch = (await stream.next(2000)) as { documents: Array<{ id: string }> };
      expect(batch.documents.map((d) => d.id)).toEqual([event.id]);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      stream.close();
    }
  });
});
