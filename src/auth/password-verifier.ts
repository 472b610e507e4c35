import { DomainError } from '../errors.ts';
import { equalBytes } from './constant-time.ts';
import { isDeskVerifier, parseDeskVerifier } from './desk-verifier.ts';
import { sha256Bytes } from './hmac.ts';
import { formatArgon2Verifier, parseArgon2Verifier } from './phc.ts';
import type { Argon2Params } from './phc.ts';

/**
 * RFC 9106's second recommended argon2id setting (64 MiB, t=3, p=1), for every verifier that lives
 * on a desk's disk (local officers' own, provincial officers' desk verifiers): a stolen desk's
 * attacker pays this per password guess. Measured: 0.36 s per login on the 2-core AMD EPYC build
 * machine (OWASP's 19 MiB, t=2 baseline: 0.09 s), about a second on a 2015 office PC; bearable once
 * per login (README, threat model).
 */
export const DEFAULT_ARGON2_PARAMS: Readonly<Argon2Params> = { memoryKiB: 65_536, iterations: 3, parallelism: 1 };

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
  /** The argon2id parameters new verifiers are made with. */
  readonly params: Readonly<Argon2Params>;
  /** A new PHC verifier for the password; throws `auth.weak_password` for unacceptable passwords. */
  create(password: string): Promise<string>;
  /** True when the password matches; throws `auth.bad_verifier` for a malformed verifier. */
  verify(password: string, verifier: string): Promise<boolean>;
  /**
   * The password's argon2id hash H when it matches the verifier (a PHC verifier or a desk verifier,
   * desk-verifier.ts), else null: the officer key of the login session is derived from H.
   * Throws `auth.bad_verifier` for a malformed verifier.
   */
  unlock(password: string, verifier: string): Promise<Uint8Array | null>;
  /**
   * True when a PHC verifier was made with other parameters than the current ones (rehash after
   * login). Never for a desk verifier: only the server, which holds H, can issue another.
   */
  needsRehash(verifier: string): boolean;
}

export function createPasswordVerifier(deps: PasswordVerifierDeps): PasswordVerifier {
  const params = deps.params ?? DEFAULT_ARGON2_PARAMS;
  async function unlock(password: string, verifier: string): Promise<Uint8Array | null> {
    if (isDeskVerifier(verifier)) {
      const parsed = parseDeskVerifier(verifier);
      if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return null;
      const hash = await derive(password, parsed.salt, parsed, parsed.hashLength);
      return equalBytes(await sha256Bytes(hash), parsed.check) ? hash : null;
    }
    const parsed = parseArgon2Verifier(verifier);
    if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) return null;
    const hash = await derive(password, parsed.salt, parsed, parsed.hash.length);
    return equalBytes(hash, parsed.hash) ? hash : null;
  }
  return {
    params,
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
      return (await unlock(password, verifier)) !== null;
    },
    unlock,
    needsRehash(verifier) {
      if (isDeskVerifier(verifier)) return false;
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
