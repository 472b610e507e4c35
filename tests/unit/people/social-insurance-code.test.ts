import { describe, expect, it } from 'vitest';
import { parseSocialInsuranceCode } from '../../../src/people/social-insurance-code.ts';

describe('parseSocialInsuranceCode', () => {
  it('accepts 10 digits, ignoring spaces', () => {
    expect(parseSocialInsuranceCode('7912345678')).toEqual({ ok: true, value: '7912345678' });
    expect(parseSocialInsuranceCode(' 79 1234 5678 ')).toEqual({ ok: true, value: '7912345678' });
  });

  it.each([
    ['', 'social_insurance_code.empty'],
    ['791234567', 'social_insurance_code.bad_format'],
    ['79123456789', 'social_insurance_code.bad_format'],
    ['79123456a8', 'social_insurance_code.bad_format'],
  ])('rejects %j', (text, code) => {
    const result = parseSocialInsuranceCode(text);
    expect(!result.ok && result.error.code).toBe(code);
  });
});
