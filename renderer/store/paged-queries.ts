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

function prepared<T>(schema: RxJsonSchema<RxDocumentData<T>>, query: Record<string, unknown>, primaryPath: string, named: boolean): PreparedQuery<T> {
  const mango = { ...query, sort: [{ [primaryPath]: 'asc' }], ...(named ? { index: ['_deleted', primaryPath] } : {}) } as unknown as MangoQuery<T>;
  return prepareQuery(schema, normalizeMangoQuery(schema, mango));
}

/** The storage query for up to `limit` documents after `after` (from the first when null), in primary-key order. */
export function primaryKeyPage<T>(schema: RxJsonSchema<RxDocumentData<T>>, primaryPath: string, after: string | null, limit: number, named = true): PreparedQuery<T> {
  const selector = { _deleted: { $eq: false }, ...(after === null ? {} : { [primaryPath]: { $gt: after } }) };
  return prepared(schema, { selector, limit }, primaryPath, named);
}

/** The storage query for every document whose primary key is in `[from, before)`, in primary-key order. */
export function primaryKeyRange<T>(schema: RxJsonSchema<RxDocumentData<T>>, primaryPath: string, from: string, before: string, named = true): PreparedQuery<T> {
  const selector = { _deleted: { $eq: false }, [primaryPath]: { $gte: from, $lt: before } };
  return prepared(schema, { selector }, primaryPath, named);
}

/**
 * Every document whose primary key is in `[from, before)`, as stored: for reads of thousands of
 * documents that are parsed once and dropped (no RxDocument each, nothing held by the query cache).
 */
export async function rangeByPrimaryKey<T>(collection: RxCollection<T>, from: string, before: string): Promise<RxDocumentData<T>[]> {
  const { jsonSchema, primaryPath } = collection.schema;
  return (await collection.storageInstance.query(primaryKeyRange<T>(jsonSchema, primaryPath as string, from, before, hasPrimaryKeyIndex(collection)))).documents;
}

/** Up to `limit` documents after `after`, in primary-key order (deleted ones left out). */
export async function pageByPrimaryKey<T>(collection: RxCollection<T>, after: string | null, limit: number): Promise<RxDocumentData<T>[]> {
  const { jsonSchema, primaryPath } = collection.schema;
  const result = await collection.storageInstance.query(primaryKeyPage<T>(jsonSchema, primaryPath as string, after, limit, hasPrimaryKeyIndex(collection)));
  return result.documents;
}
