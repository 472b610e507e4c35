import { foldForSearch } from './search-key.ts';

export interface SearchableUnit {
  id: string;
  name: string;
}

/**
 * The units a query names, accent- and case-insensitively: every query word starts a word of the
 * unit's name or its id ("phuong ba dinh", "ba đình", "hoan", "000.00.13"). Names starting with the
 * query come first, then the list's own order (Vietnamese alphabetical).
 */
export function searchUnits<U extends SearchableUnit>(units: readonly U[], query: string): U[] {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...units];
  const rawId = query.trim().toUpperCase();
  const scored: Array<{ unit: U; first: boolean; order: number }> = [];
  units.forEach((unit, order) => {
    const folded = foldForSearch(unit.name);
    const nameWords = `${folded} ${foldForSearch(unit.id)}`.split(' ');
    const matches = unit.id.toUpperCase().startsWith(rawId) || words.every((word) => nameWords.some((token) => token.startsWith(word)));
    if (matches) scored.push({ unit, first: folded.startsWith(words.join(' ')), order });
  });
  return scored.sort((a, b) => Number(b.first) - Number(a.first) || a.order - b.order).map(({ unit }) => unit);
}
