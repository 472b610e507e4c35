import type { RxCollection } from 'rxdb';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import { DossierStatus } from '../../src/dossier/status.ts';
import { normalizeInstant } from './instant.ts';
import { personalDataOf, stateOfDoc } from './dossier-doc.ts';
import type { DossierPersonalData } from './dossier-doc.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { HOLDER_UNIT_PATH, buildSelector, compareForSort, holderUnitSelector, matchesSelector, sortField, statusList } from './dossier-query.ts';
import type { DossierQuery, DossierSelector, DossierSort } from './dossier-query.ts';
import type { BlindIndex } from './blind-index.ts';
import type { DeadlineIndex } from './deadline-index.ts';
import { citizenIdKey, exactKeyRange, nameQueryRange } from './name-keys.ts';
import { codeOfOrder, keysInRange, newestFirst } from './name-search.ts';
import type { SearchKeyReader } from './name-search.ts';
import { readByIds, readIdsByPrimaryKey } from './paged-queries.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';
import type { SearchKeyDoc } from './schemas/search-key-schema.ts';

export interface StoredDossier {
  state: ProjectedDossier;
  /** Decrypted contact data, for the dossier screen only. */
  personal: DossierPersonalData;
}

export interface DossierPage {
  items: ProjectedDossier[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * True when a name query matched more than {@link MAX_NAME_CANDIDATES} keys and was cut:
   * the screen should ask for more letters.
   */
  tooBroad: boolean;
}

export interface DossierCountFilter {
  statuses?: readonly DossierStatus[];
  officer?: string;
  deadline?: { from?: string; before?: string };
  /**
   * Only dossiers held by this unit or with none recorded (`DossierQuery.holderUnit`). Open
   * statuses are counted in memory; a closed status then reads its documents (no index has it).
   */
  holderUnit?: string;
}

export interface DossierRepository {
  byCode(code: string): Promise<StoredDossier | null>;
  /** The dossiers among `codes` (canonical) that exist here, in the order given: primary-key reads only. */
  byCodes(codes: readonly string[]): Promise<ProjectedDossier[]>;
  /**
   * Dossiers whose applicant or collector has this citizen ID (exact, 12 digits), newest first.
   * An index lookup through the blind index: the IDs themselves stay encrypted.
   */
  byCitizenId(citizenId: string): Promise<ProjectedDossier[]>;
  query(query?: DossierQuery): Promise<DossierPage>;
  /** Dossiers per status, e.g. the red-alert badges: open statuses from memory (deadline-index.ts), others from index counts. */
  counts(filter?: DossierCountFilter): Promise<Record<DossierStatus, number>>;
  /** Dossiers received in `[from, to)`. */
  countReceived(range: { from: string; to: string }): Promise<number>;
}

export const MAX_NAME_CANDIDATES = 2_000;
/** More distinct name keys than this under a query (e.g. "ng") and the search reads candidates instead. */
export const MAX_DISTINCT_NAME_KEYS = 16;
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const ALL_STATUSES = Object.values(DossierStatus);

export function createDossierRepository(
  dossiers: RxCollection<DossierDoc>,
  searchkeys: RxCollection<SearchKeyDoc>,
  blind: BlindIndex,
  deadlines: DeadlineIndex,
  eventsOf: (code: string) => Promise<DossierEvent[]>,
): DossierRepository {
  // Straight to the storage: a search makes a few of these small reads one after another, and
  // RxQuery's document and cache handling per read showed in the name search's tail.
  const reader: SearchKeyReader = {
    async firstId(from, before) {
      return (await readIdsByPrimaryKey(searchkeys, { from, before }, 1))[0] ?? null;
    },
    async idsAfter(after, before, limit) {
      return readIdsByPrimaryKey(searchkeys, { after, before }, limit);
    },
  };

  async function byName(query: DossierQuery, sort: DossierSort, limit: number, range: { from: string; to: string }): Promise<DossierPage> {
    const selector = buildSelector(query, sort);
    const statuses = statusList(query.status);
    if (statuses) selector.status = { $in: statuses };
    const keys = sort === 'received-desc' ? await keysInRange(reader, range, MAX_DISTINCT_NAME_KEYS, { cursor: query.cursor ?? null, chunk: limit + 1 }) : null;
    if (keys === null) return byNameCandidates(selector, sort, limit, range);
    // Newest first straight from the key index: read dossiers a page at a time until the page is full.
    const matching: DossierDoc[] = [];
    let scanned = 0;
    let batch: string[] = [];
    const flush = async () => {
      // A page of a hundred projections read for a list row each: as stored, without an
      // RxDocument and a deep copy of each.
      const found = new Map((await readByIds(dossiers, batch.map(codeOfOrder))).map((doc) => [doc.code, doc]));
      for (const order of batch) {
        const doc = found.get(codeOfOrder(order));
        if (doc && matchesSelector(doc, selector)) matching.push(doc);
      }
      batch = [];
    };
    for await (const order of newestFirst(reader, keys, limit + 1)) {
      batch.push(order);
      scanned += 1;
      if (batch.length >= limit + 1 - matching.length) await flush();
      if (matching.length > limit || scanned >= MAX_NAME_CANDIDATES) break;
    }
    if (batch.length > 0) await flush();
    return page(matching, sort, limit, matching.length <= limit && scanned >= MAX_NAME_CANDIDATES);
  }

  /** Every candidate of the range (capped), filtered and sorted in memory: for other orders and broad queries. */
  async function byNameCandidates(selector: Record<string, unknown>, sort: DossierSort, limit: number, range: { from: string; to: string }): Promise<DossierPage> {
    const keys = await searchkeys
      .find({ selector: { id: { $gte: range.from, $lt: range.to } }, sort: [{ id: 'asc' }], limit: MAX_NAME_CANDIDATES + 1 })
      .exec();
    const tooBroad = keys.length > MAX_NAME_CANDIDATES;
    const codes = [...new Set(keys.slice(0, MAX_NAME_CANDIDATES).map((key) => key.code))];
    const found = await dossiers.findByIds(codes).exec();
    const matching = [...found.values()]
      .map((doc) => doc.toMutableJSON())
      .filter((doc) => matchesSelector(doc, selector))
      .sort(compareForSort(sort));
    return page(matching, sort, limit, tooBroad);
  }

  /** One index range, read in index order and cut at `limit + 1`. */
  async function ranged(selector: Record<string, unknown>, sort: DossierSort, limit: number): Promise<DossierDoc[]> {
    const field = sortField(sort);
    const docs = await dossiers
      .find({ selector: selector as DossierSelector, sort: [{ [field]: 'asc' } as Record<typeof field, 'asc'>], limit: limit + 1 })
      .exec();
    return docs.map((doc) => doc.toMutableJSON());
  }

  function page(docs: DossierDoc[], sort: DossierSort, limit: number, tooBroad: boolean): DossierPage {
    const items = docs.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((doc) => stateOfDoc(doc)),
      nextCursor: docs.length > limit && last ? last[sortField(sort)] : null,
      tooBroad,
    };
  }

