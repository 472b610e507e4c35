import { randomBytes, timingSafeEqual } from 'node:crypto';

const SECRET_BYTES = 32;

/** The secret a browser keeps in its form cookie; its forms carry it masked. */
export function newFormSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function isFormSecret(text: string | undefined): text is string {
  return text !== undefined && /^[A-Za-z0-9_-]{43}$/.test(text);
}

/**
 * The token a form carries: a fresh random mask and the secret XOR the mask. Each page shows a
 * different token for the same secret, so a compressed page that also reflects typed text (the
 * dashboard's dates) leaks nothing about it through its length (BREACH).
 */
export function maskFormSecret(secret: string): string {
  const plain = Buffer.from(secret, 'base64url');
  const mask = randomBytes(plain.length);
  return Buffer.concat([mask, xor(plain, mask)]).toString('base64url');
}

/** True when `token` is `secret` masked. */
export function formTokenMatches(token: unknown, secret: string | undefined): boolean {
  if (typeof token !== 'string' || !isFormSecret(secret) || !/^[A-Za-z0-9_-]{86}$/.test(token)) return false;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== SECRET_BYTES * 2) return false;
  const unmasked = xor(bytes.subarray(SECRET_BYTES), bytes.subarray(0, SECRET_BYTES));
  return timingSafeEqual(unmasked, Buffer.from(secret, 'base64url'));
}

function xor(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = (a[i] ?? 0) ^ (b[i] ?? 0);
  return out;
}
