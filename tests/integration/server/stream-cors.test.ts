import { describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { authed } from './support/world.ts';

const [pglite] = serverTestDatabases();

/** A desk's renderer runs on another origin: its streams need the CORS headers like any other answer. */
describe('event streams for cross-origin desks', () => {
  const suite = worldPerSuite(pglite!, { listen: true });

  it.each(['/api/sync/events/stream', '/api/sync/reference/stream'])('answers %s with the CORS header', async (path) => {
    const controller = new AbortController();
    try {
      const response = await fetch(`${suite.base}${path}`, { headers: { ...authed(suite.world.deskA), origin: 'app://motcua' }, signal: controller.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      controller.abort();
    }
  });
});
