import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prepareFirstRun, prepareOfficer } from '../../../src/auth/first-run.ts';
import { login } from '../../../src/auth/login.ts';
import type { ThrottleStore } from '../../../src/auth/login.ts';
import {
  INITIAL_THROTTLE_STATE,
  attemptsLeft,
  lockError,
  loginThrottleStateSchema,
  recordFailure,
} from '../../../src/auth/login-throttle.ts';
import type { LoginThrottleState } from '../../../src/auth/login-throttle.ts';
import { deskVerifierOf } from '../../../src/auth/desk-verifier.ts';
import type { Officer } from '../../../src/auth/officer.ts';
import { newSessionId, officerKeyOfVerifier, sessionKeyOf } from '../../../src/auth/officer-session.ts';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import type { Sourced } from '../../../src/auth/reference-source.ts';

const passwords = createPasswordVerifier({
  randomBytes: (n) => new Uint8Array(randomBytes(n)),
  params: { memoryKiB: 64, iterations: 1, parallelism: 1 },
});
let nextId = 0;
const setupDeps = { passwords, newOfficerId: () => `officer-${++nextId}` };

async function deskWithAdmin() {
  const { identity, admin } = await prepareFirstRun(
    {
      identity: { provinceCode: '01', provinceName: 'Hà Nội', unitName: 'UBND phường Ba Đình', agencyId: '000.00.12.h23', slot: 2 },
      admin: { fullName: '  Nguyễn Văn An ', username: 'An.Nguyen', password: 'mật khẩu quản trị' },
    },
    setupDeps,
  );
  const officers = new Map<string, Sourced<Officer>>([[admin.username, { value: admin, source: 'local' }]]);
  const states = new Map<string, LoginThrottleState>();
  const throttle: ThrottleStore = {
    load: async (username) => states.get(username) ?? INITIAL_THROTTLE_STATE,
    save: async (username, state) => {
      states.set(username, loginThrottleStateSchema.parse(JSON.parse(JSON.stringify(state))));
    },
  };
  let now = Date.UTC(2025, 10, 24, 1, 0);
  const deps = {
    reference: { officerByUsername: async (name: string) => officers.get(name) ?? null },
    throttle,
    passwords,
    now: () => now,
    session: { deskId: identity.deskId, newSessionId: () => newSessionId((n) => new Uint8Array(randomBytes(n))) },
  };
  return { identity, admin, officers, states, deps, advance: (ms: number) => (now += ms) };
}

describe('first-run setup', () => {
  it('builds the desk identity and an administrator with a verifier, never the password', async () => {
    const { identity, admin } = await deskWithAdmin();
    expect(identity).toEqual({
      provinceCode: '01',
      provinceName: 'Hà Nội',
      unitName: 'UBND phường Ba Đình',
      agencyId: '000.00.12.H23',
      slot: 2,
      deskId: '000.00.12.H23#2',
    });
    expect(admin).toMatchObject({ unitId: '000.00.12.H23', fullName: 'Nguyễn Văn An', username: 'an.nguyen', role: 'admin', active: true });
    expect(JSON.stringify(admin)).not.toContain('mật khẩu quản trị');
  });

  it('rejects a bad slot or agency id with a Vietnamese message', async () => {
    const input = {
      identity: { provinceCode: '01', provinceName: 'Hà Nội', unitName: 'UBND', agencyId: '000.00.12.H23', slot: 10 },
      admin: { fullName: 'A', username: 'admin', password: 'mật khẩu quản trị' },
    };
    await expect(prepareFirstRun(input, setupDeps)).rejects.toMatchObject({ code: 'setup.bad_input', path: ['identity', 'slot'] });
    await expect(
      prepareFirstRun({ ...input, identity: { ...input.identity, slot: 1, agencyId: 'xã Ba Đình' } }, setupDeps),
    ).rejects.toMatchObject({ code: 'setup.bad_input', message: expect.stringContaining('Mã định danh cơ quan') });
  });

  it('adds officers of each role to the unit', async () => {
    for (const role of ['reception', 'processing', 'leader'] as const) {
      const officer = await prepareOfficer({ fullName: 'Trần Thị Bình', username: `binh.${role}`, role, password: 'mật khẩu cán bộ' }, '000.00.12.H23', setupDeps);
      expect(officer).toMatchObject({ role, unitId: '000.00.12.H23', active: true });
    }
    await expect(
      prepareOfficer({ fullName: 'Bình', username: 'binh', role: 'reception', password: 'ngắn' }, '000.00.12.H23', setupDeps),
    ).rejects.toMatchObject({ code: 'auth.weak_password' });
  });
});

