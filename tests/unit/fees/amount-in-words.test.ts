import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { amountInWords } from '../../../src/fees/amount-in-words.ts';

/** Independent reader of Vietnamese number words, used as an oracle for round trips. */
const DIGIT_WORDS: Record<string, number> = {
  không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9,
};
function readBelowBillion(tokens: string[]): number {
  let total = 0;
  let group = 0;
  let pending = 0;
  for (const token of tokens) {
    if (token in DIGIT_WORDS) pending = DIGIT_WORDS[token] ?? 0;
    else if (token === 'trăm') { group += pending * 100; pending = 0; }
    else if (token === 'mươi') { group += pending * 10; pending = 0; }
    else if (token === 'mười') group += 10;
    else if (token === 'linh') continue;
    else if (token === 'nghìn' || token === 'triệu') {
      total += (group + pending) * (token === 'nghìn' ? 1000 : 1_000_000);
      group = 0;
      pending = 0;
    } else throw new Error(`unexpected word ${token}`);
  }
  return total + group + pending;
}
function readWords(tokens: string[]): number {
  const last = tokens.lastIndexOf('tỷ');
  if (last < 0) return readBelowBillion(tokens);
  return readWords(tokens.slice(0, last)) * 1_000_000_000 + readBelowBillion(tokens.slice(last + 1));
}
function parseAmount(text: string): number {
  const tokens = text.toLowerCase().split(' ');
  expect(tokens.pop()).toBe('đồng');
  return readWords(tokens);
}

describe('amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [4, 'Bốn đồng'],
    [10, 'Mười đồng'],
    [14, 'Mười bốn đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [25, 'Hai mươi lăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [104, 'Một trăm linh tư đồng'],
    [105, 'Một trăm linh năm đồng'],
    [111, 'Một trăm mười một đồng'],
    [1010, 'Một nghìn không trăm mười đồng'],
    [15000, 'Mười lăm nghìn đồng'],
    [200000, 'Hai trăm nghìn đồng'],
    [1005000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1000005, 'Một triệu không trăm linh năm đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
    [1_000_000_000_000, 'Một nghìn tỷ đồng'],
    [2_003_000_000_000, 'Hai nghìn không trăm linh ba tỷ đồng'],
  ])('%i → %s', (amount, words) => {
    expect(amountInWords(amount)).toBe(words);
  });

  it('reads 999 billion and the largest safe integer', () => {
    expect(amountInWords(999_999_999_999)).toBe(
      'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    );
    expect(parseAmount(amountInWords(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])('rejects %s', (amount) => {
    expect(() => amountInWords(amount)).toThrow(DomainError);
    try {
      amountInWords(amount);
    } catch (error) {
      expect((error as DomainError).code).toBe('fee.invalid-amount');
    }
  });

  it('is never empty, starts with a capital and ends with đồng', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (amount) => {
        const words = amountInWords(amount);
        expect(words.length).toBeGreaterThan('đồng'.length);
        expect(words[0]).toBe(words[0]?.toUpperCase());
        expect(words[0]).not.toBe(words[0]?.toLowerCase());
        expect(words.endsWith(' đồng')).toBe(true);
        expect(words).toBe(words.normalize('NFC'));
      }),
    );
  });

  it('reads back to the same amount', () => {
    fc.assert(fc.property(fc.oneof(fc.nat(1_000_000), fc.maxSafeNat()), (amount) => parseAmount(amountInWords(amount)) === amount));
  });

  it('keeps its conventions: linh (never lẻ), tư after linh/mươi, no double spaces', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (amount) => {
        const words = amountInWords(amount).toLowerCase();
        expect(words.split(' ')).not.toContain('lẻ');
        expect(words).not.toMatch(/(linh|mươi) bốn/u);
        expect(words).not.toMatch(/mười tư/u);
        expect(words).not.toContain('  ');
      }),
    );
  });
});
