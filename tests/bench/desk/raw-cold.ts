// The reference for the cold start: a page that opens the seeded raw Dexie database, reads one
// setting and enables its input. Its time is the browser + IndexedDB floor at this data size.
import { openRawDesk } from './raw-schema.ts';

const db = openRawDesk();
await db.open();
await db.settings.get('last-dossier-code');
document.querySelector('input')?.removeAttribute('disabled');
