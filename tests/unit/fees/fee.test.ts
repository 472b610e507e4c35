import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { computeFee } from '../../../src/fees/fee.ts';
import type { FeeInputs } from '../../../src/fees/fee.ts';
import { feeRuleSchema } from '../../../src/fees/fee-rule.ts';
import type { FeeRule, FeeRuleInput } from '../../../src/fees/fee-rule.ts';

const rule = (input: FeeRuleInput): FeeRule => feeRuleSchema.parse(input);

/** Certified copy from the original (2.000815): 2,000 đ/page for pages 1–2, 1,000 đ/page after, max 200,000 đ per copy. */
const certifiedCopy = rule({
  kind: 'per-page',
  tiers: [
    { fromPage: 1, toPage: 2, amountPerPage: 2000 },
    { fromPage: 3, amountPerPage: 1000 },
  ],
  cap: 200000,
});

function domainError(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('computeFee: per-page (certified copies)', () => {
  it('5 pages × 2 copies = (2×2,000 + 3×1,000) × 2 = 14,000 đ', () => {
    const result = computeFee(certifiedCopy, { pages: 5, copies: 2 });
    expect(result.amount).toBe((2 * 2000 + 3 * 1000) * 2);
    expect(result.status).toBe('computed');
    expect(result.breakdown).toBe('2 trang × 2.000 đ + 3 trang × 1.000 đ = 7.000 đ; 2 bản × 7.000 đ = 14.000 đ');
  });

  it('caps 300 pages at 200,000 đ per copy', () => {
    expect(computeFee(certifiedCopy, { pages: 300 }).amount).toBe(200000);
    const two = computeFee(certifiedCopy, { pages: 300, copies: 2 });
    expect(two.amount).toBe(400000);
    expect(two.breakdown).toContain('áp mức tối đa 200.000 đ/bản');
  });

  it('charges the first tier only for 1 or 2 pages, and 0 for 0 pages', () => {
    expect(computeFee(certifiedCopy, { pages: 1 }).amount).toBe(2000);
    expect(computeFee(certifiedCopy, { pages: 2 }).amount).toBe(4000);
    expect(computeFee(certifiedCopy, { pages: 3 }).amount).toBe(5000);
    const none = computeFee(certifiedCopy, { pages: 0 });
    expect(none.amount).toBe(0);
    expect(none.breakdown).toContain('0 trang');
  });

  it('reaches the cap exactly at 200 pages (2×2,000 + 198×1,000 = 202,000 → 200,000)', () => {
    expect(computeFee(certifiedCopy, { pages: 197 }).amount).toBe(4000 + 195 * 1000);
    expect(computeFee(certifiedCopy, { pages: 198 }).amount).toBe(200000);
    expect(computeFee(certifiedCopy, { pages: 198 }).breakdown).not.toContain('tối đa');
    expect(computeFee(certifiedCopy, { pages: 199 }).breakdown).toContain('tối đa');
  });

  it('matches the written rule for any pages and copies, is monotonic in pages and never exceeds cap × copies', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(50), (pages, copies) => {
        const amount = computeFee(certifiedCopy, { pages, copies }).amount ?? Number.NaN;
        const oneCopy = 2000 * Math.min(pages, 2) + 1000 * Math.max(0, pages - 2);
        expect(amount).toBe(Math.min(oneCopy, 200000) * copies);
        expect(amount).toBeLessThanOrEqual(200000 * copies);
        expect(computeFee(certifiedCopy, { pages: pages + 1, copies }).amount).toBeGreaterThanOrEqual(amount);
      }),
    );
  });

  it('charges once for the whole document when perCopy is false, cap applying once', () => {
    const whole = rule({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 500 }], perCopy: false, cap: 10000 });
    expect(computeFee(whole, { pages: 4, copies: 3 }).amount).toBe(2000);
    expect(computeFee(whole, { pages: 400, copies: 3 }).amount).toBe(10000);
    expect(computeFee(whole, { pages: 400 }).breakdown).toBe('400 trang × 500 đ = 200.000 đ, áp mức tối đa 10.000 đ');
  });

  it('has no ceiling without a cap', () => {
    const uncapped = rule({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 1000 }] });
    expect(computeFee(uncapped, { pages: 1000, copies: 2 }).amount).toBe(2_000_000);
  });

  it('requires pages', () => {
    const error = domainError(() => computeFee(certifiedCopy, { copies: 2 }));
    expect(error.code).toBe('fee.pages-required');
    expect(error.path).toEqual(['pages']);
  });

  it('refuses an amount beyond the safe integer range', () => {
    const huge = rule({ kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 1_000_000_000 }] });
    expect(domainError(() => computeFee(huge, { pages: 9_000_000, copies: 9_000 })).code).toBe('fee.amount-too-large');
  });
});

