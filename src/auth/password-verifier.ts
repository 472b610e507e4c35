import { DomainError } from '../errors.ts';
import { equalBytes } from './constant-time.ts';
import { formatArgon2Verifier, parseArgon2Verifier } from './phc.ts';
import type { Argon2Params } from './phc.ts';

/**
 * OWASP's argon2id baseline (19 MiB, t=2, p=1): about 250–500 ms on a 2015 office PC, which
 * is bearable once per login and makes offline guessing of a stolen verifier expensive.
 */
export const DEFAULT_ARGON2_PARAMS: Readonly<Argon2Params> = { memoryKiB: 19_456, iterations: 2, parallelism: 1 };

const SALT_BYTES = 16;
const HASH_BYTES = 32;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

export interface PasswordVerifierDeps {
  /** `n` cryptographically random bytes (salt source). */
  randomBytes: (n: number) => Uint8Array;
  params?: Argon2Params;
}

export interface PasswordVerifier {
  /** A new PHC verifier for the password; throws `auth.weak_password` for unacceptable passwords. */
  create(password: string): Promise<string>;
  /** True when the password matches; throws `auth.bad_verifier` for a malformed verifier. */
  verify(password: string, verifier: string): Promise<boolean>;
  /** True when the verifier was made with other parameters than the current ones (rehash after login). */
  needsRehash(verifier: string): boolean;
}

export function createPasswordVerifier(deps: PasswordVerifierDeps): PasswordVerifier {
  const params = deps.params ?? DEFAULT_ARGON2_PARAMS;
  return {
    async create(password) {
      checkPasswordPolicy(password);
      const salt = deps.randomBytes(SALT_BYTES);
      if (salt.length !== SALT_BYTES) {
        throw new DomainError('auth.bad_random', 'Nguồn số ngẫu nhiên trả về thiếu dữ liệu: không thể tạo mật khẩu.');
      }
      const hash = await derive(password, salt, params, HASH_BYTES);
      return formatArgon2Verifier({ ...params, salt, hash });
    },
    async verify(password, verifier) {
      const parsed = parseArgon2Verifier(verifier);
      if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return false;
      const hash = await derive(password, parsed.salt, parsed, parsed.hash.length);
      return equalBytes(hash, parsed.hash);
    },
    needsRehash(verifier) {
      const parsed = parseArgon2Verifier(verifier);
      return (
        parsed.memoryKiB !== params.memoryKiB ||
        parsed.iterations !== params.iterations ||
        parsed.parallelism !== params.parallelism ||
        parsed.hash.length !== HASH_BYTES
      );
    },
  };
}

export function checkPasswordPolicy(password: string): void {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('auth.weak_password', `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`, ['password']);
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new DomainError('auth.weak_password', `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự.`, ['password']);
  }
}

async function derive(password: string, salt: Uint8Array, params: Argon2Params, hashLength: number): Promise<Uint8Array> {
  // Loaded on first use: a desk reopening a remembered session never needs it at start.
  const { argon2id } = await import('hash-wasm');
  return argon2id({
    // Vietnamese keyboards may send composed or decomposed letters for the same password.
    password: password.normalize('NFC'),
    salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength,
    outputType: 'binary',
  });
}