  return {
    async byCode(code) {
      const wanted = code.trim().toUpperCase();
      // Contact data live only in the encrypted events: read beside the projection, not after it.
      const [doc, events] = await Promise.all([dossiers.findOne(wanted).exec(), eventsOf(wanted)]);
      if (!doc) return null;
      const state = stateOfDoc(doc.toMutableJSON());
      return { state, personal: personalDataOf(state, events) };
    },

    async byCodes(codes) {
      const found = new Map((await readByIds(dossiers, [...new Set(codes)])).map((doc) => [doc.code, stateOfDoc(doc)]));
      return codes.flatMap((code) => found.get(code) ?? []);
    },

    async byCitizenId(citizenId) {
      const id = citizenId.replace(/\s+/g, '');
      if (!/^\d{12}$/.test(id)) return [];
      const range = exactKeyRange(citizenIdKey(await blind(id)));
      const keys = await searchkeys.find({ selector: { id: { $gte: range.from, $lt: range.to } }, sort: [{ id: 'asc' }] }).exec();
      const found = await dossiers.findByIds([...new Set(keys.map((key) => key.code))]).exec();
      return [...found.values()]
        .map((doc) => doc.toMutableJSON())
        .sort(compareForSort('received-desc'))
        .map((doc) => stateOfDoc(doc));
    },

    async query(query = {}) {
      const sort = query.sort ?? 'received-desc';
      const limit = Math.min(Math.max(Math.trunc(query.limit ?? DEFAULT_LIMIT), 1), MAX_LIMIT);
      if (query.nameQuery !== undefined) {
        const range = nameQueryRange(query.nameQuery);
        if (range) return byName(query, sort, limit, range);
      }
      const selector = buildSelector(query, sort);
      const statuses = statusList(query.status);
      if (!statuses) return page(await ranged(selector, sort, limit), sort, limit, false);
      // One range per status, merged: a `$in` would scan the statuses in between and sort in memory.
      const perStatus = await Promise.all(statuses.map((status) => ranged({ ...selector, status }, sort, limit)));
      return page(perStatus.flat().sort(compareForSort(sort)), sort, limit, false);
    },

    async counts(filter = {}) {
      const statuses = statusList(filter.statuses) ?? ALL_STATUSES;
      const due: Record<string, string> = {};
      if (filter.deadline?.from !== undefined) due.$gte = normalizeInstant(filter.deadline.from);
      if (filter.deadline?.before !== undefined) due.$lt = normalizeInstant(filter.deadline.before);
      const result = Object.fromEntries(ALL_STATUSES.map((status) => [status, 0])) as Record<DossierStatus, number>;
      const inMemory = statuses.filter((status) => deadlines.tracks(status));
      const fromMemory = deadlines.count({
        statuses: inMemory,
        ...(filter.officer !== undefined ? { officer: filter.officer } : {}),
        ...(filter.holderUnit !== undefined ? { holderUnit: filter.holderUnit } : {}),
        ...(due.$gte !== undefined ? { from: due.$gte } : {}),
        ...(due.$lt !== undefined ? { before: due.$lt } : {}),
      });
      // Closed statuses: one count per status, a single range of [holderOfficerId,] status, dueKey,
      // which the Dexie storage answers from the index (a multi-status `$in` count would be refused).
      await Promise.all([
        fromMemory.then((counts) => counts.forEach((n, status) => (result[status] = n))),
        ...statuses
          .filter((status) => !deadlines.tracks(status))
          .map(async (status) => {
            const selector: Record<string, unknown> = { status };
            if (filter.officer !== undefined) selector.holderOfficerId = filter.officer;
            if (Object.keys(due).length > 0) selector.dueKey = due;
            if (filter.holderUnit === undefined) {
              result[status] = await dossiers.count({ selector }).exec();
            } else {
              // The holder unit is inside the projection: Dexie counts only what an index answers (QU14).
              selector[HOLDER_UNIT_PATH] = holderUnitSelector(filter.holderUnit);
              result[status] = (await dossiers.find({ selector: selector as DossierSelector }).exec()).length;
            }
          }),
      ]);
      return result;
    },

    countReceived(range) {
      return dossiers
        .count({ selector: { receivedKey: { $gte: normalizeInstant(range.from), $lt: normalizeInstant(range.to) } } })
        .exec();
    },
  };
}
