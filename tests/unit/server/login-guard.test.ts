import { describe, expect, it } from 'vitest';
import { createLoginGuard } from '../../../sync/server/domain/login-guard.ts';
import { createMemoryThrottleStore } from '../../../sync/server/domain/login-throttle-store.ts';
import { createVerificationGate } from '../../../sync/server/domain/verification-gate.ts';

const UNIT = '000.00.12.H23';
const policy = { maxFailures: 5, lockMs: 5 * 60_000 };

function deferred() {
  let resolve!: (value: boolean) => void;
  const promise = new Promise<boolean>((r) => (resolve = r));
  return { promise, resolve };
}

describe('verification gate', () => {
  it('runs at most maxRunning at once, queues maxQueued, turns the rest away without running them', async () => {
    const gate = createVerificationGate({ maxRunning: 2, maxQueued: 3 });
    const tasks = Array.from({ length: 8 }, () => deferred());
    let started = 0;
    const outcomes = tasks.map((task) =>
      gate.run(() => {
        started += 1;
        return task.promise;
      }).then(
        () => 'done',
        (error: { statusCode: number; code: string }) => `${error.statusCode} ${error.code}`,
      ),
    );
    await Promise.resolve();
    expect({ started, running: gate.running, queued: gate.queued }).toEqual({ started: 2, running: 2, queued: 3 });
    // The last three were refused at once, before anything finished, and never started.
    expect(await Promise.all(outcomes.slice(5))).toEqual(['429 auth.busy', '429 auth.busy', '429 auth.busy']);
    for (const task of tasks) task.resolve(false);
    expect(await Promise.all(outcomes.slice(0, 5))).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect({ started, running: gate.running, queued: gate.queued, peak: gate.peakRunning }).toEqual({ started: 5, running: 0, queued: 0, peak: 2 });
  });

  it('hands a freed slot to the next in line, never to a newcomer', async () => {
    const gate = createVerificationGate({ maxRunning: 1, maxQueued: 1 });
    const first = deferred();
    const order: string[] = [];
    const a = gate.run(() => (order.push('a'), first.promise));
    const b = gate.run(async () => (order.push('b'), true));
    // Arrives the moment the first verification ends, before the waiting one has resumed.
    let c: Promise<boolean> | undefined;
    const arrived = first.promise.then(() => {
      c = gate.run(async () => (order.push('c'), true));
    });
    first.resolve(true);
    await arrived;
    await Promise.all([a, b, c]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(gate.peakRunning).toBe(1);
  });
});

describe('login guard', () => {
  const setup = () => {
    let now = Date.parse('2026-03-02T08:00:00Z');
    const guard = createLoginGuard({
      throttle: createMemoryThrottleStore({ maxAccounts: 100, now: () => now }),
      gate: createVerificationGate({ maxRunning: 2, maxQueued: 8 }),
      now: () => now,
      policy,
    });
    return { guard, advance: (ms: number) => (now += ms) };
  };
  const wrong = async () => false;
  const right = async () => true;

  it('locks an account after five wrong passwords in a row, without verifying while locked', async () => {
    const { guard, advance } = setup();
    const account = { unitId: UNIT, username: 'lan.nt' };
    for (let i = 0; i < 4; i += 1) expect(await guard.attempt(account, wrong)).toBe(false);
    await expect(guard.attempt(account, wrong)).rejects.toMatchObject({ statusCode: 429, code: 'auth.locked', message: expect.stringMatching(/thử lại sau 5 phút/) });
    let verified = 0;
    await expect(guard.attempt(account, async () => (verified += 1) > 0)).rejects.toMatchObject({ code: 'auth.locked' });
    // The same account however the unit and username are typed.
    await expect(guard.attempt({ unitId: ' 000.00.12.h23', username: 'LAN.NT ' }, right)).rejects.toMatchObject({ code: 'auth.locked' });
    expect(verified).toBe(0);
    // Other accounts are not affected; the lock ends after five minutes.
    expect(await guard.attempt({ unitId: UNIT, username: 'binh.tt' }, right)).toBe(true);
    advance(5 * 60_000);
    expect(await guard.attempt(account, right)).toBe(true);
  });

  it('counts unknown usernames like known ones, and a success starts the count again', async () => {
    const { guard } = setup();
    const ghost = { unitId: UNIT, username: 'khong.ton.tai' };
    for (let i = 0; i < 4; i += 1) await guard.attempt(ghost, wrong);
    await expect(guard.attempt(ghost, wrong)).rejects.toMatchObject({ code: 'auth.locked' });
    const account = { unitId: UNIT, username: 'lan.nt' };
    for (let i = 0; i < 4; i += 1) await guard.attempt(account, wrong);
    expect(await guard.attempt(account, right)).toBe(true);
    for (let i = 0; i < 4; i += 1) expect(await guard.attempt(account, wrong)).toBe(false);
  });

  it('answers a malformed unit or username without verifying anything', async () => {
    const { guard } = setup();
    let verified = 0;
    const check = async () => (verified += 1) > 0;
    expect(await guard.attempt({ unitId: 'x'.repeat(5000), username: 'lan.nt' }, check)).toBe(false);
    expect(await guard.attempt({ unitId: UNIT, username: "' or 1=1 --" }, check)).toBe(false);
    expect(verified).toBe(0);
  });
});

describe('memory throttle store', () => {
  it('keeps at most maxAccounts, dropping unlocked ones first', async () => {
    const store = createMemoryThrottleStore({ maxAccounts: 3, now: () => 1_000 });
    await store.save('a', { failures: 0, lockedUntil: 60_000 });
    await store.save('b', { failures: 1, lockedUntil: null });
    await store.save('c', { failures: 2, lockedUntil: null });
    await store.save('d', { failures: 1, lockedUntil: null });
    expect(await store.load('a')).toEqual({ failures: 0, lockedUntil: 60_000 });
    expect(await store.load('b')).toEqual({ failures: 0, lockedUntil: null });
    expect(await store.load('d')).toEqual({ failures: 1, lockedUntil: null });
  });
});
