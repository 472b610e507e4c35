import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { DEFAULT_THROTTLE_POLICY, lockError, recordFailure, recordSuccess } from './login-throttle.ts';
import type { LoginThrottleState, ThrottlePolicy } from './login-throttle.ts';
import { officerProfile, usernameSchema } from './officer.ts';
import type { OfficerProfile } from './officer.ts';
import type { PasswordVerifier } from './password-verifier.ts';
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
}

/**
 * Checked when the username is unknown so that a wrong username costs as much time as a wrong
 * password (no account discovery by timing). Its hash matches no password.
 */
const DUMMY_VERIFIER = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const wrongCredentials = () =>
  new DomainError('auth.wrong_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng.');

/**
 * Offline login against the cached verifier. Unknown usernames and wrong passwords fail alike
 * and both count towards the lock of that username.
 */
export async function login(username: string, password: string, deps: LoginDeps): Promise<Result<OfficerProfile>> {
  const parsedName = usernameSchema.safeParse(username);
  if (!parsedName.success) return err(wrongCredentials());
  const name = parsedName.data;
  const policy = deps.policy ?? DEFAULT_THROTTLE_POLICY;

  const state = await deps.throttle.load(name);
  const locked = lockError(state, deps.now());
  if (locked) return err(locked);

  const found = await deps.reference.officerByUsername(name);
  const matches = await deps.passwords.verify(password, found?.value.verifier ?? DUMMY_VERIFIER);
  if (!found || !matches) {
    const next = recordFailure(state, deps.now(), policy);
    await deps.throttle.save(name, next);
    return err(lockError(next, deps.now()) ?? wrongCredentials());
  }
  await deps.throttle.save(name, recordSuccess());
  if (!found.value.active) {
    return err(new DomainError('auth.inactive', 'Tài khoản đã bị ngừng sử dụng. Liên hệ quản trị viên của đơn vị.'));
  }
  return ok(officerProfile(found.value));
}
