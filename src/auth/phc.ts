import { DomainError } from '../errors.ts';
import { decodeBase64NoPad, encodeBase64NoPad } from './base64.ts';

/**
 * Argon2id verifiers in the PHC string format
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`), the format the reference implementation,
 * libsodium and most servers use, so the provincial server can issue the same verifiers later.
 */
export interface Argon2Params {
  /** Memory in KiB. */
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface Argon2Verifier extends Argon2Params {
  salt: Uint8Array;
  hash: Uint8Array;
}

const ARGON2_VERSION = 19;

/**
 * Bounds on what we accept from a stored or issued verifier: a forged verifier with m=4 GiB
 * would otherwise freeze the desk at login.
 */
export const VERIFIER_LIMITS = {
  memoryKiB: { min: 8, max: 262_144 },
  iterations: { min: 1, max: 16 },
  parallelism: { min: 1, max: 8 },
  saltBytes: { min: 8, max: 64 },
  hashBytes: { min: 16, max: 64 },
} as const;

const PHC = /^\$argon2id\$v=(\d+)\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export function formatArgon2Verifier(verifier: Argon2Verifier): string {
  const { memoryKiB: m, iterations: t, parallelism: p } = verifier;
  return `$argon2id$v=${ARGON2_VERSION}$m=${m},t=${t},p=${p}$${encodeBase64NoPad(verifier.salt)}$${encodeBase64NoPad(verifier.hash)}`;
}

/** Throws `auth.bad_verifier` for anything but a well-formed argon2id v19 verifier within {@link VERIFIER_LIMITS}. */
export function parseArgon2Verifier(text: string): Argon2Verifier {
  const match = PHC.exec(text);
  if (!match) throw badVerifier('không đúng dạng PHC argon2id');
  const [, version, m, t, p, saltText, hashText] = match as unknown as [string, string, string, string, string, string, string];
  if (Number(version) !== ARGON2_VERSION) throw badVerifier(`phiên bản argon2 ${version} không được hỗ trợ`);
  const memoryKiB = Number(m);
  const iterations = Number(t);
  const parallelism = Number(p);
  checkRange('m', memoryKiB, VERIFIER_LIMITS.memoryKiB);
  checkRange('t', iterations, VERIFIER_LIMITS.iterations);
  checkRange('p', parallelism, VERIFIER_LIMITS.parallelism);
  // Argon2 requires at least 8 KiB of memory per lane.
  if (memoryKiB < 8 * parallelism) throw badVerifier('bộ nhớ nhỏ hơn 8 KiB cho mỗi luồng');
  const salt = decodeBase64NoPad(saltText);
  const hash = decodeBase64NoPad(hashText);
  if (!salt || !hash) throw badVerifier('muối hoặc giá trị băm không phải base64 hợp lệ');
  checkRange('salt', salt.length, VERIFIER_LIMITS.saltBytes);
  checkRange('hash', hash.length, VERIFIER_LIMITS.hashBytes);
  return { memoryKiB, iterations, parallelism, salt, hash };
}

/** Throws `auth.bad_verifier` for a parameter outside its limits (also for desk verifiers, desk-verifier.ts). */
export function checkRange(name: string, value: number, limits: { min: number; max: number }): void {
  if (!Number.isSafeInteger(value) || value < limits.min || value > limits.max) {
    throw badVerifier(`tham số ${name}=${value} nằm ngoài khoảng ${limits.min}–${limits.max}`);
  }
}

export function badVerifier(reason: string): DomainError {
  return new DomainError('auth.bad_verifier', `Dữ liệu xác thực mật khẩu không hợp lệ: ${reason}.`);
}
