import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDesk } from '../../../sync/server/repositories/desks.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { buildWorld, PASSWORD, UNIT_A, type World } from './support/world.ts';

describe.each(serverTestDatabases())('desk enrollment and officer login on $name', (database) => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld(await database.target(), { rateLimits: { enroll: 7, login: 4 } });
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('exchanges a one-time code for a credential, the unit and its officers\u2019 verifiers', async () => {
    const issued = await addDesk(world.database.db, { unitId: UNIT_A, slot: 5 });
    const response = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: issued.code.toLowerCase().replaceAll('-', ' ') } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.credential).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.desk).toEqual({ deskId: `${UNIT_A}#5`, agencyId: UNIT_A, slot: 5 });
    expect(body.unit).toMatchObject({ id: UNIT_A, name: 'UBND xã Tân Lập', level: 'commune' });
    expect(body.officers.map((o: { username: string }) => o.username).sort()).toEqual(['admina', 'leadera', 'processinga', 'receptiona']);
    // Desk verifiers, for the officers allowed on this desk only (issue 18 point 6; who-acted.test.ts).
    const verifiers = Object.fromEntries(body.officers.map((o: { username: string; verifier: string | null }) => [o.username, o.verifier]));
    expect(verifiers).toEqual({ admina: null, leadera: null, processinga: expect.stringMatching(/^\$motcua-desk-v1\$argon2id\$/), receptiona: expect.stringMatching(/^\$motcua-desk-v1\$argon2id\$/) });

    const stored = await world.database.db.selectFrom('desks').select('credential_hash').where('id', '=', `${UNIT_A}#5`).executeTakeFirstOrThrow();
    expect(stored.credential_hash).not.toContain(body.credential);

    const again = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: issued.code } });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('enrollment.invalid_code');
  });

  it('refuses an expired code', async () => {
    const issued = await addDesk(world.database.db, { unitId: UNIT_A, slot: 6 }, new Date(Date.now() - 25 * 3600_000));
    const response = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: issued.code } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('enrollment.invalid_code');
  });

  it('logs officers of the desk\u2019s unit in, and no one else', async () => {
    const headers = { authorization: `Bearer ${world.deskA.credential}` };
    const ok = await world.app.inject({ method: 'POST', url: '/api/officers/login', headers, payload: { username: 'ReceptionA', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().officer).toMatchObject({ id: world.officers.receptionA?.id, unitId: UNIT_A, role: 'reception' });
    expect(ok.json().verifier).toMatch(/^\$motcua-desk-v1\$argon2id\$/);

    const wrong = await world.app.inject({ method: 'POST', url: '/api/officers/login', headers, payload: { username: 'receptiona', password: 'sai-mật-khẩu' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'auth.bad_credentials', message: expect.any(String) } });
    const otherUnit = await world.app.inject({ method: 'POST', url: '/api/officers/login', headers, payload: { username: 'receptionb', password: PASSWORD } });
    expect(otherUnit.statusCode).toBe(401);
    const noDesk = await world.app.inject({ method: 'POST', url: '/api/officers/login', payload: { username: 'receptiona', password: PASSWORD } });
    expect(noDesk.statusCode).toBe(401);
    expect(noDesk.json().error.code).toBe('desk.unauthorized');
  });

  it('rate-limits with a 429 JSON error', async () => {
    let last = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: 'AAAA-BBBB-CCCC-DDDD' } });
    for (let i = 0; i < 8 && last.statusCode !== 429; i += 1) {
      last = await world.app.inject({ method: 'POST', url: '/api/desks/enroll', payload: { code: 'AAAA-BBBB-CCCC-DDDD' } });
    }
    expect(last.statusCode).toBe(429);
    expect(last.json()).toEqual({ error: { code: 'request.rate_limited', message: expect.stringMatching(/Quá nhiều yêu cầu/) } });
    expect(last.headers['retry-after']).toBeDefined();
  });

  it('refuses sync calls without a valid desk credential', async () => {
    for (const authorization of [undefined, 'Bearer nope', `Bearer ${'x'.repeat(43)}`, `Basic ${world.deskA.credential}`, "Bearer ' or 1=1 --"]) {
      const response = await world.app.inject({ method: 'GET', url: '/api/sync/events/pull', headers: authorization ? { authorization } : {} });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('desk.unauthorized');
    }
  });
});
