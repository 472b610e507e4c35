import { afterAll, describe, expect, it } from 'vitest';
import { createDeskAuth } from '../../../renderer/store/index.ts';
import { runAdmin } from '../server/support/admin-cli.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { OFFICER_PASSWORD, serverEventIds } from './support/sync-world.ts';
import type { TestDesk } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

const LEADER = { username: 'lanhdao', password: 'mật-khẩu-lãnh-đạo' };

/**
 * Issue 18 points 3 and 6 through the real reference sync: the real server process, the desk's own
 * sync client and store, the administrator's real command line. A desk holds desk verifiers only
 * (never the server's), of the officers allowed on it; a disabled officer cannot log in on any desk
 * once it has synced.
 */
describe.each(serverTestDatabases())('officer access through the reference sync ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());

  async function admin(args: string[], stdin = ''): Promise<string> {
    const result = await runAdmin(worlds.current().target, args, stdin);
    if (result.code !== 0) throw new Error(`admin ${args.join(' ')} exited ${result.code}:\n${result.stdout}${result.stderr}`);
    return result.stdout;
  }

  it('keeps only allowed officers\u2019 desk verifiers, and refuses a disabled officer\u2019s login after the next sync', async () => {
    const world = await worlds.start(2);
    const officer = world.officer;
    const one = await worlds.desk(1);
    const login = (desk: TestDesk, username: string, password: string) => createDeskAuth(desk.store, { now: Date.now }).login(username, password);

    // What the desk keeps: a desk verifier, not the server's verifier (its hash H never reaches the desk).
    const held = await one.store.officers.byId(officer.id);
    expect(held?.value.verifier).toMatch(/^\$motcua-desk-v1\$argon2id\$/);
    expect(held?.value.verifier).not.toContain(officer.verifier.split('$').at(-1));

    // The officer's events, signed in their session on this desk, are accepted.
    const received = await one.receive(2);
    const sync = await one.startSync();
    expect(await sync.dayEnd()).toMatchObject({ ok: true, sent: 2, rejected: [] });
    expect((await serverEventIds(world, one)).sort()).toEqual(received.map((e) => e.id).sort());

    // The administrator disables the officer and adds a leader allowed on desk 2 only (PGlite: the
    // data folder is one process's at a time, so the server is stopped meanwhile).
    await world.stopServer();
    expect(await admin(['officer', 'disable', '--officer', officer.id])).toMatch(/Đã khóa tài khoản cán bộ Trần Thị Bình/);
    expect(await admin(['officer', 'add', '--unit', officer.unitId, '--username', LEADER.username, '--name', 'Lê Văn Lãnh', '--role', 'leader', '--desks', '2'], `${LEADER.password}\n`)).toMatch(
      /Được đăng nhập tại: quầy số 2/,
    );
    await world.startServer();

    // Offline-first: until it syncs, the desk knows nothing of it.
    expect(await login(one, officer.username, OFFICER_PASSWORD)).toMatchObject({ ok: true });
    expect(await sync.dayEnd()).toMatchObject({ ok: true });
    expect(await login(one, officer.username, OFFICER_PASSWORD)).toMatchObject({ ok: false, error: { code: 'auth.inactive' } });
    expect((await one.store.officers.byId(officer.id))?.value).toMatchObject({ active: false, verifier: null });
    // Desk 1 learns the leader's name, not what checks their password.
    expect((await one.store.officers.byUsername(LEADER.username))?.value).toMatchObject({ fullName: 'Lê Văn Lãnh', verifier: null });
    expect(await login(one, LEADER.username, LEADER.password)).toMatchObject({ ok: false, error: { code: 'auth.not_on_this_desk' } });

    // Desk 2, where the leader is allowed, lets them in (and not the disabled officer).
    const two = await worlds.desk(2, { logIn: false });
    expect(await login(two, LEADER.username, LEADER.password)).toMatchObject({ ok: true, value: { officer: { role: 'leader' }, session: { deskId: two.enrollment.deskId } } });
    expect(await login(two, officer.username, OFFICER_PASSWORD)).toMatchObject({ ok: false, error: { code: 'auth.inactive' } });
  }, 600_000);
});