describe('computeFee: input validation', () => {
  it.each<[keyof FeeInputs, number]>([
    ['pages', -1],
    ['pages', 2.5],
    ['copies', -3],
    ['copies', Number.NaN],
    ['sets', 1.1],
    ['overrideAmount', -1000],
  ])('rejects %s = %s with the field as path', (key, value) => {
    const error = domainError(() => computeFee(certifiedCopy, { pages: 1, [key]: value }));
    expect(error.code).toBe('fee.invalid-input');
    expect(error.path).toEqual([key]);
    expect(error.message).toMatch(/phải là số nguyên không âm/);
  });

  it('allows an officer amount only for fees the province sets', () => {
    const error = domainError(() => computeFee({ kind: 'free' }, { overrideAmount: 5000 }));
    expect(error.code).toBe('fee.override-not-allowed');
    expect(error.path).toEqual(['overrideAmount']);
  });
});

describe('computeFee: other kinds', () => {
  it('free', () => {
    expect(computeFee({ kind: 'free' })).toEqual({ status: 'computed', amount: 0, breakdown: 'Miễn phí' });
  });

  it('fixed per dossier ignores copies and sets', () => {
    const residence = rule({ kind: 'fixed', amount: 20000 });
    expect(computeFee(residence, { copies: 3, sets: 2 })).toEqual({ status: 'computed', amount: 20000, breakdown: '20.000 đ/hồ sơ' });
  });

  it('fixed per copy and per set multiply', () => {
    expect(computeFee(rule({ kind: 'fixed', amount: 8000, per: 'copy' }), { copies: 3 })).toEqual({
      status: 'computed',
      amount: 24000,
      breakdown: '3 bản × 8.000 đ = 24.000 đ',
    });
    expect(computeFee(rule({ kind: 'fixed', amount: 5000, per: 'set' }), { sets: 2 }).amount).toBe(10000);
    expect(computeFee(rule({ kind: 'fixed', amount: 5000, per: 'set' })).amount).toBe(5000);
  });

  it('fixed with an invalid amount (rule built without the schema) is an error', () => {
    const bad = { kind: 'fixed', amount: 1.5, per: 'dossier' } as const;
    expect(domainError(() => computeFee(bad)).code).toBe('fee.invalid-amount');
  });

  it('set by the province: asks the officer, or takes the entered amount', () => {
    const provincial = rule({ kind: 'set-by-province', note: 'Mức thu do Hội đồng nhân dân cấp tỉnh quy định' });
    const pending = computeFee(provincial);
    expect(pending.status).toBe('officer-entry-required');
    expect(pending.amount).toBeNull();
    if (pending.status === 'officer-entry-required') expect(pending.note).toBe('Mức thu do Hội đồng nhân dân cấp tỉnh quy định');
    expect(computeFee(provincial, { overrideAmount: 0 }).amount).toBe(0);
    expect(computeFee(provincial, { overrideAmount: 50000 })).toEqual({
      status: 'computed',
      amount: 50000,
      breakdown: 'Mức thu do tỉnh quy định, cán bộ nhập: 50.000 đ',
    });
  });
});
