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

export function nameKeyId(key: string, code: string): string {
  return `${key}${SEPARATOR}${code}`;
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

/** The primary-key range of a name query, or null when the query has no letters or digits. */
export function nameQueryRange(query: string): { from: string; to: string } | null {
  const folded = foldForSearch(query).slice(0, MAX_KEY_LENGTH);
  if (folded === '') return null;
  // Every id starting with the folded query sorts between it and it + U+FFFF.
  return { from: folded, to: `${folded}\uffff` };
}
