import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { authed, PASSWORD, UNIT_A } from './support/world.ts';
import { openLoginForm, postForm } from './support/dashboard.ts';
import type { FastifyInstance } from 'fastify';
import type { TestDesk } from './support/world.ts';

/** Issue 18 point 4: one throttle for the dashboard's login and the desk officers' login. */
describe.each(serverTestDatabases())('login throttling on $name', (database) => {
  const suite = worldPerSuite(database, { options: { rateLimits: { login: 20 }, loginGuard: { maxRunning: 2, maxQueued: 4 } } });

  const dashboardAttempt = async (app: FastifyInstance, username: string, password: string, remoteAddress: string) => {
    const form = await openLoginForm(app, remoteAddress);
    return postForm(app, '/bao-cao/dang-nhap', { form, fields: { unit: UNIT_A, username, password }, remoteAddress });
  };
  const deskAttempt = (app: FastifyInstance, desk: TestDesk, username: string, password: string, remoteAddress: string) =>
    app.inject({ method: 'POST', url: '/api/officers/login', remoteAddress, headers: authed(desk), payload: { username, password } });

  it('answers 429 on the dashboard long before 30 wrong passwords, and keeps the account locked from another address', async () => {
    const { app } = suite.world;
    const statuses: number[] = [];
    let locked = null;
    for (let i = 0; i < 30 && locked === null; i += 1) {
      const response = await dashboardAttempt(app, 'leadera', `sai-mật-khẩu-${i}`, '203.0.113.10');
      statuses.push(response.statusCode);
      if (response.statusCode === 429) locked = response;
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(locked?.headers['content-type']).toMatch(/^text\/html/);
    expect(locked?.body).toContain('Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần');
    // The right password from elsewhere does not open it either, on the dashboard or from a desk.
    const elsewhere = await dashboardAttempt(app, 'leadera', PASSWORD, '198.51.100.7');
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.headers['set-cookie']?.toString() ?? '').not.toContain('motcua_bao_cao=');
    const fromDesk = await deskAttempt(app, suite.world.deskA, 'leadera', PASSWORD, '198.51.100.8');
    expect(fromDesk.statusCode).toBe(429);
    expect(fromDesk.json()).toEqual({ error: { code: 'auth.locked', message: expect.stringMatching(/thử lại sau \d+ phút/) } });
  });

  it('locks a desk officer the same way, and the dashboard sees the same lock', async () => {
    const { app, deskA } = suite.world;
    const statuses: number[] = [];
    // An officer allowed on desk 1 (the administrator is on no desk: refused before any password check).
    for (let i = 0; i < 6; i += 1) statuses.push((await deskAttempt(app, deskA, 'receptiona', 'sai-mật-khẩu', `192.0.2.${i + 1}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const dashboard = await dashboardAttempt(app, 'receptiona', PASSWORD, '192.0.2.50');
    expect(dashboard.statusCode).toBe(429);
    expect(dashboard.body).toContain('Tài khoản tạm khoá');
  });

  it('gives one address one budget across both login routes', async () => {
    const { app, deskA } = suite.world;
    const address = '203.0.113.99';
    const statuses: number[] = [];
    // A different made-up username each time: no account lock gets in the way, only the address.
    for (let i = 0; i < 11; i += 1) statuses.push((await deskAttempt(app, deskA, `khach${i}`, 'sai-mật-khẩu', address)).statusCode);
    for (let i = 0; i < 11; i += 1) statuses.push((await dashboardAttempt(app, `khach-web${i}`, 'sai-mật-khẩu', address)).statusCode);
    expect(statuses.slice(0, 20).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it('never runs more than two password verifications at once under a flood, and turns the excess away unhashed', async () => {
    const { app, deskA } = suite.world;
    const flood = Array.from({ length: 30 }, (_, i) => deskAttempt(app, deskA, `lu${i}`, 'sai-mật-khẩu', `100.64.0.${i + 1}`));
    const responses = await Promise.all(flood);
    const counts = new Map<string, number>();
    for (const response of responses) {
      const key = `${response.statusCode} ${response.json<{ error: { code: string } }>().error.code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['401 auth.bad_credentials', '429 auth.busy']);
    expect(counts.get('429 auth.busy')).toBeGreaterThanOrEqual(1);
    expect(app.loginGuard.gate.peakRunning).toBeLessThanOrEqual(2);
    expect(app.loginGuard.gate.running).toBe(0);
  });
});
