import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { PASSWORD, UNIT_A } from './support/world.ts';
import { cookiesSet, formTokenIn, openLoginForm, postForm, SERVER_ORIGIN } from './support/dashboard.ts';
import type { LightMyRequestResponse } from 'fastify';

const leader = { unit: UNIT_A, username: 'leadera', password: PASSWORD };

function setCookieHeaders(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie'];
  return Array.isArray(header) ? header : header === undefined ? [] : [String(header)];
}

/** Issue 18 point 4: every form post of the dashboard is protected against cross-site forgery. */
describe.each(serverTestDatabases())('dashboard forms on $name', (database) => {
  const suite = worldPerSuite(database);

  it('logs in and out through the real forms: same origin, the page\u2019s token, strict HttpOnly cookies', async () => {
    const { app } = suite.world;
    const form = await openLoginForm(app);
    const login = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader });
    expect(login.statusCode).toBe(303);
    const sessionCookie = setCookieHeaders(login).find((c) => c.startsWith('motcua_bao_cao='));
    expect(sessionCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    const session = cookiesSet(login).find((c) => c.startsWith('motcua_bao_cao=')) ?? '';

    const dashboard = await app.inject({ method: 'GET', url: '/bao-cao', headers: { cookie: `${session}; ${form.cookie}` } });
    expect(dashboard.body).toContain('Đăng xuất');
    const logout = await postForm(app, '/bao-cao/dang-xuat', { form: { cookie: form.cookie, token: formTokenIn(dashboard.body) }, extraCookies: [session] });
    expect(logout.statusCode).toBe(303);
    expect(setCookieHeaders(logout).find((c) => c.startsWith('motcua_bao_cao='))).toMatch(/^motcua_bao_cao=; Path=\/; HttpOnly; SameSite=Strict; Max-Age=0$/);
    const after = await app.inject({ method: 'GET', url: '/api/reports/desk-health', headers: { cookie: session } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a login posted from a foreign origin or another site', async () => {
    const { app } = suite.world;
    const form = await openLoginForm(app);
    // ('' leaves Sec-Fetch-Site out where a case has none.)
    for (const headers of [
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://localhost.evil.example', 'sec-fetch-site': 'same-site' },
    ]) {
      const response = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader, headers: { 'sec-fetch-site': '', ...headers } });
      expect({ headers, status: response.statusCode }).toEqual({ headers, status: 403 });
      expect(response.body).toContain('Yêu cầu không gửi từ trang của máy chủ này');
      expect(cookiesSet(response).some((c) => c.startsWith('motcua_bao_cao='))).toBe(false);
    }
  });

  it('refuses a logout posted from a foreign origin: the session stays', async () => {
    const { app } = suite.world;
    const form = await openLoginForm(app);
    const login = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader });
    const session = cookiesSet(login).find((c) => c.startsWith('motcua_bao_cao=')) ?? '';
    const dashboard = await app.inject({ method: 'GET', url: '/bao-cao', headers: { cookie: `${session}; ${form.cookie}` } });
    const token = formTokenIn(dashboard.body);
    const forged = await postForm(app, '/bao-cao/dang-xuat', { form: { cookie: form.cookie, token }, extraCookies: [session], headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(forged.statusCode).toBe(403);
    const withoutToken = await postForm(app, '/bao-cao/dang-xuat', { form, token: null, extraCookies: [session] });
    expect(withoutToken.statusCode).toBe(403);
    const still = await app.inject({ method: 'GET', url: '/api/reports/desk-health', headers: { cookie: session } });
    expect(still.statusCode).toBe(200);
  });

  it('refuses a post without the token, with another browser\u2019s token, or without the form cookie', async () => {
    const { app } = suite.world;
    const mine = await openLoginForm(app);
    const theirs = await openLoginForm(app);
    const cases = [
      { token: null },
      { token: '' },
      { token: theirs.token },
      { token: mine.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    ];
    for (const { token } of cases) {
      const response = await postForm(app, '/bao-cao/dang-nhap', { form: mine, fields: leader, token });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
      // The refusal page carries a fresh form, so the officer can simply try again.
      expect(formTokenIn(response.body)).not.toBe('');
    }
    const noCookie = await postForm(app, '/bao-cao/dang-nhap', { form: { cookie: '', token: mine.token }, fields: leader });
    expect(noCookie.statusCode).toBe(403);
    // Neither protection alone is enough: the token and the origin are both checked.
    const tokenButForeign = await postForm(app, '/bao-cao/dang-nhap', { form: mine, fields: leader, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(tokenButForeign.statusCode).toBe(403);
    const realOne = await postForm(app, '/bao-cao/dang-nhap', { form: mine, fields: leader });
    expect(realOne.statusCode).toBe(303);
  });

  it('accepts the post of a browser without Fetch Metadata that names this origin, or only a Referer of it', async () => {
    const { app } = suite.world;
    const form = await openLoginForm(app);
    const originOnly = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader, headers: { 'sec-fetch-site': '' } });
    expect(originOnly.statusCode).toBe(303);
    const refererOnly = await app.inject({
      method: 'POST',
      url: '/bao-cao/dang-nhap',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: `${SERVER_ORIGIN}/bao-cao`, cookie: form.cookie },
      payload: new URLSearchParams({ ...leader, csrf: form.token }).toString(),
    });
    expect(refererOnly.statusCode).toBe(303);
  });
});

