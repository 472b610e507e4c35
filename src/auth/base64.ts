/**
 * Standard-alphabet base64 without padding, as the PHC string format uses it.
 * Written here because the pure core has neither `atob` nor `Buffer`.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((char, index) => [char, index]));

export function encodeBase64NoPad(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const chunk = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let c = 0; c < chars; c += 1) out += ALPHABET[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Returns null for text that is not canonical unpadded base64. */
export function decodeBase64NoPad(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = VALUES.get(char);
    if (value === undefined) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[index] = (buffer >> bits) & 0xff;
      index += 1;
    }
  }
  // Leftover bits must be zero, or two texts would decode to the same bytes.
  if ((buffer & ((1 << bits) - 1)) !== 0) return null;
  return out;
}

/** URL-safe base64 without padding (RFC 4648 §5), for keys and MACs carried in JSON and storage. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeBase64NoPad(bytes).replaceAll('+', '-').replaceAll('/', '_');
}

/** Returns null for text that is not canonical unpadded URL-safe base64. */
export function decodeBase64Url(text: string): Uint8Array | null {
  if (/[+/]/.test(text)) return null;
  return decodeBase64NoPad(text.replaceAll('-', '+').replaceAll('_', '/'));
}
