import type { MangoQuerySelector } from 'rxdb';
import type { DossierStatus } from '../../src/dossier/status.ts';
import { invertedInstant } from './dossier-doc.ts';
import { normalizeInstant } from './instant.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';

export type DossierSort = 'received-desc' | 'received-asc' | 'due-asc';

export interface DossierQuery {
  status?: DossierStatus | readonly DossierStatus[];
  /**
   * A range on the due date (instants, `before` exclusive). The caller computes the bounds with
   * the working calendar: overdue = `{ before: now }`, due soon = `{ from: now, before: soonLimit }`.
   */
  deadline?: { from?: string; before?: string };
  procedure?: string;
  field?: string;
  /** Received at or after this instant. */
  receivedFrom?: string;
  /** Received strictly before this instant. */
  receivedTo?: string;
  /** Current holder. */
  officer?: string;
  /**
   * Only dossiers held by this unit (`state.holderUnitId`), or with no holder unit recorded (a
   * legacy projection counts as held here): the desk's alerts leave out dossiers transferred to
   * another unit, which raises them. Not indexed: filtered while walking the index range.
   */
  holderUnit?: string;
  /** Diacritic- and case-insensitive; see `nameSearchKeys` for what matches. */
  nameQuery?: string;
  /** Default `received-desc` (newest first). */
  sort?: DossierSort;
  /** Page size, 1..500, default 50. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string | null;
}

type SortKeyField = 'receivedKey' | 'receivedDescKey' | 'dueKey';
type Range = { $gte?: string; $gt?: string; $lt?: string };

/** The holder unit inside the stored projection: no index, so a selector on it only filters. */
export const HOLDER_UNIT_PATH = 'state.holderUnitId';

/**
 * Held by `unit` or by no recorded unit; `null` matches a projection without the field (RxDB's
 * matcher follows MongoDB there, and so does {@link matchesSelector}).
 */
export function holderUnitSelector(unit: string): { $in: (string | null)[] } {
  return { $in: [unit, '', null] };
}

/** Every sort is ascending on one composite key field (see dossier-schema.ts). */
export function sortField(sort: DossierSort): SortKeyField {
  return sort === 'due-asc' ? 'dueKey' : sort === 'received-desc' ? 'receivedDescKey' : 'receivedKey';
}

/**
 * The selector of a query without its name and status parts; the cursor is a lower bound on
 * the sort key. Received-date bounds go on the key the sort uses, so that one index range
 * serves both the filter and the order.
 */
export function buildSelector(query: DossierQuery, sort: DossierSort): Record<string, unknown> {
  const selector: Record<string, unknown> = {};
  if (query.officer !== undefined) selector.holderOfficerId = query.officer;
  if (query.procedure !== undefined) selector.procedureCode = query.procedure;
  if (query.field !== undefined) selector.field = query.field;
  if (query.holderUnit !== undefined) selector[HOLDER_UNIT_PATH] = holderUnitSelector(query.holderUnit);

  const ranges: Partial<Record<SortKeyField, Range>> = {};
  const range = (field: SortKeyField): Range => (ranges[field] ??= {});
  if (query.deadline?.from !== undefined) range('dueKey').$gte = normalizeInstant(query.deadline.from);
  if (query.deadline?.before !== undefined) range('dueKey').$lt = normalizeInstant(query.deadline.before);
  if (sort === 'received-desc') {
    // receivedAt >= from  ⇔  inverted <= inverted(from)  ⇔  key < inverted(from) + '~' ('~' sorts after '|').
    if (query.receivedFrom !== undefined) range('receivedDescKey').$lt = `${invertedInstant(query.receivedFrom)}~`;
    if (query.receivedTo !== undefined) range('receivedDescKey').$gte = `${invertedInstant(query.receivedTo)}~`;
  } else {
    if (query.receivedFrom !== undefined) range('receivedKey').$gte = normalizeInstant(query.receivedFrom);
    if (query.receivedTo !== undefined) range('receivedKey').$lt = normalizeInstant(query.receivedTo);
  }
  if (query.cursor) range(sortField(sort)).$gt = query.cursor;
  for (const [field, bounds] of Object.entries(ranges)) selector[field] = bounds;
  return selector;
}

/** A field of the doc by its (dotted) path; a missing one reads as null, as RxDB's matcher has it. */
function valueAt(doc: DossierDoc, path: string): unknown {
  let value: unknown = doc;
  for (const key of path.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value ?? null;
}

/** The same filter in memory, for candidates found through the name index. */
export function matchesSelector(doc: DossierDoc, selector: Record<string, unknown>): boolean {
  for (const [field, condition] of Object.entries(selector)) {
    const value = valueAt(doc, field);
    if (condition !== null && typeof condition === 'object') {
      const c = condition as Range & { $in?: unknown[] };
      if (c.$in && !c.$in.includes(value)) return false;
      if (c.$gte !== undefined && !(String(value) >= c.$gte)) return false;
      if (c.$gt !== undefined && !(String(value) > c.$gt)) return false;
      if (c.$lt !== undefined && !(String(value) < c.$lt)) return false;
    } else if (value !== condition) {
      return false;
    }
  }
  return true;
}

export function compareForSort(sort: DossierSort): (a: DossierDoc, b: DossierDoc) => number {
  const field = sortField(sort);
  return (a, b) => (a[field] < b[field] ? -1 : a[field] > b[field] ? 1 : 0);
}

export function statusList(status: DossierQuery['status']): DossierStatus[] | null {
  if (status === undefined) return null;
  return typeof status === 'number' ? [status] : [...new Set(status)];
}

export type DossierSelector = MangoQuerySelector<DossierDoc>;
