// Cold start split: a page that only opens the desk store (as the app's bootstrap does) and then
// enables its input. Beside the app's cold start it separates the data open from the UI's part.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { createDeskStore, createWebKeyProvider } from '../../../renderer/store/index.ts';

const store = await createDeskStore({
  storage: getRxStorageDexie(),
  encryptionKey: await createWebKeyProvider().getEncryptionKey(),
  clock: () => Date.now(),
});
await store.identity.get();
document.querySelector('input')?.removeAttribute('disabled');
