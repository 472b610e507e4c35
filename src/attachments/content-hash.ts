/**
 * The SHA-256 of a file's bytes in lower-case hex: the address it is stored and deduplicated under.
 * hash-wasm rather than WebCrypto, as in auth/hmac.ts: the pure core has neither WebCrypto nor
 * node:crypto, and the desk and the server must compute the same address with the same code.
 * Loaded on first use.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const { sha256 } = await import('hash-wasm');
  return sha256(bytes);
}
