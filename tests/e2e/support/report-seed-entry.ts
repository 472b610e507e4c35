// Bundled by tests/e2e/reports.e2e.ts and run in a same-origin page while the desk app is closed:
// it opens the desk's own IndexedDB database with the desk's key and pulls events in like a sync.
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { createDeskStore, createWebKeyProvider } from '../../../renderer/store/index.ts';
import { normalizeInstant } from '../../../renderer/store/instant.ts';
import { splitPersonal } from '../../../renderer/store/personal-data.ts';

async function seed(events: DossierEvent[]): Promise<number> {
  const store = await createDeskStore({
    storage: getRxStorageDexie(),
    encryptionKey: await createWebKeyProvider().getEncryptionKey(),
    clock: () => Date.now(),
  });
  try {
    const docs = events.map((event) => {
      const { clear, personal } = splitPersonal(event);
      return { id: event.id, dossierCode: event.dossierCode, type: event.type, at: normalizeInstant(event.at), event: clear, personal };
    });
    const result = await store.database.events.bulkInsert(docs);
    if (result.error.length > 0) throw new Error(`${result.error.length} events refused`);
    return await store.projections.catchUp();
  } finally {
    await store.close();
  }
}

(window as unknown as { seedReportEvents: typeof seed }).seedReportEvents = seed;