describe('offline login', () => {
  it('logs in with the right password, case-insensitive username, and hides the verifier', async () => {
    const { deps } = await deskWithAdmin();
    const result = await login(' AN.NGUYEN ', 'mật khẩu quản trị', deps);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.officer).toMatchObject({ username: 'an.nguyen', role: 'admin' });
      expect(result.value.officer).not.toHaveProperty('verifier');
    }
  });

  it('opens a session on this desk whose key the server derives from its own verifier (a desk verifier on the desk)', async () => {
    const { deps, officers, admin, identity } = await deskWithAdmin();
    // A provincial officer: the server keeps the PHC verifier, the desk only its desk verifier.
    const serverVerifier = await passwords.create('mật khẩu của Lan');
    const lan: Officer = { ...admin, id: 'officer-lan', username: 'lan.nt', role: 'reception', verifier: await deskVerifierOf(serverVerifier) };
    officers.set('lan.nt', { value: lan, source: 'provincial' });
    const result = await login('lan.nt', 'mật khẩu của Lan', deps);
    if (!result.ok) throw result.error;
    expect(result.value.session).toMatchObject({ officerId: 'officer-lan', deskId: identity.deskId, id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    const expected = await sessionKeyOf(await officerKeyOfVerifier(serverVerifier), { deskId: identity.deskId, officerId: 'officer-lan', id: result.value.session.id });
    expect(result.value.session.key).toEqual(expected);
    const again = await login('lan.nt', 'mật khẩu của Lan', deps);
    expect(again.ok && again.value.session.id).not.toBe(result.value.session.id);
  });

  it('refuses a provincial officer this desk holds no verifier for, without counting an attempt', async () => {
    const { deps, officers, admin, states } = await deskWithAdmin();
    officers.set('lanh.dao', { value: { ...admin, id: 'officer-leader', username: 'lanh.dao', role: 'leader', verifier: null }, source: 'provincial' });
    expect(await login('lanh.dao', 'mật khẩu bất kỳ', deps)).toMatchObject({ ok: false, error: { code: 'auth.not_on_this_desk', message: expect.stringContaining('không được phép đăng nhập tại quầy này') } });
    expect(states.get('lanh.dao')).toBeUndefined();
    officers.set('lanh.dao', { value: { ...admin, id: 'officer-leader', username: 'lanh.dao', role: 'leader', verifier: null, active: false }, source: 'provincial' });
    expect(await login('lanh.dao', 'mật khẩu bất kỳ', deps)).toMatchObject({ ok: false, error: { code: 'auth.inactive' } });
  });

  it('fails alike for a wrong password and an unknown user', async () => {
    const { deps } = await deskWithAdmin();
    const wrong = await login('an.nguyen', 'sai mật khẩu', deps);
    const unknown = await login('khong.co', 'sai mật khẩu', deps);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'auth.wrong_credentials' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'auth.wrong_credentials', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' } });
  });

  it('locks the account after five wrong passwords, even for the right one, then unlocks after the duration', async () => {
    const { deps, states, advance } = await deskWithAdmin();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await login('an.nguyen', 'sai', deps)).toMatchObject({ error: { code: 'auth.wrong_credentials' } });
      expect(attemptsLeft(states.get('an.nguyen') ?? INITIAL_THROTTLE_STATE)).toBe(5 - attempt);
    }
    const fifth = await login('an.nguyen', 'sai', deps);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'auth.locked', message: expect.stringContaining('5 phút') } });
    expect(await login('an.nguyen', 'mật khẩu quản trị', deps)).toMatchObject({ error: { code: 'auth.locked' } });

    advance(4 * 60_000);
    expect(await login('an.nguyen', 'mật khẩu quản trị', deps)).toMatchObject({ error: { code: 'auth.locked', message: expect.stringContaining('1 phút') } });
    advance(60_000);
    expect(await login('an.nguyen', 'mật khẩu quản trị', deps)).toMatchObject({ ok: true });
    expect(states.get('an.nguyen')).toEqual(INITIAL_THROTTLE_STATE);
  });

  it('resets the count after a success', async () => {
    const { deps } = await deskWithAdmin();
    for (let i = 0; i < 4; i += 1) await login('an.nguyen', 'sai', deps);
    expect(await login('an.nguyen', 'mật khẩu quản trị', deps)).toMatchObject({ ok: true });
    for (let i = 0; i < 4; i += 1) await login('an.nguyen', 'sai', deps);
    expect(await login('an.nguyen', 'mật khẩu quản trị', deps)).toMatchObject({ ok: true });
  });

  it('refuses a deactivated officer after checking the password', async () => {
    const { deps, officers, admin } = await deskWithAdmin();
    officers.set(admin.username, { value: { ...admin, active: false }, source: 'local' });
    expect(await login('an.nguyen', 'mật khẩu quản trị', deps)).toMatchObject({ error: { code: 'auth.inactive' } });
  });
});

describe('login throttle', () => {
  const policy = { maxFailures: 3, lockMs: 1_000 };

  it('honours a configured policy and does not count attempts while locked', () => {
    let state = INITIAL_THROTTLE_STATE;
    state = recordFailure(state, 0, policy);
    state = recordFailure(state, 1, policy);
    expect(lockError(state, 2)).toBeNull();
    state = recordFailure(state, 2, policy);
    expect(state).toEqual({ failures: 0, lockedUntil: 1_002 });
    expect(recordFailure(state, 500, policy)).toBe(state);
    expect(lockError(state, 1_001)?.code).toBe('auth.locked');
    expect(lockError(state, 1_002)).toBeNull();
    expect(recordFailure(state, 1_002, policy)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('rejects a corrupted stored state', () => {
    expect(loginThrottleStateSchema.safeParse({ failures: -1, lockedUntil: null }).success).toBe(false);
    expect(loginThrottleStateSchema.safeParse({ failures: 1 }).success).toBe(false);
  });
});
