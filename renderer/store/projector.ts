import { getChangedDocumentsSince } from 'rxdb';
import { z } from 'zod';
import { readStoredEvent } from '../../src/dossier/events.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { projectDossier } from '../../src/dossier/projection.ts';
import type { DeskCollections } from './database.ts';
import { personalDataOf, stateOfDoc, toDossierDoc } from './dossier-doc.ts';
import type { DossierState } from '../../src/dossier/dossier-state.ts';
import type { BlindIndex } from './blind-index.ts';
import type { DossierPersonalData } from './dossier-doc.ts';
import { citizenIdKey, nameSearchKeys, searchKeyId } from './name-keys.ts';
import { readByPrimaryKey } from './paged-queries.ts';
import { joinPersonal } from './personal-data.ts';
import type { ReportDays } from './report-days.ts';
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
  /**
   * `fresh`: an event just appended as the first of its dossier. Its projection is written from
   * the event alone, alongside the read of the changes, unless a projection exists; the catch-up
   * leaves it be unless other changed events of that dossier show up.
   */
  catchUp(fresh?: DossierEvent): Promise<number>;
  /** Rebuilds the search index from projections when it is empty (after the v0 → v1 migration). */
  repairSearchKeys(): Promise<void>;
  rebuildAll(): Promise<number>;
  /** Saves the projection checkpoint if runs since the last save left it only in memory. */
  flush(): Promise<void>;
  eventsOf(code: string): Promise<DossierEvent[]>;
}

const CHECKPOINT_KEY = 'projection-checkpoint';
const checkpointSchema = z.object({ checkpoint: z.object({ id: z.string(), lwt: z.number() }).nullable() });
const BATCH = 500;
const SAVE_CHECKPOINT_EVERY = 20;
type Checkpoint = { id: string; lwt: number };

/**
 * The event a stored doc holds, read as it was written (an event stored before the text rule, by
 * an older version or pulled from an older server, still counts in its dossier), or null when it
 * no longer parses at all.
 */
export function docToEvent(doc: EventDoc): DossierEvent | null {
  const parsed = readStoredEvent(joinPersonal(doc.event, doc.personal));
  return parsed.ok ? parsed.value : null;
}

/** The search keys of a dossier: its name keys and the blind keys of its citizen IDs. */
export async function searchKeysOf(applicantName: string, personal: DossierPersonalData, blind: BlindIndex): Promise<string[]> {
  const ids = [personal.applicant.citizenId, personal.collectedBy?.citizenId, personal.representative?.citizenId].filter((id): id is string => typeof id === 'string');
  const idKeys = await Promise.all([...new Set(ids)].map(async (id) => citizenIdKey(await blind(id))));
  // A tax code is searched like a name: its digits are one word ("0100109106", "0100109106 001").
  return [...new Set([...nameSearchKeys(applicantName), ...(personal.taxCode ? nameSearchKeys(personal.taxCode) : []), ...idKeys])];
}

