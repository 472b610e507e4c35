import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../../src/people/phone.ts';

describe('parsePhone', () => {
  it.each([
    ['0912 345 678', '0912345678', 'mobile'],
    ['0912.345.678', '0912345678', 'mobile'],
    ['0912-345-678', '0912345678', 'mobile'],
    ['+84912345678', '0912345678', 'mobile'],
    ['+84 912 345 678', '0912345678', 'mobile'],
    ['84912345678', '0912345678', 'mobile'],
    ['0084 912 345 678', '0912345678', 'mobile'],
    ['+84 (0) 912 345 678', '0912345678', 'mobile'],
    ['0321234567', '0321234567', 'mobile'],
    ['0561234567', '0561234567', 'mobile'],
    ['0761234567', '0761234567', 'mobile'],
    ['0881234567', '0881234567', 'mobile'],
    ['(028) 3822 1234', '02838221234', 'landline'],
    ['024.3825.1234', '02438251234', 'landline'],
    ['+84 203 3825 123', '02033825123', 'landline'],
  ])('reads %j as %s', (text, number, kind) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: { number, kind } });
  });

  it.each([
    ['', 'phone.empty'],
    ['  ', 'phone.empty'],
    ['0912 345 67a', 'phone.bad_characters'],
    ['09+12345678', 'phone.bad_characters'],
    ['091234567', 'phone.bad_length'],
    ['091234567890', 'phone.bad_length'],
    ['912345678', 'phone.bad_length'],
    ['1912345678', 'phone.bad_length'],
    ['0112345678', 'phone.unknown_prefix'],
    ['0412345678', 'phone.unknown_prefix'],
    ['0612345678', 'phone.unknown_prefix'],
    ['03838221234', 'phone.unknown_prefix'],
  ])('rejects %j with %s', (text, code) => {
    const result = parsePhone(text);
    expect(!result.ok && result.error.code).toBe(code);
  });

  it('gives the same number for every written form of a mobile number', () => {
    fc.assert(
      fc.property(fc.constantFrom('3', '5', '7', '8', '9'), fc.stringMatching(/^\d{8}$/), fc.constantFrom(' ', '.', '-', ''), (second, rest, separator) => {
        const national = `0${second}${rest}`;
        const grouped = [national.slice(0, 4), national.slice(4, 7), national.slice(7)].join(separator);
        for (const form of [grouped, `+84${national.slice(1)}`, `84${national.slice(1)}`]) {
          expect(parsePhone(form)).toEqual({ ok: true, value: { number: national, kind: 'mobile' } });
        }
      }),
    );
  });
});
