import { foldForSearch } from '../../src/people/search-key.ts';

const MAX_KEY_LENGTH = 200;
const SEPARATOR = '|';

/**
 * The layout of the name keys below. A store whose keys were written in an older layout gets the
 * missing ones added in the background at open (search-key-format.ts). 1: word suffixes only;
 * 2: also pairs of words with words between them.
 */
export const NAME_KEY_FORMAT = 2;

/**
 * The keys a dossier is findable by, so that a name is found by any two of its words in order:
 * - the folded name from each of its words to the end ("nguyen thi ngoc anh", "thi ngoc anh",
 *   "ngoc anh", "anh"): a folded query then finds, by one prefix range, every name containing it
 *   from the start of a word ("an", "thi ngoc", "NGUYỄN Thị");
 * - every two words with at least one word between them ("nguyen ngoc", "nguyen anh",
 *   "thi anh"): a two-word query that skips words ("nguyen anh") is one prefix range too.
 * Two neighbouring words need no pair key: the suffix starting at the first already begins with them.
 * Three or more words must be neighbours ("thi ngoc anh"): a query such as "nguyen ngoc anh" is not
 * matched (type two of its words instead). Every search thus stays one index range; pairs cost
 * (n−1)(n−2)/2 keys for a name of n words (one for three words, three for four), where skipping any
 * number of words in a longer query would need a key per subsequence (2^n).
 */
export function nameSearchKeys(fullName: string): string[] {
  const words = foldForSearch(fullName).split(' ').filter((word) => word !== '');
  const keys = words.map((_, index) => words.slice(index).join(' '));
  for (let first = 0; first < words.length; first += 1) {
    for (let second = first + 2; second < words.length; second += 1) keys.push(`${words[first]} ${words[second]}`);
  }
  return [...new Set(keys.map((key) => key.slice(0, MAX_KEY_LENGTH)))];
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
