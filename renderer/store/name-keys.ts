import { foldForSearch } from '../../src/people/search-key.ts';

const MAX_KEY_LENGTH = 200;
const SEPARATOR = '|';

/**
 * The keys a dossier is findable by: the folded name from each of its words to the end
 * ("nguyen van an", "van an", "an"). A folded query then finds, by one prefix range, every name
 * containing it from the start of a word: "an", "van a", "nguyen van an" and "NGUYỄN Văn"
 * all find "Nguyễn Văn An". A query skipping a word ("nguyen an") does not: known limitation,
 * chosen because it keeps every search a single index range however common the words are.
 */
export function nameSearchKeys(fullName: string): string[] {
  const words = foldForSearch(fullName).split(' ').filter((word) => word !== '');
  const keys = words.map((_, index) => words.slice(index).join(' ').slice(0, MAX_KEY_LENGTH));
  return [...new Set(keys)];
}

/**
 * The id of a search-key doc: the key, then the dossier's `receivedDescKey` (inverted received
 * instant, then the code). Within one key the index is therefore ordered newest dossier first,
 * so the first page of a search reads only the first few entries of each matching key.
 */
export function searchKeyId(key: string, receivedDescKey: string): string {
  return `${key}${SEPARATOR}${receivedDescKey}`;
}

/** The key part of a search-key id (the `receivedDescKey` has exactly one separator). */
export function keyOfSearchId(id: string): string {
  const codeSeparator = id.lastIndexOf(SEPARATOR);
  return id.slice(0, id.lastIndexOf(SEPARATOR, codeSeparator - 1));
}

/** The `receivedDescKey` part of a search-key id. */
export function orderOfSearchId(id: string): string {
  return id.slice(keyOfSearchId(id).length + SEPARATOR.length);
}

/**
 * Citizen-ID keys share the collection: `#` never occurs in a folded name, so their ids sort
 * apart from every name key and no name query can reach them.
 */
export function citizenIdKey(blindHash: string): string {
  return `#cid:${blindHash}`;
}

export function exactKeyRange(key: string): { from: string; to: string } {
  return { from: `${key}${SEPARATOR}`, to: `${key}${SEPARATOR}\uffff` };
}

/** Just after every id of `key` (for stepping to the next distinct key of a range). */
export function afterKey(key: string): string {
  return exactKeyRange(key).to;
}

/** The primary-key range of a name query, or null when the query has no letters or digits. */
export function nameQueryRange(query: string): { from: string; to: string } | null {
  const folded = foldForSearch(query).slice(0, MAX_KEY_LENGTH);
  if (folded === '') return null;
  // Every id starting with the folded query sorts between it and it + U+FFFF.
  return { from: folded, to: `${folded}\uffff` };
}
