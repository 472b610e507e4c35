import { getChangedDocumentsSince } from 'rxdb';
import { z } from 'zod';
import { parseEvent } from '../../src/dossier/events.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { projectDossier } from '../../src/dossier/projection.ts';
import type { DeskCollections } from './database.ts';
import { personalDataOf, toDossierDoc } from './dossier-doc.ts';
import type { BlindIndex } from './blind-index.ts';
import type { DossierPersonalData } from './dossier-doc.ts';
import { citizenIdKey, nameKeyId, nameSearchKeys } from './name-keys.ts';
import { joinPersonal } from './personal-data.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import type { EventDoc } from './schemas/event-schema.ts';
import type { SettingsRepository } from './settings-repository.ts';

/**
 * Keeps dossier projections (and their name keys) in step with the event log.
 *
 * RxDB has no transaction across collections, so an append is: insert the event, then
 * re-project its dossier. A crash in between leaves an event without its projection; that is
 * recovered by `catchUp`, which re-projects every dossier with events written after the
 * checkpoint (RxDB's change order `_meta.lwt`, the order replication uses). The store runs it at
 * open, after every append, and sync should run it after a pull. Projecting is idempotent, so a
 * checkpoint that lags only costs time.
 */
export interface Projector {
  catchUp(): Promise<number>;
  /** Rebuilds the search index from projections when it is empty (after the v0 → v1 migration). */
  repairSearchKeys(): Promise<void>;
  rebuildAll(): Promise<number>;
  eventsOf(code: string): Promise<DossierEvent[]>;
}

const CHECKPOINT_KEY = 'projection-checkpoint';
const checkpointSchema = z.object({ checkpoint: z.object({ id: z.string(), lwt: z.number() }).nullable() });
const BATCH = 500;

export function docToEvent(doc: EventDoc): DossierEvent | null {
  const parsed = parseEvent(joinPersonal(doc.event, doc.personal));
  return parsed.ok ? parsed.value : null;
}

/** The search keys of a dossier: its name keys and the blind keys of its citizen IDs. */
export async function searchKeysOf(doc: Pick<DossierDoc, 'applicantName' | 'personal'>, blind: BlindIndex): Promise<string[]> {
  const personal = doc.personal as Partial<DossierPersonalData>;
  const ids = [personal.applicant?.citizenId, personal.collectedBy?.citizenId].filter((id): id is string => typeof id === 'string');
  const idKeys = await Promise.all([...new Set(ids)].map(async (id) => citizenIdKey(await blind(id))));
  return [...nameSearchKeys(doc.applicantName), ...idKeys];
}

export function createProjector(collections: DeskCollections, settings: SettingsRepository, blind: BlindIndex): Projector {
  async function eventsOf(code: string): Promise<DossierEvent[]> {
    const docs = await collections.events.find({ selector: { dossierCode: code }, sort: [{ id: 'asc' }] }).exec();
    // Only validated events are ever written; an unparsable one (older schema, corruption) cannot be applied.
    return docs.map((doc) => docToEvent(doc.toMutableJSON())).filter((event): event is DossierEvent => event !== null);
  }

  async function project(code: string): Promise<void> {
    const events = await eventsOf(code);
    if (events.length === 0) return;
    const state = projectDossier(events);
    const doc = toDossierDoc(state, personalDataOf(state, events));
    const previous = await collections.dossiers.findOne(code).exec();
    await collections.dossiers.upsert(doc);
    const oldKeys = previous ? await searchKeysOf(previous.toMutableJSON(), blind) : [];
    const newKeys = await searchKeysOf(doc, blind);
    const stale = oldKeys.filter((key) => !newKeys.includes(key)).map((key) => nameKeyId(key, code));
    if (stale.length > 0) await collections.searchkeys.bulkRemove(stale);
    await collections.searchkeys.bulkUpsert(newKeys.map((key) => ({ id: nameKeyId(key, code), code })));
  }

  async function projectSince(checkpoint: { id: string; lwt: number } | null): Promise<number> {
    let projected = 0;
    let cursor = checkpoint;
    for (;;) {
      const changes = await getChangedDocumentsSince(collections.events.storageInstance, BATCH, cursor ?? undefined);
      if (changes.documents.length === 0) break;
      const codes = new Set(changes.documents.map((doc) => doc.dossierCode));
      for (const code of codes) await project(code);
      projected += codes.size;
      cursor = changes.checkpoint as { id: string; lwt: number };
      await settings.set(CHECKPOINT_KEY, { checkpoint: cursor });
      if (changes.documents.length < BATCH) break;
    }
    return projected;
  }

  async function rebuildSearchKeysIfMissing(): Promise<void> {
    // A database migrated from dossiers v0 has projections but no search keys yet.
    // Existence, not counts: IndexedDB counts by walking the index (about 12 s at 200,000 dossiers).
    const [anyDossier, anyKey] = await Promise.all([collections.dossiers.findOne().exec(), collections.searchkeys.findOne().exec()]);
    if (anyDossier === null || anyKey !== null) return;
    const docs = await collections.dossiers.find().exec();
    for (const doc of docs) {
      const keys = await searchKeysOf(doc.toMutableJSON(), blind);
      await collections.searchkeys.bulkUpsert(keys.map((key) => ({ id: nameKeyId(key, doc.code), code: doc.code })));
    }
  }

  return {
    repairSearchKeys: rebuildSearchKeysIfMissing,
    async catchUp() {
      const { checkpoint } = await settings.get(CHECKPOINT_KEY, checkpointSchema, { checkpoint: null });
      return projectSince(checkpoint);
    },
    rebuildAll: () => projectSince(null),
    eventsOf,
  };
}
