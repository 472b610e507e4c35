import { it } from 'vitest';
import { serverTestDatabases } from '/work/main/tests/integration/server/support/server-databases.ts';
import { enrolledDesk, startSyncWorld } from '/work/main/tests/integration/sync/support/sync-world.ts';

it('debug', async () => {
  const db = serverTestDatabases()[0]!;
  let t = Date.now();
  const log = (...a: unknown[]) => console.log(`[${Date.now() - t}ms]`, ...a);
  const world = await startSyncWorld(await db.target());
  log('world up');
  const one = await enrolledDesk(world, 1);
  log('enrolled');
  await one.receive(5);
  log('received');
  const sync = await one.startSync();
  sync.status$.subscribe((s) => log('status', JSON.stringify(s)));
  const report = await sync.dayEnd((p) => log('progress', JSON.stringify(p)));
  log('report', JSON.stringify(report));
  await one.shutdown();
  await world.close();
}, 120000);
