import type { ThrottleStore } from '../../../src/auth/login.ts';
import { INITIAL_THROTTLE_STATE, lockError, type LoginThrottleState } from '../../../src/auth/login-throttle.ts';

/**
 * The server's failed-login counts, per account, in memory (like the dashboard's sessions): a
 * restart forgets them, and each server process counts its own. At most `maxAccounts` are kept, so
 * guessing under endless made-up usernames cannot fill the memory; when full, an account that is
 * not locked goes first, oldest first.
 */
export function createMemoryThrottleStore({ maxAccounts, now }: { maxAccounts: number; now: () => number }): ThrottleStore {
  const states = new Map<string, LoginThrottleState>();

  const evictOne = () => {
    const nowMs = now();
    for (const [key, state] of states) {
      if (lockError(state, nowMs) === null) {
        states.delete(key);
        return;
      }
    }
    const oldest = states.keys().next();
    if (!oldest.done) states.delete(oldest.value);
  };

  return {
    async load(key) {
      return states.get(key) ?? { ...INITIAL_THROTTLE_STATE };
    },
    async save(key, state) {
      states.delete(key);
      if (state.failures === 0 && state.lockedUntil === null) return;
      if (states.size >= maxAccounts) evictOne();
      states.set(key, state);
    },
  };
}
