import type { Table } from 'dexie';
import { normalizeMangoQuery, prepareQuery } from 'rxdb';
import type { MangoQuery, PreparedQuery, RxCollection, RxDocumentData, RxJsonSchema } from 'rxdb';

// Pages in primary-key order go straight to the storage with the primary-key index named: left to
// itself, RxDB's query planner picks a secondary index (dossiers: nameKey, events: dossierCode)
// that cannot give that order, so every page read and sorted the whole collection in memory
// (hours for a rebuild at 200,000 dossiers). RxQuery cannot name that index: dev-mode accepts
// only indexes declared in the schema, and declaring it would mean a schema version and a
// migration of every document for an index that already exists.

/**
 * Whether the storage has the `[_deleted, primary key]` index: Dexie storage creates it for every
 * collection (wrappers name themselves `…-dexie`); the memory storage of tests and Node desks
 * does not, and sorts every query in memory anyway, so the planner's choice is left to it.
 */
function hasPrimaryKeyIndex(collection: RxCollection): boolean {
  const name = collection.database.storage.name;
  return name === 'dexie' || name.endsWith('-dexie');
}

/** Bounds of a read in primary-key order: after (exclusive) or from (inclusive), before (exclusive). */
export interface KeyBounds {
  after?: string | null;
  from?: string;
  before?: string;
}

/** The storage query for the documents within `bounds` (up to `limit`), in primary-key order. */
export function primaryKeyQuery<T>(schema: RxJsonSchema<RxDocumentData<T>>, primaryPath: string, bounds: KeyBounds, limit?: number, named = true): PreparedQuery<T> {
  const key: Record<string, string> = {};
  if (bounds.after != null) key.$gt = bounds.after;
  if (bounds.from !== undefined) key.$gte = bounds.from;
  if (bounds.before !== undefined) key.$lt = bounds.before;
  const selector = { _deleted: { $eq: false }, ...(Object.keys(key).length > 0 ? { [primaryPath]: key } : {}) };
  const mango = {
    selector,
    sort: [{ [primaryPath]: 'asc' }],
    ...(limit === undefined ? {} : { limit }),
    ...(named ? { index: ['_deleted', primaryPath] } : {}),
  } as unknown as MangoQuery<T>;
  return prepareQuery(schema, normalizeMangoQuery(schema, mango));
}

/**
 * The documents within `bounds` (up to `limit`), in primary-key order, as stored: no RxDocument
 * each and nothing held by the query cache, for pages and reads of thousands parsed once.
 */
export async function readByPrimaryKey<T>(collection: RxCollection<T>, bounds: KeyBounds, limit?: number): Promise<RxDocumentData<T>[]> {
  const { jsonSchema, primaryPath } = collection.schema;
  const query = primaryKeyQuery<T>(jsonSchema, primaryPath as string, bounds, limit, hasPrimaryKeyIndex(collection));
  return (await collection.storageInstance.query(query)).documents;
}

/** The documents with these primary keys that exist (not deleted), as stored: no RxDocument each. */
export async function readByIds<T>(collection: RxCollection<T>, ids: readonly string[]): Promise<RxDocumentData<T>[]> {
  return ids.length === 0 ? [] : collection.storageInstance.findDocumentsById([...ids], false);
}

/**
 * What Dexie storage keeps behind every wrapper's `internals`: its table of documents, where
 * booleans are stored as '0'/'1' and the `[_deleted+<primary key>]` index holds every document.
 */
interface DexieInternals {
  dexieTable?: Table;
}

/**
 * The primary keys within `bounds` (up to `limit`), ascending. On Dexie storage, the keys alone
 * from the `[_deleted, primary key]` index in one request (IDBIndex.getAllKeys), where a storage
 * query steps a cursor over whole documents: a name search makes several of these reads for a
 * hundred ids each, and the documents' values were most of their cost. Elsewhere, a storage query.
 */
export async function readIdsByPrimaryKey<T>(collection: RxCollection<T>, bounds: KeyBounds, limit: number): Promise<string[]> {
  const primaryPath = collection.schema.primaryPath as string;
  const table = ((await collection.storageInstance.internals) as DexieInternals | undefined)?.dexieTable;
  if (!table || primaryPath.startsWith('|')) {
    return (await readByPrimaryKey(collection, bounds, limit)).map((doc) => (doc as Record<string, unknown>)[primaryPath] as string);
  }
  const inclusive = bounds.after == null;
  const lower = bounds.after ?? bounds.from ?? '';
  const upper = bounds.before ?? '\uffff';
  if (lower > upper || (lower === upper && !inclusive)) return [];
  const keys = await table
    .where(`[_deleted+${primaryPath}]`)
    .between(['0', lower], ['0', upper], inclusive, false)
    .limit(limit)
    .primaryKeys();
  return keys as string[];
}
