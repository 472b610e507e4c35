import { z } from 'zod';
import { DomainError } from '../errors.ts';

/**
 * Offline login throttling: after `maxFailures` wrong passwords in a row the account is locked
 * for `lockMs`. Pure functions over a small serialisable state, so the desk store keeps it
 * (a reload must not reset the count) and the clock is the caller's.
 */

export interface ThrottlePolicy {
  maxFailures: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE_POLICY: Readonly<ThrottlePolicy> = { maxFailures: 5, lockMs: 5 * 60_000 };

export const loginThrottleStateSchema = z.strictObject({
  /** Consecutive wrong passwords since the last success or lock. */
  failures: z.number().int().min(0),
  /** Unix milliseconds until which the account is locked; null when not locked. */
  lockedUntil: z.number().int().min(0).nullable(),
});
export type LoginThrottleState = z.infer<typeof loginThrottleStateSchema>;

export const INITIAL_THROTTLE_STATE: Readonly<LoginThrottleState> = Object.freeze({ failures: 0, lockedUntil: null });

/** Null when a login attempt may proceed; otherwise the `auth.locked` error to show. */
export function lockError(state: LoginThrottleState, nowMs: number): DomainError | null {
  if (state.lockedUntil === null || nowMs >= state.lockedUntil) return null;
  const minutes = Math.ceil((state.lockedUntil - nowMs) / 60_000);
  return new DomainError(
    'auth.locked',
    `Tài khoản tạm khoá do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
    undefined,
    { lockedUntil: state.lockedUntil },
  );
}

export function recordFailure(
  state: LoginThrottleState,
  nowMs: number,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): LoginThrottleState {
  // While locked the password is not even checked, so nothing is counted.
  if (lockError(state, nowMs) !== null) return state;
  const failures = state.failures + 1;
  if (failures >= policy.maxFailures) return { failures: 0, lockedUntil: nowMs + policy.lockMs };
  return { failures, lockedUntil: null };
}

export function recordSuccess(): LoginThrottleState {
  return { ...INITIAL_THROTTLE_STATE };
}

/** Attempts left before the lock, for the login screen ("còn 2 lần thử"). */
export function attemptsLeft(state: LoginThrottleState, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY): number {
  return Math.max(0, policy.maxFailures - state.failures);
}
