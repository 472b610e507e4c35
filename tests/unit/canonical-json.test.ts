import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/canonical-json.ts';

/** The first implementation, whose text every stored event hash was computed from. */
function stringifyKeySortedCopy(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>)
        .filter(([, member]) => member !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, member]) => [k, sortKeys(member)]));
    }
    return v;
  };
  return JSON.stringify(sortKeys(value));
}

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('puts array-index keys first in numeric order, as a rebuilt object lists them', () => {
    expect(canonicalJson({ b: 1, 10: 'ten', 2: 'two', '02': 'not an index', a: [undefined, () => 1] })).toBe(
      '{"2":"two","10":"ten","02":"not an index","a":[null,null],"b":1}',
    );
  });

  it('property: equal values give equal text whatever the key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const reversed = Object.fromEntries(Object.entries(value).reverse());
        return canonicalJson(reversed) === canonicalJson(value);
      }),
    );
  });

  it('property: the same text as stringifying a key-sorted copy, so stored hashes still match', () => {
    const numericKey = fc.oneof(fc.nat().map(String), fc.constantFrom('4294967294', '4294967295', '-1', '1.5', '007'));
    const key = fc.oneof(fc.string(), numericKey);
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.anything(), fc.array(tie('node')), fc.dictionary(key, tie('node'))),
    })).node;
    fc.assert(fc.property(value, (v) => canonicalJson(v) === stringifyKeySortedCopy(v)));
  });
});
