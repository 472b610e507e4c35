import { describe, expect, it } from 'vitest';
import { feeRuleSchema } from '../../../src/fees/fee-rule.ts';

function issuePaths(input: unknown): string[] {
  const result = feeRuleSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('feeRuleSchema', () => {
  it('fills defaults: per-page charges per copy, fixed is per dossier', () => {
    expect(feeRuleSchema.parse({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 1 }] })).toMatchObject({ perCopy: true });
    expect(feeRuleSchema.parse({ kind: 'fixed', amount: 1 })).toMatchObject({ per: 'dossier' });
  });

  it('requires tiers that start at page 1, are contiguous and end open', () => {
    expect(issuePaths({ kind: 'per-page', tiers: [{ fromPage: 2, amountPerPage: 1 }] })).toEqual(['tiers.0.fromPage']);
    expect(
      issuePaths({ kind: 'per-page', tiers: [{ fromPage: 1, toPage: 2, amountPerPage: 2 }, { fromPage: 4, amountPerPage: 1 }] }),
    ).toEqual(['tiers.1.fromPage']);
    expect(issuePaths({ kind: 'per-page', tiers: [{ fromPage: 1, toPage: 5, amountPerPage: 1 }] })).toEqual(['tiers.0.toPage']);
    expect(
      issuePaths({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 2 }, { fromPage: 2, amountPerPage: 1 }] }),
    ).toEqual(['tiers.0.toPage']);
    expect(
      issuePaths({ kind: 'per-page', tiers: [{ fromPage: 1, toPage: 0, amountPerPage: 2 }, { fromPage: 1, amountPerPage: 1 }] }),
    ).toContain('tiers.0.toPage');
    expect(issuePaths({ kind: 'per-page', tiers: [] })).toEqual(['tiers']);
  });

  it('rejects negative, fractional or zero amounts where they make no sense', () => {
    expect(issuePaths({ kind: 'fixed', amount: 0 })).toEqual(['amount']);
    expect(issuePaths({ kind: 'fixed', amount: 1.5 })).toEqual(['amount']);
    expect(issuePaths({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: -1 }] })).toEqual(['tiers.0.amountPerPage']);
    expect(issuePaths({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 1 }], cap: 0 })).toEqual(['cap']);
  });

  it('rejects unknown keys and kinds, and a provincial fee without its note', () => {
    expect(issuePaths({ kind: 'free', amount: 3 })).toEqual(['']);
    expect(issuePaths({ kind: 'donation' })).toEqual(['kind']);
    expect(issuePaths({ kind: 'set-by-province' })).toEqual(['note']);
    expect(issuePaths({ kind: 'set-by-province', note: '  ' })).toEqual(['note']);
  });

  it('rejects decomposed (non-NFC) Vietnamese text', () => {
    expect(issuePaths({ kind: 'free', conditions: ['Miễn phí'.normalize('NFD')] })).toEqual(['conditions.0']);
  });
});
