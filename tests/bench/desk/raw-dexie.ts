import { Dexie } from 'dexie';
import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { nextDossierCode } from '../../../src/dossier/dossier-code.ts';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent, EventOf } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { toDossierDoc } from '../../../renderer/store/dossier-doc.ts';
import { normalizeInstant } from '../../../renderer/store/instant.ts';
import { MAX_DISTINCT_NAME_KEYS, MAX_NAME_CANDIDATES } from '../../../renderer/store/dossier-repository.ts';
import { nameQueryRange, searchKeyId } from '../../../renderer/store/name-keys.ts';
import { codeOfOrder, keysInRange, newestFirst } from '../../../renderer/store/name-search.ts';
import type { SearchKeyReader } from '../../../renderer/store/name-search.ts';
import { joinPersonal, splitPersonal } from '../../../renderer/store/personal-data.ts';
import type { DossierDoc } from '../../../renderer/store/schemas/dossier-schema.ts';
import type { EventDoc } from '../../../renderer/store/schemas/event-schema.ts';
import type { ReceivedPayloadDraft } from '../../../renderer/screens/receive/receive-form.ts';
import type { RawDesk } from './raw-schema.ts';

export type { RawDesk } from './raw-schema.ts';

export function toEventDoc(event: DossierEvent): EventDoc {
  const { clear, personal } = splitPersonal(event);
  return { id: event.id, dossierCode: event.dossierCode, type: event.type, at: normalizeInstant(event.at), event: clear, personal };
}

const eventsOf = (db: RawDesk, code: string) => db.events.where('[dossierCode+id]').between([code, Dexie.minKey], [code, Dexie.maxKey]);

export interface RawReceiveDeps {
  identity: DeskIdentity;
  officerId: string;
  newEventId: () => string;
  /** Search keys of the new dossier, computed before the transaction (WebCrypto cannot run inside one). */
  searchKeys: readonly string[];
}

/** The receive screen's save: issue the code, store the event, project it, update the hints. */
export async function rawReceive(
  db: RawDesk,
  draft: ReceivedPayloadDraft,
  timing: { receivedAtMs: number; dueAtMs: number },
  deps: RawReceiveDeps,
): Promise<EventOf<'RECEIVED'>> {
  return db.transaction('rw', [db.events, db.dossiers, db.searchkeys, db.settings], async () => {
    const hint = (await db.settings.get('last-dossier-code'))?.value.code;
    const base = { agencyId: deps.identity.agencyId, slot: deps.identity.slot, localDate: localDateOf(timing.receivedAtMs) };
    let lastIssued = typeof hint === 'string' ? hint : null;
    let code = nextDossierCode({ ...base, lastIssued });
    while ((await eventsOf(db, code).count()) > 0 || (await db.dossiers.get(code)) !== undefined) {
      lastIssued = code;
      code = nextDossierCode({ ...base, lastIssued });
    }
    const event = createEvent(
      {
        type: 'RECEIVED',
        dossierCode: code,
        officerId: deps.officerId,
        deskId: deps.identity.deskId,
        unitId: deps.identity.agencyId,
        payload: { ...draft, receivedAt: new Date(timing.receivedAtMs).toISOString(), dueAt: new Date(timing.dueAtMs).toISOString() },
      },
      { nextId: deps.newEventId, now: () => timing.receivedAtMs },
    );
    await db.events.add(toEventDoc(event));
    const events = (await eventsOf(db, code).toArray()).map((doc) => joinPersonal(doc.event, doc.personal) as DossierEvent);
    const state = projectDossier(events);
    const doc = toDossierDoc(state);
    await db.dossiers.put(doc);
    await db.searchkeys.bulkPut(deps.searchKeys.map((key) => ({ id: searchKeyId(key, doc.receivedDescKey), code })));
    await db.settings.put({ id: 'last-dossier-code', value: { code } });
    const recent = (await db.settings.get(`recent-procedures:${deps.officerId}`))?.value.codes;
    const codes = [draft.procedureCode, ...(Array.isArray(recent) ? recent.filter((c) => c !== draft.procedureCode) : [])].slice(0, 6);
    await db.settings.put({ id: `recent-procedures:${deps.officerId}`, value: { codes } });
    return event;
  });
}

/** What the dossier screen loads for a scanned code: the projection and its route. */
export async function rawDetail(db: RawDesk, code: string): Promise<{ state: ProjectedDossier; events: unknown[] } | null> {
  const [doc, events] = await Promise.all([db.dossiers.get(code), eventsOf(db, code).toArray()]);
  if (!doc) return null;
  return { state: doc.state as unknown as ProjectedDossier, events: events.map((e) => joinPersonal(e.event, e.personal)) };
}