/** Issue 18 points 4 and 8: `Secure` cookies behind a reverse proxy the server trusts, and only then. */
describe.each(serverTestDatabases())('dashboard cookies behind a reverse proxy on $name', (database) => {
  const suite = worldPerSuite(database, { options: { trustProxy: ['127.0.0.1'] } });
  const https = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'motcua.tinh.gov.vn' };

  it('marks every cookie Secure when the trusted proxy says the browser came over HTTPS', async () => {
    const { app } = suite.world;
    const form = await openLoginForm(app, '127.0.0.1', https);
    expect(form.cookie).toMatch(/^__Host-motcua_form=/);
    const login = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader, headers: { ...https, origin: 'https://motcua.tinh.gov.vn' } });
    expect(login.statusCode).toBe(303);
    const cookies = setCookieHeaders(login);
    expect(cookies.find((c) => c.startsWith('motcua_bao_cao='))).toMatch(/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
    const page = await app.inject({ method: 'GET', url: '/bao-cao', headers: https });
    expect(setCookieHeaders(page).every((c) => /; HttpOnly; SameSite=Strict; Secure$/.test(c))).toBe(true);
    // The plain-HTTP origin is another origin now.
    const downgraded = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader, headers: { ...https, origin: 'http://motcua.tinh.gov.vn' } });
    expect(downgraded.statusCode).toBe(403);
  });

  it('believes no forwarded header from a peer it does not trust', async () => {
    const { app } = suite.world;
    const stranger = '203.0.113.5';
    const form = await openLoginForm(app, stranger, https);
    expect(form.cookie).toMatch(/^motcua_form=/);
    const login = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader, remoteAddress: stranger, headers: https });
    expect(login.statusCode).toBe(303);
    expect(setCookieHeaders(login).find((c) => c.startsWith('motcua_bao_cao='))).not.toMatch(/Secure/);
    // It cannot claim to be the HTTPS site either.
    const pretending = await postForm(app, '/bao-cao/dang-nhap', { form, fields: leader, remoteAddress: stranger, headers: { ...https, origin: 'https://motcua.tinh.gov.vn' } });
    expect(pretending.statusCode).toBe(403);
  });

  it('counts the rate limits by the client address the trusted proxy forwards', async () => {
    const { app } = suite.world;
    const lookups = async (forwardedFor: string) => {
      let status = 0;
      let count = 0;
      while (status !== 429 && count < 70) {
        status = (await app.inject({ method: 'GET', url: '/api/public/dossiers/x', headers: { 'x-forwarded-for': forwardedFor } })).statusCode;
        count += 1;
      }
      return count;
    };
    expect(await lookups('198.51.100.1')).toBe(61);
    expect(await lookups('198.51.100.2')).toBe(61);
  });
});
