import { createDeskStore } from '../../../../renderer/store/desk-store.ts';
import type { DeskStore } from '../../../../renderer/store/desk-store.ts';
import { TEST_KEY, testStorage, validating } from '../../store/test-storage.ts';

/** A desk store on fake-indexeddb; the same name reopens the same data (a restarted desk). */
export function openTestStore(name: string): Promise<DeskStore> {
  return createDeskStore({ storage: testStorage(), encryptionKey: TEST_KEY, name, clock: Date.now, decorateStorage: validating });
}

let counter = 0;
export function uniqueNameForSync(prefix: string): string {
  counter += 1;
  return `${prefix}x${counter}x${Math.floor(Math.random() * 1e9)}`;
}