/** Name search like the store's (same algorithm, name-search.ts): newest first from each matching key's index range. */
export async function rawNameSearch(db: RawDesk, query: string, limit: number): Promise<{ items: ProjectedDossier[]; tooBroad: boolean }> {
  const range = nameQueryRange(query);
  if (!range) return { items: [], tooBroad: false };
  const reader: SearchKeyReader = {
    firstId: async (from, before) => ((await db.searchkeys.where('id').between(from, before, true, false).limit(1).primaryKeys())[0] as string | undefined) ?? null,
    idsAfter: async (after, before, n) => (await db.searchkeys.where('id').between(after, before, false, false).limit(n).primaryKeys()) as string[],
  };
  const keys = await keysInRange(reader, range, MAX_DISTINCT_NAME_KEYS, { cursor: null, chunk: limit + 1 });
  if (keys === null) {
    // As the store does for a query reaching many names: every candidate (capped), newest first in memory.
    const candidates = await db.searchkeys.where('id').between(range.from, range.to, true, false).limit(MAX_NAME_CANDIDATES + 1).toArray();
    const codes = [...new Set(candidates.slice(0, MAX_NAME_CANDIDATES).map((key) => key.code))];
    const docs = (await db.dossiers.bulkGet(codes)).filter((doc): doc is DossierDoc => doc !== undefined);
    docs.sort((a, b) => (a.receivedDescKey < b.receivedDescKey ? -1 : a.receivedDescKey > b.receivedDescKey ? 1 : 0));
    return { items: docs.slice(0, limit).map((doc) => doc.state as unknown as ProjectedDossier), tooBroad: candidates.length > MAX_NAME_CANDIDATES };
  }
  const orders: string[] = [];
  for await (const order of newestFirst(reader, keys, limit + 1)) {
    orders.push(order);
    if (orders.length > limit) break;
  }
  const docs = (await db.dossiers.bulkGet(orders.map(codeOfOrder))).filter((doc): doc is DossierDoc => doc !== undefined);
  return { items: docs.slice(0, limit).map((doc) => doc.state as unknown as ProjectedDossier), tooBroad: false };
}

/** Dossiers of these statuses due in `[from, before)`: one index count per status. */
export async function rawDueCount(db: RawDesk, statuses: readonly number[], deadline: { from?: string; before?: string }): Promise<number> {
  const lower = deadline.from !== undefined ? normalizeInstant(deadline.from) : '';
  const upper = deadline.before !== undefined ? normalizeInstant(deadline.before) : '\uffff';
  const counts = await Promise.all(statuses.map((status) => db.dossiers.where('[status+dueKey]').between([status, lower], [status, upper], true, false).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

export type RawListFilter =
  | { kind: 'status'; statuses: readonly number[] }
  | { kind: 'procedure'; procedureCode: string }
  | { kind: 'overdue'; statuses: readonly number[]; before: string };

/** First page of the list for one filter, read in index order as the store does. */
export async function rawFirstPage(db: RawDesk, filter: RawListFilter, limit: number): Promise<ProjectedDossier[]> {
  let docs: DossierDoc[];
  if (filter.kind === 'procedure') {
    docs = await db.dossiers
      .where('[procedureCode+receivedDescKey]')
      .between([filter.procedureCode, Dexie.minKey], [filter.procedureCode, Dexie.maxKey])
      .limit(limit + 1)
      .toArray();
  } else if (filter.kind === 'status') {
    const perStatus = await Promise.all(
      filter.statuses.map((status) =>
        db.dossiers.where('[status+receivedDescKey]').between([status, Dexie.minKey], [status, Dexie.maxKey]).limit(limit + 1).toArray(),
      ),
    );
    docs = perStatus.flat().sort((a, b) => (a.receivedDescKey < b.receivedDescKey ? -1 : 1));
  } else {
    const before = normalizeInstant(filter.before);
    const perStatus = await Promise.all(
      filter.statuses.map((status) => db.dossiers.where('[status+dueKey]').between([status, ''], [status, before], true, false).limit(limit + 1).toArray()),
    );
    docs = perStatus.flat().sort((a, b) => (a.dueKey < b.dueKey ? -1 : 1));
  }
  return docs.slice(0, limit).map((doc) => doc.state as unknown as ProjectedDossier);
}
