import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { authed } from './support/world.ts';
import { openLoginForm, SERVER_ORIGIN } from './support/dashboard.ts';

const anyCodeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 60 });
const poisoned = fc
  .array(fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u202E', '\u0085', '0000-01-01T00:00:00Z', '-1', '9'.repeat(30), 'lan', '000.00.12.H23', 'ệ', ' '), { maxLength: 6 })
  .map((parts) => parts.join(''));
const anyText = fc.oneof(anyCodeUnits, poisoned, fc.string({ unit: 'binary', maxLength: 30 }));
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.dictionary(anyText, fc.oneof(anyText, fc.integer(), fc.double(), fc.constant(null))));
const anyInstantText = fc.oneof(
  anyText,
  fc.constantFrom('0000-01-01T00:00:00Z', '0000-12-31T23:59:59.999-14:00', '0001-01-01T00:00:00+14:00', '9999-12-31T23:59:59-14:00'),
  fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }).map((date) => date.toISOString()),
);

/** Every route that reads a body or a query, with what a stranger or a hostile desk could send it. */
describe.each(serverTestDatabases())('bad input to the other routes on $name (issue 18)', (database) => {
  const suite = worldPerSuite(database);

  /** A login posted from the dashboard's own form (cookie, token, origin) with a raw, percent-encoded body. */
  const dashboardLogin = async (fields: string) => {
    const form = await openLoginForm(suite.world.app);
    return {
      method: 'POST' as const,
      url: '/bao-cao/dang-nhap',
      payload: `${fields}&csrf=${encodeURIComponent(form.token)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: SERVER_ORIGIN, 'sec-fetch-site': 'same-origin', cookie: form.cookie },
    };
  };

  // What made it fail before issue 18 (a 500 each), then anything else.
  it.each([
    { name: 'a NUL in the dashboard login', request: () => dashboardLogin('unit=000.00.12.H23&username=lan%00&password=x'), status: 401 },
    { name: 'a lone surrogate in the dashboard login', request: () => dashboardLogin('unit=%ED%A0%80&username=lan&password=x'), status: 401 },
    { name: 'a desk health report from year 0000', request: async () => ({ method: 'POST' as const, url: '/api/desks/health', payload: { pendingEvents: 1, oldestPendingAt: '0000-01-01T00:00:00Z', deskTime: new Date().toISOString() }, headers: authed(suite.world.deskA) }), status: 400 },
  ])('refuses $name with $status, not a 500', async ({ request, status }) => {
    const response = await suite.world.app.inject(await request());
    expect(response.statusCode, response.body).toBe(status);
  });

  it('never answers 5xx, whatever the body or the query (fast-check)', async () => {
    const { app, deskA } = suite.world;
    const requests = fc.oneof(
      fc.record({ code: fc.oneof(anyText, anyJson) }).map((body) => ({ method: 'POST' as const, url: '/api/desks/enroll', payload: body })),
      fc.record({ username: anyText, password: anyText }).map((body) => ({ method: 'POST' as const, url: '/api/officers/login', payload: body, headers: authed(deskA) })),
      fc
        .record({ pendingEvents: fc.oneof(fc.integer(), fc.double(), anyText), oldestPendingAt: fc.oneof(anyInstantText, fc.constant(null)), deskTime: anyInstantText })
        .map((body) => ({ method: 'POST' as const, url: '/api/desks/health', payload: body, headers: authed(deskA) })),
      fc
        .record({ unit: anyText, username: anyText, password: anyText })
        .map((form) => ({ method: 'POST' as const, url: '/bao-cao/dang-nhap', payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } })),
      anyJson.map((body) => ({ method: 'POST' as const, url: '/api/sync/events/push', payload: body as object, headers: authed(deskA) })),
      fc
        .tuple(fc.constantFrom('/api/sync/events/pull', '/api/sync/reference/pull', '/api/public/dossiers/x', '/tra-cuu', '/bao-cao'), fc.dictionary(fc.constantFrom('checkpoint', 'limit', 'own', 'ma', 'from', 'to', 'unit'), anyText))
        .map(([path, query]) => ({ method: 'GET' as const, url: `${path}?${new URLSearchParams(query).toString()}`, headers: authed(deskA) })),
      // Any bytes in the path, invalid UTF-8 and %00 included.
      fc.uint8Array({ maxLength: 30 }).map((bytes) => ({ method: 'GET' as const, url: `/api/public/dossiers/${percentEncoded(bytes)}` })),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const response = await app.inject(request);
        expect(response.statusCode, `${request.method} ${request.url}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  }, 240_000);
});

function percentEncoded(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}
