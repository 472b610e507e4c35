import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../src/canonical-json.ts';

/** SHA-256 of the canonical JSON: equal values give equal hashes, whatever the key order. */
export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
