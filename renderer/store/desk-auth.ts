import { prepareFirstRun, prepareOfficer } from '../../src/auth/first-run.ts';
import type { FirstRunRecords } from '../../src/auth/first-run.ts';
import { deskNeedsSetup } from '../../src/auth/desk-setup.ts';
import { login } from '../../src/auth/login.ts';
import type { LoggedIn } from '../../src/auth/login.ts';
import type { ThrottlePolicy } from '../../src/auth/login-throttle.ts';
import type { OfficerProfile } from '../../src/auth/officer.ts';
import { newSessionId } from '../../src/auth/officer-session.ts';
import { createPasswordVerifier } from '../../src/auth/password-verifier.ts';
import type { Argon2Params } from '../../src/auth/phc.ts';
import { createEventIdGenerator } from '../../src/dossier/event-id.ts';
import { DomainError } from '../../src/errors.ts';
import type { Result } from '../../src/errors.ts';
import type { DeskStore } from './desk-store.ts';

export interface DeskAuthDeps {
  /** Unix milliseconds. */
  now: () => number;
  randomBytes?: (n: number) => Uint8Array;
  /** Tests use cheap parameters; the app keeps the OWASP default. */
  argon2?: Argon2Params;
  throttle?: ThrottlePolicy;
}

/**
 * What the first-run, officer and login screens call. Everything is local today; when the
 * provincial server issues identities and officers, it writes them with source 'provincial'
 * through the same repositories and these calls stay as they are.
 */
export interface DeskAuth {
  /** True while the desk needs its first-run set-up (see `deskNeedsSetup`): show the setup screen. */
  needsFirstRun(): Promise<boolean>;
  /** Validates the setup form, stores the desk identity and the first administrator. */
  completeFirstRun(input: unknown): Promise<FirstRunRecords['identity']>;
  /** Adds an officer of the desk's unit (administrator screen). */
  addOfficer(input: unknown): Promise<OfficerProfile>;
  /** Offline login, opening a session on this desk; see `login` in src/auth/login.ts for the error codes. */
  login(username: string, password: string): Promise<Result<LoggedIn>>;
}

export function createDeskAuth(store: DeskStore, deps: DeskAuthDeps): DeskAuth {
  const randomBytes = deps.randomBytes ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const passwords = createPasswordVerifier({ randomBytes, ...(deps.argon2 ? { params: deps.argon2 } : {}) });
  const newOfficerId = createEventIdGenerator({ now: deps.now, randomBytes });
  const setupDeps = { passwords, newOfficerId };

  async function needsFirstRun(): Promise<boolean> {
    const [identity, hasAdministrator] = await Promise.all([store.identity.get(), store.officers.hasAdministrator()]);
    return deskNeedsSetup({ identitySource: identity?.source ?? null, hasAdministrator });
  }

  return {
    needsFirstRun,
    async completeFirstRun(input) {
      if (!(await needsFirstRun())) {
        throw new DomainError('setup.already_done', 'Quầy đã được thiết lập; không thể thiết lập lại.');
      }
      const { identity, admin } = await prepareFirstRun(input, setupDeps);
      await store.identity.save(identity, 'local');
      await store.officers.save(admin, 'local');
      return identity;
    },
    async addOfficer(input) {
      const identity = await store.identity.get();
      if (!identity) throw new DomainError('setup.missing', 'Quầy chưa được thiết lập.');
      const officer = await prepareOfficer(input, identity.value.agencyId, setupDeps);
      await store.officers.save(officer, 'local');
      const { verifier: _verifier, ...profile } = officer;
      return profile;
    },
    async login(username, password) {
      const identity = await store.identity.get();
      if (!identity) throw new DomainError('setup.missing', 'Quầy chưa được thiết lập.');
      const result = await login(username, password, {
        reference: store.reference,
        throttle: store.settings.loginThrottle,
        passwords,
        now: deps.now,
        session: { deskId: identity.value.deskId, newSessionId: () => newSessionId(randomBytes) },
        ...(deps.throttle ? { policy: deps.throttle } : {}),
      });
      if (result.ok) {
        // Verifiers made here with older parameters are upgraded while the password is at hand. A
        // provincial officer's verifier is the server's to issue: a new one would break their sessions.
        const id = result.value.officer.id;
        const stored = await store.officers.byId(id);
        const verifier = stored?.source === 'local' ? stored.value.verifier : null;
        if (verifier !== null && passwords.needsRehash(verifier)) {
          await store.officers.setVerifier(id, await passwords.create(password).catch(() => verifier));
        }
      }
      return result;
    },
  };
}
