import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { buildWorld, makeEvent, newDossierCode, push, receivedPayload, type World } from './support/world.ts';

const CITIZEN = { fullName: 'Lê Thị Lan', citizenId: '079190001234', phone: '0987654321', address: 'Số 12 ngõ 34 phố Hàng Bạc' };

/**
 * Issue 18: a database error copied the citizen's name and ID number into the server log. Here the
 * database itself refuses a pushed event (a constraint added for the test, as a real constraint or a
 * cast would fail) and the captured log is searched for the personal data of the push.
 */
describe.each(serverTestDatabases())('no personal data in the server log on $name', (database) => {
  const lines: string[] = [];
  let world: World;

  beforeAll(async () => {
    world = await buildWorld(await database.target(), { logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } } });
    await sql`alter table events add constraint test_refuses_this_applicant check (body->'payload'->'applicant'->>'fullName' is distinct from ${sql.lit(CITIZEN.fullName)})`.execute(world.database.db);
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('logs a failing push by SQLSTATE, constraint and request id, never the row, the body or the message that quotes them', async () => {
    const payload = receivedPayload();
    const event = makeEvent(world.deskA, world.officers.receptionA!, 'RECEIVED', newDossierCode(world.deskA), { ...payload, applicant: CITIZEN });
    const response = await push(world.app, world.deskA, [event]);
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'server.internal', message: 'Máy chủ gặp lỗi, vui lòng thử lại sau.' } });

    const log = lines.join('');
    for (const personal of [...Object.values(CITIZEN), 'Lê Thị', 'Failing row', event.id]) {
      expect(log).not.toContain(personal);
      // pino escapes nothing but quotes and control characters; search the JSON-escaped forms too.
      expect(log).not.toContain(JSON.stringify(personal).slice(1, -1));
    }
    // What the operator needs is there: what failed, where, and which request.
    const failure = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((entry) => entry.msg === 'unhandled error');
    expect(failure, log).toMatchObject({ level: 50, reqId: expect.any(String), err: { type: 'DatabaseError', code: '23514', constraint: 'test_refuses_this_applicant' } });
    expect(lines.some((line) => line.includes(String(failure?.reqId)) && line.includes('/api/sync/events/push'))).toBe(true);
  });
});
