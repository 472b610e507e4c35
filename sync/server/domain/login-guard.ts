import type { ThrottleStore } from '../../../src/auth/login.ts';
import { lockError, recordFailure, recordSuccess, type ThrottlePolicy } from '../../../src/auth/login-throttle.ts';
import { usernameSchema } from '../../../src/auth/officer.ts';
import { agencyIdSchema } from '../../../src/dossier/events.ts';
import type { DomainError } from '../../../src/errors.ts';
import { ServerError } from './server-error.ts';
import type { VerificationGate } from './verification-gate.ts';

/** Whose password is being tried: an officer is known by unit and username. */
export interface LoginAccount {
  unitId: string;
  username: string;
}

export interface LoginGuard {
  /**
   * Runs `check` (does this password open this account?) unless the account is locked (429
   * `auth.locked`) or the server is saturated with verifications (429 `auth.busy`), and counts a
   * wrong answer towards the account's lock. True when `check` said yes.
   */
  attempt(account: LoginAccount, check: () => Promise<boolean>): Promise<boolean>;
  readonly gate: VerificationGate;
}

export interface LoginGuardDeps {
  throttle: ThrottleStore;
  gate: VerificationGate;
  now: () => number;
  policy: ThrottlePolicy;
}

/**
 * The server's login throttle, one for the desk officer login and the dashboard login: the desk's
 * rule (src/auth/login-throttle.ts: consecutive wrong passwords lock the account for a while,
 * unknown usernames count like known ones so the lock reveals nothing) plus a bound on the
 * password verifications running at once. The per-address rate limit sits in front of both.
 */
export function createLoginGuard({ throttle, gate, now, policy }: LoginGuardDeps): LoginGuard {
  return {
    gate,
    async attempt(account, check) {
      const key = accountKey(account);
      // No account has a malformed unit or username: nothing to verify, nothing to count.
      if (key === null) return false;
      const locked = lockError(await throttle.load(key), now());
      if (locked) throw lockedError(locked);
      const correct = await gate.run(check);
      if (correct) {
        await throttle.save(key, recordSuccess());
        return true;
      }
      // Read again: other attempts on the account may have been counted while this one ran.
      const next = recordFailure(await throttle.load(key), now(), policy);
      await throttle.save(key, next);
      const lockedNow = lockError(next, now());
      if (lockedNow) throw lockedError(lockedNow);
      return false;
    },
  };
}

function accountKey({ unitId, username }: LoginAccount): string | null {
  const unit = agencyIdSchema.safeParse(unitId);
  const name = usernameSchema.safeParse(username);
  return unit.success && name.success ? `${unit.data}/${name.data}` : null;
}

function lockedError(locked: DomainError): ServerError {
  return new ServerError(429, locked.code, locked.message);
}
