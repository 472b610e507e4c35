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
