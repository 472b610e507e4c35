import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import { formatDong } from '../../../src/fees/format-dong.ts';

describe('formatDong', () => {
  it.each([
    [0, '0 đ'],
    [999, '999 đ'],
    [1000, '1.000 đ'],
    [200000, '200.000 đ'],
    [1005000, '1.005.000 đ'],
  ])('%i → %s', (amount, text) => {
    expect(formatDong(amount)).toBe(text);
  });

  it('keeps the digits and groups them by three', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (amount) => {
        const text = formatDong(amount);
        expect(text).toMatch(/^\d{1,3}(\.\d{3})* đ$/);
        expect(Number(text.slice(0, -2).replaceAll('.', ''))).toBe(amount);
      }),
    );
  });

  it.each([-5, 0.5, Number.NaN])('rejects %s', (amount) => {
    expect(() => formatDong(amount)).toThrow(DomainError);
  });
});
