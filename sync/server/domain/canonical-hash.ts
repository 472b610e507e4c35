import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../src/canonical-json.ts';

export interface CanonicalText {
  json: string;
  /** SHA-256 of `json`, hex. */
  hash: string;
}

/** SHA-256 of the canonical JSON: equal values give equal hashes, whatever the key order. */
export function canonicalHash(value: unknown): string {
  return canonicalText(value).hash;
}

/** The canonical JSON and its hash, for a caller that also stores the text it hashed. */
export function canonicalText(value: unknown): CanonicalText {
  const json = canonicalJson(value);
  return { json, hash: createHash('sha256').update(json, 'utf8').digest('hex') };
}
