/**
 * Keyed hashes ("blind index") of citizen IDs, so that an exact-ID search is an index lookup
 * although the IDs themselves are stored only encrypted. The HMAC key is derived from the
 * at-rest key: without it, a 12-digit ID cannot be recovered from its hash by trying all IDs.
 * 128 bits of the HMAC are kept: ample against collisions among a desk's dossiers.
 * WebCrypto rather than WASM, so opening the store needs nothing from the page's CSP.
 */
export type BlindIndex = (value: string) => Promise<string>;

const CONTEXT = 'motcua/citizen-id-blind-index/v1';

export async function createBlindIndex(encryptionKey: string, subtle: SubtleCrypto = globalThis.crypto.subtle): Promise<BlindIndex> {
  const encoder = new TextEncoder();
  const master = await subtle.importKey('raw', encoder.encode(encryptionKey), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // A key of its own, so the at-rest key is never used directly for another purpose.
  const derived = await subtle.sign('HMAC', master, encoder.encode(CONTEXT));
  const key = await subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (value) => {
    const mac = new Uint8Array(await subtle.sign('HMAC', key, encoder.encode(value)));
    return [...mac.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  };
}
