import type { IHasher } from 'hash-wasm';

/**
 * SHA-256 (hash-wasm, the library argon2id already comes from) and HMAC-SHA256 over it (RFC 2104):
 * the pure core has neither WebCrypto nor node:crypto, and the desk and the server must compute the
 * same bytes with the same code. Loaded on first use, as argon2 is (password-verifier.ts).
 *
 * One SHA-256 instance serves every call: init, update and digest run synchronously, so calls never
 * interleave. HMAC is built on it here rather than with hash-wasm's `createHMAC`, which makes a
 * WebAssembly instance per key (half a millisecond and some 26 KB each): the server checks events of
 * thousands of sessions, one key each. RFC 4231's vectors check the construction (officer-session.test.ts).
 */

export type MacFunction = (message: string | Uint8Array) => Uint8Array;

const BLOCK_BYTES = 64;
let sha256Hasher: Promise<IHasher> | null = null;

function sha256Instance(): Promise<IHasher> {
  if (!sha256Hasher) {
    const loading = import('hash-wasm').then(({ createSHA256 }) => createSHA256());
    sha256Hasher = loading;
    // A failed load is tried again next time rather than remembered.
    loading.catch(() => {
      if (sha256Hasher === loading) sha256Hasher = null;
    });
  }
  return sha256Hasher;
}

export async function sha256Bytes(data: string | Uint8Array): Promise<Uint8Array> {
  return (await sha256Instance()).init().update(data).digest('binary');
}

/** HMAC-SHA256 of one message. Strings are hashed as UTF-8. */
export async function hmacSha256(key: Uint8Array, message: string | Uint8Array): Promise<Uint8Array> {
  return (await hmacSha256With(key))(message);
}

/** HMAC-SHA256 under one key for many messages, each a synchronous call of a few microseconds. */
export async function hmacSha256With(key: Uint8Array): Promise<MacFunction> {
  const sha = await sha256Instance();
  const block = key.length > BLOCK_BYTES ? sha.init().update(key).digest('binary') : key;
  const inner = new Uint8Array(BLOCK_BYTES);
  const outer = new Uint8Array(BLOCK_BYTES);
  for (let i = 0; i < BLOCK_BYTES; i += 1) {
    const byte = block[i] ?? 0;
    inner[i] = byte ^ 0x36;
    outer[i] = byte ^ 0x5c;
  }
  return (message) => {
    const innerHash = sha.init().update(inner).update(message).digest('binary');
    return sha.init().update(outer).update(innerHash).digest('binary');
  };
}
