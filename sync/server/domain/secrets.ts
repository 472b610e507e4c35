import { createHash, randomBytes } from 'node:crypto';

/** Desk credentials and enrollment codes are long random secrets, so a plain SHA-256 is enough to store them. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A desk credential: 256 random bits, URL-safe. */
export function newDeskCredential(): string {
  return randomBytes(32).toString('base64url');
}

// No 0/O, 1/I/L, U: read aloud over the phone and typed by hand at the desk.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_GROUPS = 4;
const GROUP_LENGTH = 4;

/** A one-time enrollment code like `K7QM-3XHT-9PRA-W2ND` (about 78 bits). */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(CODE_GROUPS * GROUP_LENGTH * 2);
  const chars: string[] = [];
  for (let i = 0; chars.length < CODE_GROUPS * GROUP_LENGTH; i += 2) {
    const value = (bytes[i] ?? 0) * 256 + (bytes[i + 1] ?? 0);
    // Rejection sampling keeps every character equally likely.
    if (value < 65_520) chars.push(CODE_ALPHABET[value % CODE_ALPHABET.length] ?? '2');
  }
  const groups: string[] = [];
  for (let g = 0; g < CODE_GROUPS; g += 1) groups.push(chars.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join(''));
  return groups.join('-');
}

/** The form an enrollment code is hashed in: case, spaces and dashes do not matter when typed. */
export function normaliseEnrollmentCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
