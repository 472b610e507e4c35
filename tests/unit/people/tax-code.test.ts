import { describe, expect, it } from 'vitest';
import { isTaxCode, parseTaxCode, taxCodeCheckDigit } from '../../../src/people/tax-code.ts';

/** Tax codes published by the enterprises themselves (invoices, registration certificates). */
const PUBLISHED = [
  ['0300588569', 'Công ty Cổ phần Sữa Việt Nam (Vinamilk)'],
  ['0100109106', 'Tập đoàn Công nghiệp – Viễn thông Quân đội (Viettel)'],
  ['0101248141', 'Công ty Cổ phần FPT'],
  ['0100112437', 'Ngân hàng TMCP Ngoại thương Việt Nam (Vietcombank)'],
  ['0100107370', 'Tập đoàn Xăng dầu Việt Nam (Petrolimex)'],
  ['0100684378', 'Tập đoàn Bưu chính Viễn thông Việt Nam (VNPT)'],
] as const;

describe('tax code (mã số thuế / mã số doanh nghiệp)', () => {
  it.each(PUBLISHED)('accepts the published code %s (%s)', (code) => {
    expect(parseTaxCode(code)).toEqual({ ok: true, value: code });
    expect(isTaxCode(code)).toBe(true);
  });

  it('computes the check digit, 0 included, and none for a remainder of 0', () => {
    expect(taxCodeCheckDigit('010010737')).toBe(0);
    expect(taxCodeCheckDigit('030058856')).toBe(9);
    expect(taxCodeCheckDigit('000000000')).toBeNull();
  });

  it('accepts a branch code (10 digits, dash, 3 digits) of a valid parent, spaces and dots ignored', () => {
    expect(parseTaxCode('0100109106-001')).toEqual({ ok: true, value: '0100109106-001' });
    expect(parseTaxCode(' 0100 109 106-012 ')).toEqual({ ok: true, value: '0100109106-012' });
    expect(parseTaxCode('0100.109.106')).toEqual({ ok: true, value: '0100109106' });
  });

  it.each([
    ['', 'tax_code.empty'],
    ['010010910', 'tax_code.bad_format'],
    ['01001091061', 'tax_code.bad_format'],
    ['0100109106001', 'tax_code.bad_format'],
    ['0100109106-01', 'tax_code.bad_format'],
    ['01001O9106', 'tax_code.bad_format'],
    ['0100109106-000', 'tax_code.bad_branch'],
    ['0100109107', 'tax_code.bad_check_digit'],
    ['0300588568', 'tax_code.bad_check_digit'],
    ['0100109107-001', 'tax_code.bad_check_digit'],
    ['0000000000', 'tax_code.bad_check_digit'],
  ])('refuses %j (%s) with a Vietnamese message', (text, code) => {
    const parsed = parseTaxCode(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe(code);
      expect(parsed.error.message).toMatch(/Mã số thuế|mã số thuế/);
    }
  });

  it('a single changed digit anywhere in a published code is caught', () => {
    for (const [code] of PUBLISHED) {
      for (let position = 0; position < 10; position += 1) {
        const digit = Number(code[position]);
        const changed = `${code.slice(0, position)}${(digit + 1) % 10}${code.slice(position + 1)}`;
        expect(isTaxCode(changed), changed).toBe(false);
      }
    }
  });
});
