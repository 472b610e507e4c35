import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../src/people/email.ts';

describe('parseEmail', () => {
  it.each([
    ['an.nguyen@gmail.com', 'an.nguyen@gmail.com'],
    ['  An.Nguyen@Gmail.COM ', 'An.Nguyen@gmail.com'],
    ['ubnd+motcua@hcm.gov.vn', 'ubnd+motcua@hcm.gov.vn'],
    ['a_b-c@sub-domain.example.vn', 'a_b-c@sub-domain.example.vn'],
  ])('accepts %j as %j', (text, expected) => {
    expect(parseEmail(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'email.empty'],
    ['an nguyen@gmail.com', 'email.has_spaces'],
    [`${'a'.repeat(250)}@x.vn`, 'email.too_long'],
    ['an.nguyen.gmail.com', 'email.missing_at'],
    ['@gmail.com', 'email.bad_local_part'],
    ['an..nguyen@gmail.com', 'email.bad_local_part'],
    ['.an@gmail.com', 'email.bad_local_part'],
    ['nguyễn@gmail.com', 'email.bad_local_part'],
    [`${'a'.repeat(65)}@gmail.com`, 'email.bad_local_part'],
    ['an@gmail', 'email.bad_domain'],
    ['an@', 'email.bad_domain'],
    ['an@gmail..com', 'email.bad_domain'],
    ['an@-gmail.com', 'email.bad_domain'],
    ['an@gmail.c', 'email.bad_domain'],
    ['an@gmail.123', 'email.bad_domain'],
    ['an@gmail.com.', 'email.bad_domain'],
    ['an@b@gmail.com', 'email.bad_local_part'],
  ])('rejects %j with %s', (text, code) => {
    const result = parseEmail(text);
    expect(!result.ok && result.error.code).toBe(code);
  });
});
