import type { LightMyRequestResponse, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { buildWorld, PASSWORD, UNIT_A, type World } from './support/world.ts';
import { dashboardLogin, openLoginForm, postForm } from './support/dashboard.ts';

function expectSecurityHeaders(where: string, response: LightMyRequestResponse): void {
  const csp = String(response.headers['content-security-policy'] ?? '');
  expect({ where, csp }).toEqual({ where, csp: expect.stringMatching(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/) });
  expect({ where, csp }).toEqual({ where, csp: expect.stringMatching(/(^|;)\s*default-src 'none'/) });
  expect({ where, xfo: response.headers['x-frame-options'] }).toEqual({ where, xfo: 'DENY' });
  expect({ where, referrer: response.headers['referrer-policy'] }).toEqual({ where, referrer: 'no-referrer' });
  expect({ where, nosniff: response.headers['x-content-type-options'] }).toEqual({ where, nosniff: 'nosniff' });
}

/**
 * Issue 18 point 4: every HTML page the server has, found from its own route table (a route added
 * later is walked too), carries CSP with frame-ancestors 'none', X-Frame-Options, Referrer-Policy
 * and nosniff, whether logged in or not, found or not.
 */
describe.each(serverTestDatabases())('security headers of every HTML page on $name', (database) => {
  let world: World;
  const routes: Array<Pick<RouteOptions, 'method' | 'url'>> = [];
  beforeAll(async () => {
    world = await buildWorld(await database.target(), { onRoute: (route) => routes.push({ method: route.method, url: route.url }) });
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('walks every GET route, anonymous and logged in, and checks each HTML answer', async () => {
    const { app } = world;
    const session = await dashboardLogin(app, { unit: UNIT_A, username: 'leadera', password: PASSWORD });
    const gets = routes.filter((route) => [route.method].flat().includes('GET')).map((route) => route.url ?? '');
    expect(gets.length).toBeGreaterThan(8);
    const htmlRoutes = new Set<string>();
    for (const url of gets) {
      const concrete = url.replace(/:code\b/g, '000.00.12.H23-250101-0001').replace(/:[a-zA-Z]+/g, 'x');
      for (const query of ['', '?ma=000.00.12.H23-250101-0001&from=2025-01-01&to=2025-01-31']) {
        for (const headers of [{}, { cookie: session }]) {
          for (const method of ['GET', 'HEAD'] as const) {
            const response = await app.inject({ method, url: `${concrete}${query}`, headers });
            if (/^text\/html/.test(String(response.headers['content-type'] ?? ''))) {
              htmlRoutes.add(url);
              expectSecurityHeaders(`${method} ${concrete}${query} ${'cookie' in headers ? 'logged in' : 'anonymous'} → ${response.statusCode}`, response);
            }
          }
        }
      }
    }
    expect([...htmlRoutes].sort()).toEqual(['/bao-cao', '/tra-cuu', '/tra-cuu/:code']);
  });

  it('checks the HTML answers of the form posts and of refusals too', async () => {
    const { app } = world;
    const form = await openLoginForm(app);
    const wrong = await postForm(app, '/bao-cao/dang-nhap', { form, fields: { unit: UNIT_A, username: 'leadera', password: 'sai-mật-khẩu' } });
    expect(wrong.statusCode).toBe(401);
    expectSecurityHeaders('failed login', wrong);
    const forged = await postForm(app, '/bao-cao/dang-nhap', { form, token: null, fields: { unit: UNIT_A, username: 'leadera', password: PASSWORD } });
    expect(forged.statusCode).toBe(403);
    expectSecurityHeaders('refused form', forged);
  });
});
