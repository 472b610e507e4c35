import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createDeskAuth } from '../../../renderer/store/index.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import type { IdentityChange } from '../../../src/auth/desk-setup.ts';
import { prepareFirstRun } from '../../../src/auth/first-run.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import { enrollDesk, loadEnrollment } from '../../../sync/client/enrollment.ts';
import { issueEnrollmentCode } from '../../../sync/server/repositories/desks.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { openTestStore, uniqueNameForSync } from './support/desk-stores.ts';
import { PROVINCE_CHOICE, startSyncWorld, UNIT } from './support/sync-world.ts';
import type { SyncWorld } from './support/sync-world.ts';

const cheap = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const standalone = {
  identity: { provinceCode: '01', provinceName: 'Thành phố Hà Nội', unitName: 'Phường Ba Đình', agencyId: '000.00.99.H23', slot: 3 },
  admin: { fullName: 'Nguyễn Văn Quản', username: 'quantri', password: 'mật khẩu quản trị' },
};

/**
 * Issue 19 point 1: an enrolled desk is set up by its enrolment (its unit here has one reception
 * officer and no administrator), and the identity the province issued is changed only by a new
 * enrolment the officer confirms, never by the local set-up form.
 */
describe.each(serverTestDatabases())('a desk enrolled with a unit that has no administrator ($name)', (database) => {
  let world: SyncWorld | null = null;
  /** More one-time codes for desk slot 2, each spent by one attempt below. */
  const slotTwoCodes: string[] = [];
  const stores: DeskStore[] = [];
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await world?.close();
    world = null;
  });
  afterAll(() => database.cleanup());

  const open = async (name: string) => {
    const store = await openTestStore(name);
    stores.push(store);
    return store;
  };
  const close = async (store: DeskStore) => {
    stores.splice(stores.indexOf(store), 1);
    await store.close();
  };

  it('stays set up across restarts, refuses the local set-up, and changes counter only when confirmed', async () => {
    world = await startSyncWorld(await database.target(), 2, async (db) => {
      for (let i = 0; i < 3; i += 1) slotTwoCodes.push((await issueEnrollmentCode(db, `${UNIT}#2`)).code);
    });
    const name = uniqueNameForSync('enrolled');
    let store = await open(name);
    const auth = () => createDeskAuth(store, { now: Date.now, argon2: cheap });
    expect(await auth().needsFirstRun()).toBe(true);

    const first = await enrollDesk(store, { serverUrl: world.proxy.url, code: world.codes[0] ?? '', province: PROVINCE_CHOICE }, { clock: Date.now });
    expect(first.identity).toMatchObject({ agencyId: UNIT, slot: 1, unitName: 'UBND xã Tân Lập', provinceName: PROVINCE_CHOICE.name });
    expect((await store.officers.list()).map((officer) => officer.role)).toEqual(['reception']);
    expect(await store.officers.hasAdministrator()).toBe(false);
    expect(await auth().needsFirstRun()).toBe(false);

    // A restart: the same data opened again.
    await close(store);
    store = await open(name);
    expect(await auth().needsFirstRun()).toBe(false);
    expect(await auth().login(world.officer.username, 'mật-khẩu-đủ-dài')).toMatchObject({ ok: true, value: { session: { deskId: `${UNIT}#1` } } });

    // The local set-up form cannot overwrite what the province issued, by any path.
    await expect(auth().completeFirstRun(standalone)).rejects.toMatchObject({ code: 'setup.already_done' });
    const passwords = createPasswordVerifier({ randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)), params: cheap });
    const typed = await prepareFirstRun(standalone, { passwords, newOfficerId: () => '019a0000-0000-7000-8000-000000000001' });
    await expect(store.identity.save(typed.identity, 'local')).rejects.toMatchObject({ code: 'identity.issued_by_province' });
    expect(await store.identity.get()).toEqual({ value: first.identity, source: 'provincial' });

    // A code for another counter: refused unless confirmed, and nothing on the desk changes.
    const enrollment = await loadEnrollment(store);
    await expect(enrollDesk(store, { serverUrl: world.proxy.url, code: slotTwoCodes[0] ?? '' }, { clock: Date.now })).rejects.toMatchObject({
      code: 'enroll.change_declined',
      message: expect.stringContaining(`quầy vẫn là Quầy 1 của UBND xã Tân Lập (${UNIT})`),
    });
    const asked: IdentityChange[] = [];
    await expect(
      enrollDesk(store, { serverUrl: world.proxy.url, code: slotTwoCodes[1] ?? '' }, { clock: Date.now, confirmIdentityChange: async (change) => (asked.push(change), false) }),
    ).rejects.toMatchObject({ code: 'enroll.change_declined' });
    expect(asked).toEqual([
      { before: { unitName: 'UBND xã Tân Lập', agencyId: UNIT, slot: 1 }, after: { unitName: 'UBND xã Tân Lập', agencyId: UNIT, slot: 2 } },
    ]);
    expect(await store.identity.get()).toEqual({ value: first.identity, source: 'provincial' });
    expect(await loadEnrollment(store)).toEqual(enrollment);

    // Confirmed: the new counter, and the province the desk knew is kept (the server does not send it).
    const moved = await enrollDesk(store, { serverUrl: world.proxy.url, code: slotTwoCodes[2] ?? '' }, { clock: Date.now, confirmIdentityChange: async () => true });
    expect(moved.identity).toMatchObject({ agencyId: UNIT, slot: 2, deskId: `${UNIT}#2`, provinceName: PROVINCE_CHOICE.name });
    expect(await store.identity.get()).toEqual({ value: moved.identity, source: 'provincial' });
    expect(await auth().needsFirstRun()).toBe(false);
  }, 120_000);
});
