import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverTestDatabases } from './support/server-databases.ts';
import { authed, buildWorld, type World } from './support/world.ts';

const [pglite] = serverTestDatabases();

/** A desk's renderer runs on another origin: its streams need the CORS headers like any other answer. */
describe('event streams for cross-origin desks', () => {
  let world: World;
  let base: string;
  beforeAll(async () => {
    world = await buildWorld(await pglite!.target());
    base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await world?.close();
    await pglite!.cleanup();
  });

  it.each(['/api/sync/events/stream', '/api/sync/reference/stream'])('answers %s with the CORS header', async (path) => {
    const controller = new AbortController();
    try {
      const response = await fetch(`${base}${path}`, { headers: { ...authed(world.deskA), origin: 'app://motcua' }, signal: controller.signal });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      controller.abort();
    }
  });
});
