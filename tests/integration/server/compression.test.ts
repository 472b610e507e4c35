import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { openSse } from './support/sse.ts';
import { authed, makeEvent, newDossierCode, pushRows, receivedPayload, type TestDesk } from './support/world.ts';

const [pglite] = serverTestDatabases();

/** Issue 6 point 14: desks gzip their pushes and receive gzipped pulls over slow links. */
describe('compressed sync traffic', () => {
  const suite = worldPerSuite(pglite!, { listen: true });

  const storedEvents = async () => (await sql<{ n: number }>`select count(*)::int as n from events`.execute(suite.world.database.db)).rows[0]!.n;
  const newEvents = (desk: TestDesk, count: number) =>
    Array.from({ length: count }, () => makeEvent(desk, suite.world.officers.receptionA!, 'RECEIVED', newDossierCode(desk), receivedPayload()));
  const pushRaw = (desk: TestDesk, body: Buffer, encoding: string) =>
    suite.world.app.inject({
      method: 'POST',
      url: '/api/sync/events/push',
      headers: { ...authed(desk), 'content-type': 'application/json', 'content-encoding': encoding },
      payload: body,
    });

  it('stores a gzipped push exactly like a plain one', async () => {
    const events = newEvents(suite.world.deskA, 20);
    const body = gzipSync(JSON.stringify(pushRows(events)));
    const response = await pushRaw(suite.world.deskA, body, 'gzip');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ accepted: 20, duplicates: 0 });
    const retried = await pushRaw(suite.world.deskA, body, 'gzip');
    expect(retried.json()).toMatchObject({ accepted: 0, duplicates: 20 });
  });

  it('refuses a decompression bomb with 413 and stores nothing', async () => {
    const before = await storedEvents();
    // A valid push padded with whitespace: 2 KB on the wire, 64 MB once inflated.
    const inflated = Buffer.alloc(64 * 1024 * 1024, 0x20);
    inflated.write(JSON.stringify(pushRows(newEvents(suite.world.deskA, 1))));
    const bomb = gzipSync(inflated, { level: 9 });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const started = performance.now();
    const response = await pushRaw(suite.world.deskA, bomb, 'gzip');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ error: { code: 'request.too_large', message: expect.stringContaining('giải nén') } });
    // Inflating stops at the limit, not at 64 MB.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await storedEvents()).toBe(before);
  });

  it.each([
    ['not gzip at all', Buffer.from('{"this":"is plain"}')],
    ['a truncated gzip body', gzipSync(JSON.stringify(pushRows([{ id: 'x' }]))).subarray(0, 20)],
  ])('refuses %s with a structured 400 and stores nothing', async (_name, body) => {
    const before = await storedEvents();
    const response = await pushRaw(suite.world.deskA, body, 'gzip');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'request.bad_encoding', message: expect.stringContaining('giải nén') } });
    expect(await storedEvents()).toBe(before);
  });

  it('refuses an encoding it does not read with a structured 415', async () => {
    const response = await pushRaw(suite.world.deskA, Buffer.from('[]'), 'x-squash');
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ error: { code: 'request.unsupported_encoding', message: expect.stringContaining('x-squash') } });
    const brotli = await pushRaw(suite.world.deskA, Buffer.from('[]'), 'br');
    expect(brotli.statusCode).toBe(415);
  });

  it('still takes plain pushes, and identity', async () => {
    const events = newEvents(suite.world.deskA, 2);
    const response = await pushRaw(suite.world.deskA, Buffer.from(JSON.stringify(pushRows(events))), 'identity');
    expect(response.json()).toMatchObject({ accepted: 2 });
  });

  it('gzips a pull page for a desk that accepts it, and leaves small answers plain', async () => {
    const plain = await suite.world.app.inject({ method: 'GET', url: '/api/sync/events/pull?checkpoint=0&limit=1000', headers: authed(suite.world.deskA2) });
    const zipped = await suite.world.app.inject({ method: 'GET', url: '/api/sync/events/pull?checkpoint=0&limit=1000', headers: { ...authed(suite.world.deskA2), 'accept-encoding': 'gzip' } });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const tiny = await suite.world.app.inject({ method: 'GET', url: '/health', headers: { 'accept-encoding': 'gzip' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
  });

  it('sends a desk its own events as stamps when asked, other desks\u2019 events whole', async () => {
    const mine = newEvents(suite.world.deskA, 2);
    const theirs = newEvents(suite.world.deskA2, 1);
    const start = (await suite.world.app.inject({ method: 'GET', url: '/api/sync/events/pull?checkpoint=0&limit=1000', headers: authed(suite.world.deskA) })).json().checkpoint.seq;
    await pushRaw(suite.world.deskA, Buffer.from(JSON.stringify(pushRows(mine))), 'identity');
    await pushRaw(suite.world.deskA2, Buffer.from(JSON.stringify(pushRows(theirs))), 'identity');
    const page = (await suite.world.app.inject({ method: 'GET', url: `/api/sync/events/pull?checkpoint=${start}&limit=1000&own=stamps`, headers: authed(suite.world.deskA) })).json();
    expect(page.documents).toEqual([
      { id: mine[0]!.id, serverAt: expect.any(String), stampOnly: true, _deleted: false },
      { id: mine[1]!.id, serverAt: expect.any(String), stampOnly: true, _deleted: false },
      { ...theirs[0], serverAt: expect.any(String), _deleted: false },
    ]);
    const full = (await suite.world.app.inject({ method: 'GET', url: `/api/sync/events/pull?checkpoint=${start}&limit=1000`, headers: authed(suite.world.deskA) })).json();
    expect(full.documents.map((d: { serverAt: string }) => d.serverAt)).toEqual(page.documents.map((d: { serverAt: string }) => d.serverAt));
    const bad = await suite.world.app.inject({ method: 'GET', url: '/api/sync/events/pull?own=some', headers: authed(suite.world.deskA) });
    expect(bad.statusCode).toBe(400);
  });

  it('gzips the event stream, flushed message by message, with own events as stamps', async () => {
    const stream = await openSse(`${suite.base}/api/sync/events/stream?own=stamps`, authed(suite.world.deskA));
    try {
      expect(await stream.next()).toBe('RESYNC');
      const mine = newEvents(suite.world.deskA, 1);
      await pushRaw(suite.world.deskA, gzipSync(JSON.stringify(pushRows(mine))), 'gzip');
      expect(await stream.next(3000)).toMatchObject({ documents: [{ id: mine[0]!.id, stampOnly: true }] });
      const theirs = newEvents(suite.world.deskA2, 1);
      await pushRaw(suite.world.deskA2, gzipSync(JSON.stringify(pushRows(theirs))), 'gzip');
      expect(await stream.next(3000)).toMatchObject({ documents: [{ ...theirs[0], serverAt: expect.any(String) }] });
    } finally {
      stream.close();
    }
    const controller = new AbortController();
    const response = await fetch(`${suite.base}/api/sync/events/stream`, { headers: { ...authed(suite.world.deskA), 'accept-encoding': 'gzip' }, signal: controller.signal });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    controller.abort();
  });

  it('lets a cross-origin desk send Content-Encoding', async () => {
    const response = await suite.world.app.inject({
      method: 'OPTIONS',
      url: '/api/sync/events/push',
      headers: { origin: 'app://motcua', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,content-encoding' },
    });
    expect(response.statusCode).toBe(204);
    expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('content-encoding');
  });
});
