import { afterAll, beforeAll } from 'vitest';
import type { ServerTestDatabase } from './server-databases.ts';
import { buildWorld } from './world.ts';
import type { World } from './world.ts';
import type { AppOptions } from '../../../../sync/server/app.ts';

export interface SuiteWorld {
  readonly world: World;
  /** The loopback URL the app listens on (with `listen: true`). */
  readonly base: string;
}

/**
 * A world on `database` for the enclosing describe block: built before its tests, closed (with the
 * database) after them; with `listen`, also served on a loopback port for real HTTP clients;
 * `options` go to the app.
 */
export function worldPerSuite(database: ServerTestDatabase, options: { listen?: boolean; options?: Partial<AppOptions> } = {}): SuiteWorld {
  let world: World | undefined;
  let base: string | undefined;
  beforeAll(async () => {
    world = await buildWorld(await database.target(), options.options);
    if (options.listen) base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });
  return {
    get world() {
      if (!world) throw new Error('the world is built in beforeAll: read it inside a test');
      return world;
    },
    get base() {
      if (base === undefined) throw new Error('this suite world does not listen (pass { listen: true })');
      return base;
    },
  };
}