export function createProjector(collections: DeskCollections, settings: SettingsRepository, blind: BlindIndex, reportDays: ReportDays): Projector {
  async function eventsOf(code: string): Promise<DossierEvent[]> {
    const docs = await collections.events.find({ selector: { dossierCode: code }, sort: [{ id: 'asc' }] }).exec();
    // Only validated events are ever written; an unparsable one (older schema, corruption) cannot be applied.
    return docs.map((doc) => docToEvent(doc.toMutableJSON())).filter((event): event is DossierEvent => event !== null);
  }

  /** The search-key doc ids of a projection, its personal data taken from the events it applied. */
  async function searchKeyIdsOf(doc: Pick<DossierDoc, 'applicantName' | 'receivedDescKey' | 'state'>, events: readonly DossierEvent[]): Promise<string[]> {
    const personal = personalDataOf(stateOfDoc(doc), events);
    return (await searchKeysOf(doc.applicantName, personal, blind)).map((key) => searchKeyId(key, doc.receivedDescKey));
  }

  /** `refused`: what a refused claim of a new dossier wrote beside the projection, put right here. */
  async function project(code: string, refused?: { keyIds: string[]; state: DossierState }): Promise<void> {
    const [events, previous] = await Promise.all([eventsOf(code), collections.dossiers.findOne(code).exec()]);
    if (events.length === 0) return;
    const known = previous ? previous.toMutableJSON() : null;
    // The claim's report row goes back to the stored projection's before the projection moves it.
    if (refused && known) await reportDays.record(refused.state, stateOfDoc(known));
    await writeProjection(code, events, known, 'upsert', refused?.keyIds ?? []);
  }

  /**
   * One write each way. `upsert`: a known projection is in RxDB's cache after findOne (no second
   * read), a new one is inserted without the read an upsert makes first, and upserted if it
   * appeared meanwhile (another window). `claim`: a new dossier's projection from its first
   * event alone, inserted only; false when a projection exists (nothing written then).
   */
  async function writeDossier(doc: DossierDoc, known: boolean, mode: 'upsert' | 'claim'): Promise<boolean> {
    if (known) {
      await collections.dossiers.incrementalUpsert(doc);
      return true;
    }
    const inserted = await collections.dossiers.bulkInsert([doc]);
    const conflict = inserted.error.find((error) => error.status === 409);
    if (inserted.error.length > 0 && !conflict) throw new Error(`projection of ${doc.code} refused (${inserted.error[0]?.status})`);
    if (conflict && mode === 'claim') return false;
    if (conflict) await collections.dossiers.incrementalUpsert(doc);
    return true;
  }

  async function writeProjection(
    code: string,
    events: readonly DossierEvent[],
    previous: DossierDoc | null,
    mode: 'upsert' | 'claim',
    alsoWritten: readonly string[] = [],
  ): Promise<{ written: boolean; keyIds: string[]; state: DossierState }> {
    const state = projectDossier(events);
    const doc = toDossierDoc(state);
    // The previous projection applied a subset of these events: its keys are computed from them.
    const [oldIds, newIds] = await Promise.all([previous ? searchKeyIdsOf(previous, events) : Promise.resolve<string[]>([]), searchKeyIdsOf(doc, events)]);
    const stale = [...new Set([...oldIds, ...alsoWritten])].filter((id) => !newIds.includes(id));
    const fresh = newIds.filter((id) => !oldIds.includes(id));
    // Each collection is its own IndexedDB database: the writes go out together rather than one
    // transaction after another. A crash part-way is repaired like one between event and
    // projection: the checkpoint moves only after all of them, and projecting is idempotent.
    const [written] = await Promise.all([
      writeDossier(doc, previous !== null, mode),
      reportDays.record(previous ? stateOfDoc(previous) : null, state),
      stale.length > 0 ? collections.searchkeys.bulkRemove(stale) : null,
      fresh.length > 0 ? collections.searchkeys.bulkUpsert(fresh.map((id) => ({ id, code }))) : null,
    ]);
    return { written, keyIds: newIds, state };
  }

  // The checkpoint is saved every few runs rather than on every append: a crash only means the
  // dossiers appended since are projected again at the next open (idempotent).
  let unsaved: { checkpoint: Checkpoint; runs: number } | null = null;

  async function saveCheckpoint(checkpoint: Checkpoint, now: boolean): Promise<void> {
    unsaved = { checkpoint, runs: (unsaved?.runs ?? 0) + 1 };
    if (now || unsaved.runs >= SAVE_CHECKPOINT_EVERY) await flush();
  }

  async function flush(): Promise<void> {
    if (unsaved === null) return;
    await settings.set(CHECKPOINT_KEY, { checkpoint: unsaved.checkpoint });
    unsaved = null;
  }

  async function projectSince(checkpoint: Checkpoint | null, fresh?: DossierEvent): Promise<number> {
    let projected = 0;
    let cursor = checkpoint;
    const changesSince = (from: Checkpoint | null) => getChangedDocumentsSince(collections.events.storageInstance, BATCH, from ?? undefined);
    // Every event up to the checkpoint is in its dossier's projection, so a dossier without one has
    // no events but those after the checkpoint: if the fresh event is the only one of its dossier
    // among them, its projection from the event alone is the whole truth.
    // A projection already there refuses the claim: the dossier is then projected from all its events,
    // which also puts right the report row and search keys the claim wrote.
    const [firstChanges, claim] = await Promise.all([changesSince(cursor), fresh ? writeProjection(fresh.dossierCode, [fresh], null, 'claim') : null]);
    if (fresh && claim && !claim.written) await project(fresh.dossierCode, claim);
    let changes = firstChanges;
    for (;;) {
      if (changes.documents.length === 0) break;
      const codes = new Set(changes.documents.map((doc) => doc.dossierCode));
      const others = fresh ? changes.documents.filter((doc) => doc.dossierCode === fresh.dossierCode && doc.id !== fresh.id) : [];
      if (fresh && others.length === 0 && codes.delete(fresh.dossierCode)) projected += 1;
      for (const code of codes) await project(code);
      projected += codes.size;
      cursor = changes.checkpoint as Checkpoint;
      const more = changes.documents.length === BATCH;
      await saveCheckpoint(cursor, more);
      if (!more) break;
      changes = await changesSince(cursor);
    }
    return projected;
  }

  async function rebuildSearchKeysIfMissing(): Promise<void> {
    // A database migrated from dossiers v0 or search keys v0 has projections but no search keys yet.
    // Existence, not counts: IndexedDB counts by walking the index (about 12 s at 200,000 dossiers).
    const [anyDossier, anyKey] = await Promise.all([collections.dossiers.findOne().exec(), collections.searchkeys.findOne().exec()]);
    if (anyDossier === null || anyKey !== null) return;
    for (let after = ''; ; ) {
      const docs = await readByPrimaryKey(collections.dossiers, { after }, BATCH);
      const keyDocs = await Promise.all(docs.map(async (doc) => (await searchKeyIdsOf(doc, await eventsOf(doc.code))).map((id) => ({ id, code: doc.code }))));
      await collections.searchkeys.bulkUpsert(keyDocs.flat());
      const last = docs[docs.length - 1];
      if (last === undefined || docs.length < BATCH) return;
      after = last.code;
    }
  }

  return {
    repairSearchKeys: rebuildSearchKeysIfMissing,
    async catchUp(fresh) {
      const checkpoint = unsaved?.checkpoint ?? (await settings.get(CHECKPOINT_KEY, checkpointSchema, { checkpoint: null })).checkpoint;
      return projectSince(checkpoint, fresh);
    },
    flush,
    rebuildAll: () => projectSince(null),
    eventsOf,
  };
}
