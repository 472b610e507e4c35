import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { DEFAULT_THROTTLE_POLICY, lockError, recordFailure, recordSuccess } from './login-throttle.ts';
import type { LoginThrottleState, ThrottlePolicy } from './login-throttle.ts';
import { officerProfile, usernameSchema } from './officer.ts';
import type { OfficerProfile } from './officer.ts';
import { openOfficerSession } from './officer-session.ts';
import type { OfficerSession } from './officer-session.ts';
import type { PasswordVerifier } from './password-verifier.ts';
import { formatArgon2Verifier } from './phc.ts';
import type { ReferenceReader } from './reference-source.ts';

export interface ThrottleStore {
  load(username: string): Promise<LoginThrottleState>;
  save(username: string, state: LoginThrottleState): Promise<void>;
}

export interface LoginDeps {
  reference: Pick<ReferenceReader, 'officerByUsername'>;
  throttle: ThrottleStore;
  passwords: PasswordVerifier;
  /** Unix milliseconds. */
  now: () => number;
  policy?: ThrottlePolicy;
  /** Where the login session opens: this desk's id and a fresh random session id (officer-session.ts). */
  session: { deskId: string; newSessionId: () => string };
}

/** A successful login: the officer, and the session whose key signs the events they record. */
export interface LoggedIn {
  officer: OfficerProfile;
  session: OfficerSession;
}

/**
 * Checked when the username is unknown, or known without a verifier, so that a miss costs as much
 * time as a wrong password (no account discovery by timing): the cost verifiers are made with here.
 * Its hash matches no password.
 */
const dummyVerifier = (passwords: PasswordVerifier) => formatArgon2Verifier({ ...passwords.params, salt: new Uint8Array(16), hash: new Uint8Array(32) });

const wrongCredentials = () =>
  new DomainError('auth.wrong_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');

const inactive = () => new DomainError('auth.inactive', 'Tài khoản đã bị ngừng sử dụng. Liên hệ quản trị viên của đơn vị.');

const notOnThisDesk = () =>
  new DomainError(
    'auth.not_on_this_desk',
    'Tài khoản này không được phép đăng nhập tại quầy này. Nhờ quản trị viên của tỉnh cấp quyền cho quầy, rồi đồng bộ lại.',
  );

/**
 * Offline login against the cached verifier. Unknown usernames and wrong passwords fail alike
 * and both count towards the lock of that username. A provincial officer this desk holds no
 * verifier for (not allowed on it, or disabled) cannot log in here at all. A success opens a
 * session on this desk: its key is derived from the password's hash, which is then forgotten.
 */
export async function login(username: string, password: string, deps: LoginDeps): Promise<Result<LoggedIn>> {
  const parsedName = usernameSchema.safeParse(username);
  if (!parsedName.success) return err(wrongCredentials());
  const name = parsedName.data;
  const policy = deps.policy ?? DEFAULT_THROTTLE_POLICY;

  const state = await deps.throttle.load(name);
  const locked = lockError(state, deps.now());
  if (locked) return err(locked);

  const found = await deps.reference.officerByUsername(name);
  const verifier = found?.value.verifier ?? null;
  const passwordHash = await deps.passwords.unlock(password, verifier ?? dummyVerifier(deps.passwords));
  // No password was checked: nothing to count.
  if (found && verifier === null) return err(found.value.active ? notOnThisDesk() : inactive());
  if (!found || !passwordHash) {
    const next = recordFailure(state, deps.now(), policy);
    await deps.throttle.save(name, next);
    return err(lockError(next, deps.now()) ?? wrongCredentials());
  }
  await deps.throttle.save(name, recordSuccess());
  if (!found.value.active) return err(inactive());
  const session = await openOfficerSession({
    passwordHash,
    officerId: found.value.id,
    deskId: deps.session.deskId,
    sessionId: deps.session.newSessionId(),
  });
  passwordHash.fill(0);
  return ok({ officer: officerProfile(found.value), session });
}
