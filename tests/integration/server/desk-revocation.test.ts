import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskRevoke, deskCode } from '../../../sync/server/admin/commands.ts';
import type { DatabaseTarget } from '../../../sync/server/db/database.ts';
import { addDesk } from '../../../sync/server/repositories/desks.ts';
import { enrollmentCodeFrom, runAdmin } from './support/admin-cli.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { openSse, type SseReader } from './support/sse.ts';
import { authed, buildWorld, UNIT_A, UNIT_B, type TestDesk, type World } from './support/world.ts';

const CLOSE_WITHIN_MS = 5_000;

/** Resolves with how long the stream took to end, or fails after `limitMs`. */
async function endsWithin(stream: SseReader, since: number, limitMs: number): Promise<number> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the stream was still open ${limitMs} ms later`)), limitMs);
  });
  try {
    await Promise.race([stream.ended, timeout]);
    return Date.now() - since;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Issue 18 point 3: `desk revoke` and re-enrollment take effect at once, open streams included,
 * through the administrator's own path: the command line as a separate process on PostgreSQL; on
 * PGlite (one process per data folder) the same command run in the server's process.
 */
describe.each(serverTestDatabases())('desk revocation on $name', (database) => {
  let target: DatabaseTarget;
  let world: World;
  let base: string;
  const printed: string[] = [];
  const io = { readPassword: async () => '', print: (line: string) => printed.push(line) };

  const admin = async (args: string[]): Promise<string> => {
    if (target.kind === 'postgres') {
      const result = await runAdmin(target, args);
      if (result.code !== 0) throw new Error(`admin ${args.join(' ')}: ${result.stderr}`);
      return result.stdout;
    }
    printed.length = 0;
    const desk = args[args.indexOf('--desk') + 1] ?? '';
    if (args[1] === 'revoke') await deskRevoke(world.database, desk, io);
    else await deskCode(world.database, desk, io);
    return printed.join('\n');
  };
  const enroll = async (code: string) => world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code } });
  const pull = (credential: string) => world.app.inject({ method: 'GET', url: '/api/sync/events/pull', headers: { authorization: `Bearer ${credential}` } });

  beforeAll(async () => {
    target = await database.target();
    world = await buildWorld(target);
    base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('refuses a revoked desk with 403 desk.revoked and closes its open streams within 5 s, and no one else\u2019s', async () => {
    const desk = world.deskA2;
    const events = await openSse(`${base}/api/sync/events/stream`, authed(desk));
    const reference = await openSse(`${base}/api/sync/reference/stream`, authed(desk));
    const bystander = await openSse(`${base}/api/sync/events/stream`, authed(world.deskA));
    try {
      expect(await events.next()).toBe('RESYNC');
      expect(await reference.next()).toBe('RESYNC');
      expect(await bystander.next()).toBe('RESYNC');
      const output = await admin(['desk', 'revoke', '--desk', desk.id]);
      expect(output).toContain(`Đã thu hồi quầy ${desk.id}`);
      const revokedAt = Date.now();
      expect(await endsWithin(events, revokedAt, CLOSE_WITHIN_MS)).toBeLessThan(CLOSE_WITHIN_MS);
      expect(await endsWithin(reference, revokedAt, CLOSE_WITHIN_MS)).toBeLessThan(CLOSE_WITHIN_MS);

      const refused = await pull(desk.credential);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({ error: { code: 'desk.revoked', message: expect.stringMatching(/Quầy đã bị thu hồi quyền đồng bộ/) } });
      const reopened = await fetch(`${base}/api/sync/events/stream`, { headers: authed(desk) });
      expect(reopened.status).toBe(403);
      // The other desk's stream is still open, and its requests still work.
      await expect(Promise.race([bystander.ended.then(() => 'ended'), new Promise((resolve) => setTimeout(() => resolve('open'), 3_000))])).resolves.toBe('open');
      expect((await pull(world.deskA.credential)).statusCode).toBe(200);
      const row = await world.database.db.selectFrom('desks').select('revoked_at').where('id', '=', desk.id).executeTakeFirstOrThrow();
      expect(row.revoked_at).not.toBeNull();
    } finally {
      events.close();
      reference.close();
      bystander.close();
    }
  });

  it('enrols a revoked desk again only with a code issued after the revocation', async () => {
    const issued = await addDesk(world.database.db, { unitId: UNIT_A, slot: 7 });
    const first = await enroll(issued.code);
    const oldCredential = first.json<{ credential: string }>().credential;
    const spare = (await admin(['desk', 'code', '--desk', `${UNIT_A}#7`])).match(/Mã kích hoạt[^:]*:\s*([A-Z0-9-]{19})/)?.[1] ?? '';
    const revoked = await admin(['desk', 'revoke', '--desk', `${UNIT_A}#7`]);
    expect(revoked).toContain('Đã hủy 1 mã kích hoạt chưa dùng');
    // A code issued before the revocation (on paper, in the stolen laptop's bag) is spent.
    const stale = await enroll(spare);
    expect(stale.statusCode).toBe(401);
    expect(stale.json().error.code).toBe('enrollment.invalid_code');

    const fresh = await admin(['desk', 'code', '--desk', `${UNIT_A}#7`]);
    expect(fresh).toContain('Quầy này đang bị thu hồi');
    const again = await enroll(enrollmentCodeFrom(fresh));
    expect(again.statusCode).toBe(200);
    const newCredential = again.json<{ credential: string }>().credential;
    expect((await pull(newCredential)).statusCode).toBe(200);
    // The old credential stays dead: replaced, so no longer even a revoked desk's.
    const old = await pull(oldCredential);
    expect(old.statusCode).toBe(401);
    expect(old.json().error.code).toBe('desk.unauthorized');
  });

  it('closes the streams of a credential replaced by re-enrollment within 5 s', async () => {
    const desk: TestDesk = world.deskB;
    const stream = await openSse(`${base}/api/sync/events/stream`, authed(desk));
    try {
      expect(await stream.next()).toBe('RESYNC');
      const response = await enroll(enrollmentCodeFrom(await admin(['desk', 'code', '--desk', desk.id])));
      expect(response.statusCode).toBe(200);
      const replacedAt = Date.now();
      expect(await endsWithin(stream, replacedAt, CLOSE_WITHIN_MS)).toBeLessThan(CLOSE_WITHIN_MS);
      expect((await pull(desk.credential)).statusCode).toBe(401);
      const fresh = response.json<{ credential: string; desk: { agencyId: string } }>();
      expect(fresh.desk.agencyId).toBe(UNIT_B);
      expect((await pull(fresh.credential)).statusCode).toBe(200);
    } finally {
      stream.close();
    }
  });

  it('holds at most four streams per desk credential: the fifth gets 429 in JSON', async () => {
    const desk = world.deskA;
    const streams: SseReader[] = [];
    try {
      for (const path of ['events', 'events', 'reference', 'reference']) {
        const stream = await openSse(`${base}/api/sync/${path}/stream`, authed(desk));
        expect(await stream.next()).toBe('RESYNC');
        streams.push(stream);
      }
      const fifth = await fetch(`${base}/api/sync/events/stream`, { headers: authed(desk) });
      expect(fifth.status).toBe(429);
      expect(await fifth.json()).toEqual({ error: { code: 'stream.too_many', message: expect.stringMatching(/quá nhiều kênh cập nhật/) } });
      // Another desk is not limited by this one.
      const issued = await addDesk(world.database.db, { unitId: UNIT_A, slot: 8 });
      const other = await openSse(`${base}/api/sync/events/stream`, { authorization: `Bearer ${(await enroll(issued.code)).json<{ credential: string }>().credential}` });
      expect(await other.next()).toBe('RESYNC');
      other.close();
      // A closed stream frees its place (as soon as the server sees the connection go).
      streams.pop()?.close();
      let reopened = 0;
      for (let i = 0; i < 20 && reopened !== 200; i += 1) {
        const response = await fetch(`${base}/api/sync/events/stream`, { headers: authed(desk) });
        reopened = response.status;
        if (reopened === 200) void response.body?.cancel();
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(reopened).toBe(200);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
