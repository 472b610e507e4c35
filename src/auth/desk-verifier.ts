import { decodeBase64NoPad, encodeBase64NoPad } from './base64.ts';
import { sha256Bytes } from './hmac.ts';
import { badVerifier, checkRange, parseArgon2Verifier, VERIFIER_LIMITS } from './phc.ts';
import type { Argon2Params } from './phc.ts';

/**
 * What a desk holds to check a provincial officer's password offline: the salt and argon2id
 * parameters of the server's verifier, with SHA-256(H) in place of its hash H:
 *
 *   $motcua-desk-v1$argon2id$v=19$m=65536,t=3,p=1,l=32$<salt>$<SHA-256(H)>
 *
 * A typed password is checked by computing H once (one argon2id run, as against the server's
 * verifier) and comparing its SHA-256. The desk never holds H, from which the officer key is derived
 * (officer-session.ts): whoever copies a desk's disk must guess the password, at argon2id's cost per
 * guess, before they can sign anything as the officer.
 */
export const DESK_VERIFIER_PREFIX = '$motcua-desk-v1$argon2id$v=19$';

export interface DeskVerifier extends Argon2Params {
  salt: Uint8Array;
  /** Length of H in bytes (argon2's output length is part of its input). */
  hashLength: number;
  /** SHA-256(H). */
  check: Uint8Array;
}

const FORMAT = /^\$motcua-desk-v1\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+),l=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;
const CHECK_BYTES = 32;

export function isDeskVerifier(text: string): boolean {
  return text.startsWith(DESK_VERIFIER_PREFIX);
}

export function formatDeskVerifier(verifier: DeskVerifier): string {
  const { memoryKiB: m, iterations: t, parallelism: p, hashLength: l } = verifier;
  return `${DESK_VERIFIER_PREFIX}m=${m},t=${t},p=${p},l=${l}$${encodeBase64NoPad(verifier.salt)}$${encodeBase64NoPad(verifier.check)}`;
}

/** Throws `auth.bad_verifier` for anything but a well-formed desk verifier within {@link VERIFIER_LIMITS}. */
export function parseDeskVerifier(text: string): DeskVerifier {
  const match = FORMAT.exec(text);
  if (!match) throw badVerifier('không đúng dạng mã kiểm tra mật khẩu của quầy');
  const [, m, t, p, l, saltText, checkText] = match as unknown as [string, string, string, string, string, string, string];
  const params = { memoryKiB: Number(m), iterations: Number(t), parallelism: Number(p), hashLength: Number(l) };
  checkRange('m', params.memoryKiB, VERIFIER_LIMITS.memoryKiB);
  checkRange('t', params.iterations, VERIFIER_LIMITS.iterations);
  checkRange('p', params.parallelism, VERIFIER_LIMITS.parallelism);
  checkRange('l', params.hashLength, VERIFIER_LIMITS.hashBytes);
  if (params.memoryKiB < 8 * params.parallelism) throw badVerifier('bộ nhớ nhỏ hơn 8 KiB cho mỗi luồng');
  const salt = decodeBase64NoPad(saltText);
  const check = decodeBase64NoPad(checkText);
  if (!salt || !check) throw badVerifier('muối hoặc giá trị kiểm tra không phải base64 hợp lệ');
  checkRange('salt', salt.length, VERIFIER_LIMITS.saltBytes);
  if (check.length !== CHECK_BYTES) throw badVerifier('giá trị kiểm tra phải dài 32 byte');
  return { ...params, salt, check };
}

/** The desk verifier of a server-held argon2id PHC verifier: same salt and parameters, SHA-256(H) for H. */
export async function deskVerifierOf(phcVerifier: string): Promise<string> {
  const { salt, hash, ...params } = parseArgon2Verifier(phcVerifier);
  return formatDeskVerifier({ ...params, salt, hashLength: hash.length, check: await sha256Bytes(hash) });
}
