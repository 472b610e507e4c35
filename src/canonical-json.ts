/**
 * JSON with object keys sorted at every level: equal values give equal text, whatever the key order.
 *
 * Written out directly rather than by stringifying a key-sorted copy: the server hashes every pushed
 * event with it, and the copy (entries, sort, fromEntries at every level) was most of that cost.
 * Stored event hashes depend on the exact text, so it is the text `JSON.stringify` gives for the
 * key-sorted copy: members that are undefined, functions or symbols are left out (null in arrays),
 * and array-index keys ("0", "12") come first in numeric order, as a rebuilt object lists them.
 */
export function canonicalJson(value: unknown): string {
  return writeValue(value);
}

function writeValue(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return writeArray(value);
  return writeObject(value as Record<string, unknown>);
}

function writeArray(items: readonly unknown[]): string {
  let text = '[';
  for (let at = 0; at < items.length; at += 1) {
    if (at > 0) text += ',';
    const item = items[at];
    text += isLeftOut(item) ? 'null' : writeValue(item);
  }
  return `${text}]`;
}

function writeObject(object: Record<string, unknown>): string {
  let text = '{';
  let first = true;
  for (const key of sortedKeys(object)) {
    const member = object[key];
    if (isLeftOut(member)) continue;
    text += `${first ? '' : ','}${JSON.stringify(key)}:${writeValue(member)}`;
    first = false;
  }
  return `${text}}`;
}

/** `Object.keys` lists array-index keys first, ascending; the other keys are sorted by code unit. */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object);
  let indexKeys = 0;
  while (indexKeys < keys.length && isArrayIndex(keys[indexKeys] as string)) indexKeys += 1;
  if (indexKeys === 0) return keys.sort();
  return [...keys.slice(0, indexKeys), ...keys.slice(indexKeys).sort()];
}

function isArrayIndex(key: string): boolean {
  const index = Number(key);
  return Number.isInteger(index) && index >= 0 && index < 2 ** 32 - 1 && String(index) === key;
}

/** What `JSON.stringify` leaves out of an object (and writes as null in an array). */
function isLeftOut(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
