import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import type { RxStorage } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';

// Dev-mode (schema checks, readable errors) in tests only: in 17.6 it loads a remote iframe.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

export { indexedDB };

export function testStorage() {
  return getRxStorageDexie({ indexedDB, IDBKeyRange });
}

export const validating = (storage: RxStorage<unknown, unknown>) => wrappedValidateAjvStorage({ storage });

export const TEST_KEY = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

let counter = 0;
/** A fresh database name per test: fake-indexeddb keeps databases for the whole file. */
export function uniqueName(prefix = 'desk'): string {
  counter += 1;
  return `${prefix}${counter}x${Math.floor(Math.random() * 1e9)}`;
}
