import { afterEach, describe, expect, it } from 'vitest';
import { createDeskAuth } from '../../../renderer/store/desk-auth.ts';
import type { DeskStore } from '../../../renderer/store/desk-store.ts';
import { officerSchema } from '../../../src/auth/officer.ts';
import { openTestStore, testClock } from './fixtures.ts';
import { uniqueName } from './test-storage.ts';

const cheap = { memoryKiB: 64, iterations: 1, parallelism: 1 };
const setup = {
  identity: { provinceCode: '01', provinceName: 'Hà Nội', unitName: 'UBND phường Ba Đình', agencyId: '000.00.12.H23', slot: 2 },
  admin: { fullName: 'Nguyễn Văn An', username: 'an.nguyen', password: 'mật khẩu quản trị' },
};

let store: DeskStore | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

describe('first run and offline login on the store', () => {
  it('sets up the desk once, adds officers, and logs them in offline', async () => {
    const clock = testClock();
    store = await openTestStore({ clock: clock.now });
    const auth = createDeskAuth(store, { now: clock.now, argon2: cheap });
    expect(await auth.needsFirstRun()).toBe(true);

    const identity = await auth.completeFirstRun(setup);
    expect(identity.deskId).toBe('000.00.12.H23#2');
    expect(await store.identity.get()).toEqual({ value: identity, source: 'local' });
    expect(await auth.needsFirstRun()).toBe(false);
    await expect(auth.completeFirstRun(setup)).rejects.toMatchObject({ code: 'setup.already_done' });

    const officer = await auth.addOfficer({ fullName: 'Trần Thị Bình', username: 'binh.tran', role: 'reception', password: 'mật khẩu tiếp nhận' });
    expect(officer).not.toHaveProperty('verifier');
    await expect(
      auth.addOfficer({ fullName: 'Người khác', username: 'BINH.TRAN', role: 'leader', password: 'mật khẩu khác 1' }),
    ).rejects.toMatchObject({ code: 'officer.username_taken' });
    expect((await store.officers.list()).map((o) => [o.username, o.role])).toEqual([
      ['an.nguyen', 'admin'],
      ['binh.tran', 'reception'],
    ]);

    expect(await auth.login('Binh.Tran', 'mật khẩu tiếp nhận')).toMatchObject({ ok: true, value: { officer: { role: 'reception' }, session: { deskId: identity.deskId } } });
    expect(await auth.login('binh.tran', 'sai')).toMatchObject({ ok: false, error: { code: 'auth.wrong_credentials' } });

    await store.officers.setActive(officer.id, false);
    expect(await auth.login('binh.tran', 'mật khẩu tiếp nhận')).toMatchObject({ error: { code: 'auth.inactive' } });
  });

  it('keeps the lock across a restart and lifts it after five minutes', async () => {
    const name = uniqueName('lock');
    const clock = testClock();
    store = await openTestStore({ name, clock: clock.now });
    let auth = createDeskAuth(store, { now: clock.now, argon2: cheap });
    await auth.completeFirstRun(setup);
    for (let i = 0; i < 5; i += 1) await auth.login('an.nguyen', 'sai mật khẩu');
    await store.close();

    store = await openTestStore({ name, clock: clock.now });
    auth = createDeskAuth(store, { now: clock.now, argon2: cheap });
    expect(await auth.login('an.nguyen', 'mật khẩu quản trị')).toMatchObject({ error: { code: 'auth.locked' } });
    clock.advance(5 * 60_000);
    expect(await auth.login('an.nguyen', 'mật khẩu quản trị')).toMatchObject({ ok: true });
  });

  it('upgrades a verifier made with other parameters at the next login', async () => {
    const clock = testClock();
    store = await openTestStore({ clock: clock.now });
    await createDeskAuth(store, { now: clock.now, argon2: cheap }).completeFirstRun(setup);
    const stronger = { memoryKiB: 128, iterations: 1, parallelism: 1 };
    const auth = createDeskAuth(store, { now: clock.now, argon2: stronger });
    expect(await auth.login('an.nguyen', 'mật khẩu quản trị')).toMatchObject({ ok: true });
    const stored = await store.officers.byUsername('an.nguyen');
    expect(officerSchema.parse(stored?.value).verifier).toMatch(/^\$argon2id\$v=19\$m=128,t=1,p=1\$/);
    expect(await auth.login('an.nguyen', 'mật khẩu quản trị')).toMatchObject({ ok: true });
  });
});

describe('print log and settings', () => {
  it('marks reprints as copies and lists prints by dossier and by day', async () => {
    const clock = testClock();
    store = await openTestStore({ clock: clock.now });
    const base = { dossierCode: '000.00.12.H23-251124-2001', officerId: 'officer-1', deskId: '000.00.12.H23#2', copies: 1 };
    const first = await store.printLog.record({ ...base, id: 'p1', form: 'receipt' });
    clock.advance(60_000);
    const second = await store.printLog.record({ ...base, id: 'p2', form: 'receipt', copies: 2 });
    const control = await store.printLog.record({ ...base, id: 'p3', form: 'process-control' });
    expect([first, second, control].map((p) => [p.printNumber, p.isCopy])).toEqual([[1, false], [2, true], [1, false]]);
    expect(first.printedAt).toBe('2025-11-24T01:00:00.000Z');
    expect((await store.printLog.forDossier(base.dossierCode)).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect((await store.printLog.between('2025-11-24T01:00:30Z', '2025-11-25T00:00:00Z')).map((p) => p.id)).toEqual(['p2', 'p3']);
    await expect(store.printLog.record({ ...base, id: 'p4', form: 'unknown' as 'receipt' })).rejects.toMatchObject({ code: 'print.bad_input' });
  });

  it('reads settings through a schema and falls back when absent', async () => {
    const { z } = await import('zod');
    store = await openTestStore();
    const schema = z.object({ dueSoonHours: z.number() });
    expect(await store.settings.get('deadline', schema, { dueSoonHours: 8 })).toEqual({ dueSoonHours: 8 });
    await store.settings.set('deadline', { dueSoonHours: 16 });
    expect(await store.settings.get('deadline', schema, { dueSoonHours: 8 })).toEqual({ dueSoonHours: 16 });
    await store.settings.set('deadline', { dueSoonHours: 'x' });
    expect(await store.settings.get('deadline', schema, { dueSoonHours: 8 })).toEqual({ dueSoonHours: 8 });
    await store.settings.remove('deadline');
    expect(await store.database.collections.settings.findOne('deadline').exec()).toBeNull();
  });
});
