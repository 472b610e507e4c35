import type { KeyProvider } from './key-provider.ts';

export const WEB_KEY_STORAGE_KEY = 'motcua.store-key.v1';

/**
 * The browser fallback (`npm run web`, E2E): a random 256-bit key generated once and kept in
 * localStorage. WEAKER than Electron's safeStorage: anyone who can read this browser profile
 * can read the key next to the data it protects, so it only defeats copying the IndexedDB
 * files alone. Real desks run the Electron host.
 */
export function createWebKeyProvider(
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.localStorage,
  random: Pick<Crypto, 'getRandomValues'> = window.crypto,
): KeyProvider {
  return {
    async getEncryptionKey() {
      const existing = storage.getItem(WEB_KEY_STORAGE_KEY);
      if (existing && /^[0-9a-f]{64}$/.test(existing)) return existing;
      const bytes = random.getRandomValues(new Uint8Array(32));
      const key = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
      storage.setItem(WEB_KEY_STORAGE_KEY, key);
      return key;
    },
  };
}
