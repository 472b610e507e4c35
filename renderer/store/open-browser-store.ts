import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDeskStore } from './desk-store.ts';
import type { DeskStore } from './desk-store.ts';
import type { KeyProvider } from './key-provider.ts';
import { requestPersistentStorage } from './persistent-storage.ts';
import type { PersistResult } from './persistent-storage.ts';

export interface BrowserDeskStore {
  store: DeskStore;
  /** 'denied' or 'unsupported': the shell shows PERSIST_DENIED_WARNING. */
  persistence: PersistResult;
}

/**
 * The app's way in: IndexedDB through Dexie, the key from the host (desk bridge or web key
 * provider), persistence requested before the first write.
 */
export async function openBrowserDeskStore(options: { keyProvider: KeyProvider; clock?: () => number; name?: string }): Promise<BrowserDeskStore> {
  const persistence = await requestPersistentStorage(navigator);
  const store = await createDeskStore({
    storage: getRxStorageDexie(),
    encryptionKey: await options.keyProvider.getEncryptionKey(),
    clock: options.clock ?? (() => Date.now()),
    ...(options.name ? { name: options.name } : {}),
  });
  return { store, persistence };
}
