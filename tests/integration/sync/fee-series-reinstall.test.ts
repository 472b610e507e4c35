import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import { issueFeeReceipt, type FeeIssuerDeps } from '../../../renderer/fees/fee-receipt-issuer.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { enrollDesk } from '../../../sync/client/enrollment.ts';
import { startDeskSync, type DeskSync } from '../../../sync/client/desk-sync.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { issueEnrollmentCode } from '../../../sync/server/repositories/desks.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { openTestStore, uniqueNameForSync } from './support/desk-stores.ts';
import { PROVINCE_CHOICE, enrolledDesk, logInOnDesk, startSyncWorld } from './support/sync-world.ts';
import type { SyncWorld, TestDesk } from './support/sync-world.ts';

const [pglite] = serverTestDatabases();

function feeDeps(store: DeskStore, world: SyncWorld, identity: FeeIssuerDeps['identity']): FeeIssuerDeps {
  return { store, identity, officerId: world.officer.id, now: Date.now, newEventId: createEventIdGenerator({ now: Date.now, randomBytes: (n) => new Uint8Array(randomBytes(n)) }) };
}

const receipt = (dossierCode: string) => ({ dossierCode, amount: 8000, description: 'Lệ phí', method: 'cash' as const, payer: { fullName: 'Nguyễn Văn An' }, bankAccount: null });

/** Issue 20 point 4: a fee receipt number is never issued twice, even by a desk reinstalled on its counter. */
describe('fee receipt series of a reinstalled desk', () => {
  let world: SyncWorld | null = null;
  const desks: TestDesk[] = [];
  const extra: Array<{ store: DeskStore; sync: DeskSync | null }> = [];
  afterEach(async () => {
    for (const { store, sync } of extra.splice(0)) {
      await sync?.stop().catch(() => undefined);
      await store.close().catch(() => undefined);
    }
    for (const desk of desks.splice(0)) await desk.shutdown().catch(() => undefined);
    await world?.close();
    world = null;
  });
  afterAll(() => pglite!.cleanup());

  it('goes on after the numbers its counter used before, which the server sends at enrollment', async () => {
    world = await startSyncWorld(await pglite!.target());
    const desk = await enrolledDesk(world, 1);
    desks.push(desk);
    const [received] = await desk.receive(1);
    const code = received!.dossierCode;
    const identity = (await desk.store.identity.get())!.value;
    const first = await issueFeeReceipt(receipt(code), feeDeps(desk.store, world, identity));
    const second = await issueFeeReceipt(receipt(code), feeDeps(desk.store, world, identity));
    expect([first.payload.number, second.payload.number]).toEqual([1, 2]);
    expect(await (await desk.startSync()).dayEnd()).toMatchObject({ ok: true, pendingAfter: 0 });
    await desk.shutdown();
    desks.length = 0;

    // The disk is replaced: the administrator gives the same counter a new code.
    await world.stopServer();
    const database = await openDatabase(world.target);
    const { code: newCode } = await issueEnrollmentCode(database.db, desk.enrollment.deskId);
    await database.close();
    await world.startServer();

    const store = await openTestStore(uniqueNameForSync('reinstalled'));
    const entry: { store: DeskStore; sync: DeskSync | null } = { store, sync: null };
    extra.push(entry);
    const outcome = await enrollDesk(store, { serverUrl: world.proxy.url, code: newCode, province: PROVINCE_CHOICE }, { clock: Date.now });
    await logInOnDesk(store, world.officer.username);
    entry.sync = await startDeskSync({ store, enrollment: outcome.enrollment, clock: Date.now, retryTimeMs: 200, backoff: { baseMs: 100, maxMs: 1000 } });
    expect(await entry.sync.dayEnd()).toMatchObject({ ok: true, error: null });

    const third = await issueFeeReceipt(receipt(code), feeDeps(store, world, outcome.identity));
    expect(third.payload).toMatchObject({ symbol: first.payload.symbol, number: 3 });
    expect(await entry.sync.dayEnd()).toMatchObject({ ok: true, pendingAfter: 0, rejected: [] });
  }, 180_000);
});
