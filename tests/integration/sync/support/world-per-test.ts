import { afterEach } from 'vitest';
import type { DatabaseTarget } from '../../../../sync/server/db/database.ts';
import { enrolledDesk, startSyncWorld } from './sync-world.ts';
import type { SyncWorld, TestDesk } from './sync-world.ts';

type Prepare = Parameters<typeof startSyncWorld>[2];

/**
 * A sync world each test starts for itself, closed after the test with every desk it enrolled
 * (shut down first, so no desk is left syncing against a server that is gone).
 */
export function syncWorldPerTest(target: () => Promise<DatabaseTarget>) {
  let world: SyncWorld | null = null;
  const desks: TestDesk[] = [];
  afterEach(async () => {
    for (const desk of desks.splice(0)) await desk.shutdown().catch(() => undefined);
    await world?.close();
    world = null;
  });

  return {
    async start(slots?: number, prepare?: Prepare): Promise<SyncWorld> {
      world = await startSyncWorld(await target(), slots, prepare);
      return world;
    },
    /** The running world, for helpers declared beside the tests. */
    current(): SyncWorld {
      if (!world) throw new Error('no sync world started in this test');
      return world;
    },
    async desk(slot: number, options?: Parameters<typeof enrolledDesk>[2]): Promise<TestDesk> {
      const desk = await enrolledDesk(this.current(), slot, options);
      desks.push(desk);
      return desk;
    },
  };
}
