import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { DossierDoc } from '../../../renderer/store/schemas/dossier-schema.ts';
import type { EventDoc } from '../../../renderer/store/schemas/event-schema.ts';

/**
 * The reference: plain Dexie with the store's table and index design (same documents, same
 * compound indexes, the same search-key trick) but none of RxDB's layers: no encryption, no
 * document cache or change stream, no schema checks, and one transaction where the store needs
 * several writes. What a query costs here is the IndexedDB floor for that design.
 */
export interface RawSetting {
  id: string;
  value: Record<string, unknown>;
}

export interface RawDesk extends Dexie {
  events: Table<EventDoc, string>;
  dossiers: Table<DossierDoc, string>;
  searchkeys: Table<{ id: string; code: string }, string>;
  settings: Table<RawSetting, string>;
}

export const RAW_DATABASE_NAME = 'bench-raw-dexie';

export function openRawDesk(name = RAW_DATABASE_NAME): RawDesk {
  const db = new Dexie(name) as RawDesk;
  db.version(1).stores({
    events: 'id, [dossierCode+id]',
    dossiers:
      'code, [status+dueKey], [status+receivedDescKey], receivedKey, receivedDescKey, [holderOfficerId+status+dueKey], ' +
      '[holderOfficerId+receivedDescKey], [procedureCode+receivedDescKey], [field+receivedDescKey], nameKey',
    searchkeys: 'id',
    settings: 'id',
  });
  return db;
}
