import { afterKey, keyOfSearchId, orderOfSearchId } from './name-keys.ts';

/** Reads search-key ids in primary-key order; implemented over RxDB (the store) or raw Dexie (the bench floor). */
export interface SearchKeyReader {
  /** The smallest id in `[from, before)`, or null. */
  firstId(from: string, before: string): Promise<string | null>;
  /** Up to `limit` ids in `(after, before)`, ascending. */
  idsAfter(after: string, before: string, limit: number): Promise<string[]>;
}

/**
 * The distinct keys in a query's range ("nguyen van an", "nguyen van anh"…), one indexed read
 * each, or null when there are more than `max` (a short, broad query such as "ng").
 */
export async function distinctKeysInRange(reader: SearchKeyReader, range: { from: string; to: string }, max: number): Promise<string[] | null> {
  const keys: string[] = [];
  for (let from = range.from; ; ) {
    const id = await reader.firstId(from, range.to);
    if (id === null) return keys;
    if (keys.length === max) return null;
    const key = keyOfSearchId(id);
    keys.push(key);
    from = afterKey(key);
  }
}

/**
 * The `receivedDescKey`s of every dossier found under `keys`, newest first, without duplicates
 * (a dossier found under two keys has the same order part under both), from just after `cursor`.
 * Each key's ids are read lazily in chunks, so a first page reads about a page per key.
 */
export async function* newestFirst(reader: SearchKeyReader, keys: readonly string[], cursor: string | null, chunk: number): AsyncGenerator<string> {
  const streams = keys.map((key) => ({ key, after: cursor === null ? `${key}|` : `${key}|${cursor}`, buffer: [] as string[], done: false }));
  const refill = async (stream: (typeof streams)[number]) => {
    const ids = await reader.idsAfter(stream.after, afterKey(stream.key), chunk);
    stream.buffer = ids.map(orderOfSearchId);
    stream.done = ids.length < chunk;
    const last = ids[ids.length - 1];
    if (last !== undefined) stream.after = last;
  };
  await Promise.all(streams.map(refill));
  let previous: string | null = null;
  for (;;) {
    let next: (typeof streams)[number] | null = null;
    for (const stream of streams) {
      const head = stream.buffer[0];
      if (head !== undefined && (next === null || head < (next.buffer[0] as string))) next = stream;
    }
    if (next === null) return;
    const order = next.buffer.shift() as string;
    if (next.buffer.length === 0 && !next.done) await refill(next);
    if (order !== previous) yield order;
    previous = order;
  }
}

/** The code in a `receivedDescKey`. */
export function codeOfOrder(order: string): string {
  return order.slice(order.indexOf('|') + 1);
}
