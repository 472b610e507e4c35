/**
 * Vietnamese sort order: ă and â come after a, đ after d, ê after e, ô and ơ
 * after o, ư after u; tones break ties. `Intl.Collator` is ECMAScript (ECMA-402)
 * and both Chromium and Node ship the Vietnamese tailoring.
 */
const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Compares two texts in Vietnamese alphabetical order (NFC and NFD forms compare equal). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}

/**
 * Compares full names the way Vietnamese lists are sorted: by given name (the
 * last word) first, then family name (the first word), then middle names, so
 * "Trần Văn An" comes before "Nguyễn Thị Bình".
 */
export function compareVietnameseNames(a: string, b: string): number {
  const keysA = nameSortKeys(a);
  const keysB = nameSortKeys(b);
  for (let i = 0; i < keysA.length; i += 1) {
    const order = compareVietnamese(keysA[i] ?? '', keysB[i] ?? '');
    if (order !== 0) return order;
  }
  return compareVietnamese(a, b);
}

function nameSortKeys(fullName: string): [string, string, string] {
  const words = fullName.trim().split(/\s+/u);
  if (words.length === 1) return [words[0] ?? '', '', ''];
  return [words.at(-1) ?? '', words[0] ?? '', words.slice(1, -1).join(' ')];
}
