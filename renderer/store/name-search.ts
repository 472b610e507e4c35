import { afterKey, keyOfSearchId, orderOfSearchId } from './name-keys.ts';

/** Reads search-key ids in primary-key order; implemented over RxDB (the store) or raw Dexie (the bench floor). */
export interface SearchKeyReader {
  /** The smallest id in `[from, before)`, or null. */
  firstId(from: string, before: string): Promise<string | null>;
  /** Up to `limit` ids in `(after, before)`, ascending. */
  idsAfter(after: string, before: string, limit: number): Promise<string[]>;
}

/** A key under a query, with the first chunk of its ids already being read. */
export interface KeyStream {
  key: string;
  first: Promise<string[]>;
}

/** Where a key's ids start after `cursor` (a `receivedDescKey`), or from its first id. */
function startOf(key: string, cursor: string | null): string {
  return cursor === null ? `${key}|` : `${key}|${cursor}`;
}

/**
 * The distinct keys in a query's range ("nguyen van an", "nguyen van anh"…), or null when there
 * are more than `max` (a short, broad query such as "ng"). The range splits at the query's own
 * key (a full name usually is one): keys extending it sort before its ids (letters and spaces
 * sort below the separator), any others after. The two halves are walked at once, one indexed
 * read per key found, while the query's own key's first chunk is read; each found key's first
 * chunk is read while the next key is looked up. A full-name search thus waits for about one
 * read per name that extends it, not one per key in the range plus one.
 */
export async function keysInRange(
  reader: SearchKeyReader,
  range: { from: string; to: string },
  max: number,
  page: { cursor: string | null; chunk: number },
): Promise<KeyStream[] | null> {
  const firstChunk = (key: string) => {
    const read = reader.idsAfter(startOf(key, page.cursor), afterKey(key), page.chunk);
    // Read ahead: a chunk nobody awaits (too many keys) must not become an unhandled rejection.
    read.catch(() => undefined);
    return read;
  };
  const own = range.from;
  const ownFirst = firstChunk(own);
  // From the first page on, the chunk itself says whether the key exists; after a cursor it may be empty.
  const ownExists =
    page.cursor === null ? ownFirst.then((ids) => ids.length > 0) : reader.firstId(startOf(own, null), afterKey(own)).then((id) => id !== null);
  const [extending, exists, following] = await Promise.all([
    distinctKeys(reader, own, startOf(own, null), max, firstChunk),
    ownExists,
    distinctKeys(reader, afterKey(own), range.to, max, firstChunk),
  ]);
  if (extending === null || following === null) return null;
  const keys = [...extending, ...(exists ? [{ key: own, first: ownFirst }] : []), ...following];
  return keys.length > max ? null : keys;
}

/** The distinct keys with an id in `[from, before)`, in order, or null when there are more than `max`. */
async function distinctKeys(
  reader: SearchKeyReader,
  from: string,
  before: string,
  max: number,
  firstChunk: (key: string) => Promise<string[]>,
): Promise<KeyStream[] | null> {
  const keys: KeyStream[] = [];
  for (let next = from; ; ) {
    const id = await reader.firstId(next, before);
    if (id === null) return keys;
    if (keys.length === max) return null;
    const key = keyOfSearchId(id);
    keys.push({ key, first: firstChunk(key) });
    next = afterKey(key);
  }
}

/**
 * The `receivedDescKey`s of every dossier found under `keys`, newest first, without duplicates
 * (a dossier found under two keys has the same order part under both), from just after the
 * cursor the keys were found with. Each key's ids are read lazily in chunks, so a first page
 * reads about a page per key.
 */
export async function* newestFirst(reader: SearchKeyReader, keys: readonly KeyStream[], chunk: number): AsyncGenerator<string> {
  const streams = keys.map(({ key }) => ({ key, after: '', buffer: [] as string[], done: false }));
  const take = (stream: (typeof streams)[number], ids: string[]) => {
    stream.buffer = ids.map(orderOfSearchId);
    stream.done = ids.length < chunk;
    const last = ids[ids.length - 1];
    if (last !== undefined) stream.after = last;
  };
  const firsts = await Promise.all(keys.map(({ first }) => first));
  streams.forEach((stream, index) => take(stream, firsts[index] ?? []));
  let previous: string | null = null;
  for (;;) {
    let next: (typeof streams)[number] | null = null;
    for (const stream of streams) {
      const head = stream.buffer[0];
      if (head !== undefined && (next === null || head < (next.buffer[0] as string))) next = stream;
    }
    if (next === null) return;
    const order = next.buffer.shift() as string;
    if (next.buffer.length === 0 && !next.done) take(next, await reader.idsAfter(next.after, afterKey(next.key), chunk));
    if (order !== previous) yield order;
    previous = order;
  }
}

/** The code in a `receivedDescKey`. */
export function codeOfOrder(order: string): string {
  return order.slice(order.indexOf('|') + 1);
}
