import type { RxCollection } from 'rxdb';
import type { DossierEvent } from '../../src/dossier/events.ts';
import type { DeskStore } from './desk-store.ts';
import { normalizeInstant } from './instant.ts';
import { joinPersonal, splitPersonal } from './personal-data.ts';
import { docToEvent } from './projector.ts';
import type { EventDoc } from './schemas/event-schema.ts';
import type { SettingsDoc } from './schemas/settings-schema.ts';

/**
 * The store's seam for sync/client: the event log collection that RxDB replicates, the small
 * settings collection sync keeps its own state in, and the mapping between the stored event doc
 * (personal fields split off for encryption) and the event on the wire.
 */
export type { EventDoc } from './schemas/event-schema.ts';
export type { SettingsDoc } from './schemas/settings-schema.ts';

export function eventsCollectionOf(store: DeskStore): RxCollection<EventDoc> {
  return store.database.collections.events;
}

export function settingsCollectionOf(store: DeskStore): RxCollection<SettingsDoc> {
  return store.database.collections.settings;
}

/** The stored form of a validated event, exactly as `events.append` writes it. */
export function eventDocOf(event: DossierEvent): EventDoc {
  const { clear, personal } = splitPersonal(event);
  return { id: event.id, dossierCode: event.dossierCode, type: event.type, at: normalizeInstant(event.at), event: clear, personal };
}

/** The event a stored doc holds, read as written, or null when it no longer parses (older schema, corruption). */
export function eventOfDoc(doc: EventDoc): DossierEvent | null {
  return docToEvent(doc);
}

/** A stored doc's event exactly as stored, unparsed (personal fields joined back): what a correction starts from. */
export function rawEventOfDoc(doc: EventDoc): unknown {
  return joinPersonal(doc.event, doc.personal);
}
