/**
 * Diacritic- and case-insensitive search over Vietnamese names
 * ("nguyen van an" and "NGUYỄN văn" both find "Nguyễn Văn An").
 */

/**
 * Lower-cases, strips diacritics (NFD then drops combining marks), maps đ to d
 * (đ is a letter of its own, not d plus a mark, so NFD keeps it) and turns
 * every run of non-letters/non-digits into one space. Vietnamese text folds
 * to ASCII `a-z`, `0-9` and single spaces. Idempotent.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // U+00F0 (ð) stands in for đ in text converted from old Vietnamese encodings.
    .replace(/[đð]/gu, 'd')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The distinct folded words of a text, in order of first appearance. */
export function searchTokens(text: string): string[] {
  const folded = foldForSearch(text);
  return folded === '' ? [] : [...new Set(folded.split(' '))];
}

/**
 * True when every query word is one of `tokens` (from {@link searchTokens}),
 * the last query word matching as a prefix because the user may still be
 * typing ("nguyen van a" finds "Nguyễn Văn An"). An empty query matches all.
 */
export function matchesSearch(query: string, tokens: readonly string[]): boolean {
  const words = searchTokens(query);
  const last = words.pop();
  if (last === undefined) return true;
  return words.every((word) => tokens.includes(word)) && tokens.some((token) => token.startsWith(last));
}

/**
 * Keys to store in a multi-entry index for prefix search of names: each
 * folded word, plus the whole folded name.
 * - A one-word query ranges over `[word, word + '\uffff']` and finds names
 *   with any word starting with it ("an", "ng").
 * - A several-word query ranges over the whole folded query and finds names
 *   starting with it ("nguyen van a"); for words in another order
 *   ("van an"), range on its first word, then filter with {@link matchesSearch}.
 * Duplicates are dropped (a one-word name yields one key).
 */
export function nameIndexKeys(fullName: string): string[] {
  const full = foldForSearch(fullName);
  return full === '' ? [] : [...new Set([...searchTokens(full), full])];
}
