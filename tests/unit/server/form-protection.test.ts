import { describe, expect, it } from 'vitest';
import { formTokenMatches, maskFormSecret, newFormSecret } from '../../../sync/server/domain/form-token.ts';
import { isSameOriginPost } from '../../../sync/server/domain/same-origin.ts';

describe('form tokens', () => {
  it('accepts the secret masked, differently on every page, and nothing else', () => {
    const secret = newFormSecret();
    const one = maskFormSecret(secret);
    const two = maskFormSecret(secret);
    expect(one).not.toBe(two);
    expect(one).not.toContain(secret);
    expect(formTokenMatches(one, secret)).toBe(true);
    expect(formTokenMatches(two, secret)).toBe(true);
    expect(formTokenMatches(one, newFormSecret())).toBe(false);
    expect(formTokenMatches(secret, secret)).toBe(false);
    const flipped = `${one.slice(0, 60)}${one[60] === 'A' ? 'B' : 'A'}${one.slice(61)}`;
    expect(formTokenMatches(flipped, secret)).toBe(false);
    for (const bad of [undefined, '', 42, ['x'], 'x'.repeat(86)]) expect(formTokenMatches(bad, secret)).toBe(false);
    expect(formTokenMatches(one, undefined)).toBe(false);
    expect(formTokenMatches(one, 'short')).toBe(false);
  });
});

describe('isSameOriginPost', () => {
  const own = 'https://motcua.tinh.gov.vn';

  it('accepts a post from a page of this server', () => {
    expect(isSameOriginPost({ origin: own }, own)).toBe(true);
    expect(isSameOriginPost({ origin: own, 'sec-fetch-site': 'same-origin' }, own)).toBe(true);
    // Chromium under Referrer-Policy: no-referrer.
    expect(isSameOriginPost({ origin: 'null', 'sec-fetch-site': 'same-origin' }, own)).toBe(true);
    expect(isSameOriginPost({ referer: `${own}/bao-cao` }, own)).toBe(true);
  });

  it('refuses another origin, another site, and a post that proves nothing', () => {
    expect(isSameOriginPost({ origin: 'https://evil.example' }, own)).toBe(false);
    expect(isSameOriginPost({ origin: 'http://motcua.tinh.gov.vn' }, own)).toBe(false);
    expect(isSameOriginPost({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }, own)).toBe(false);
    expect(isSameOriginPost({ origin: 'null', 'sec-fetch-site': 'cross-site' }, own)).toBe(false);
    expect(isSameOriginPost({ 'sec-fetch-site': 'same-site' }, own)).toBe(false);
    expect(isSameOriginPost({ origin: 'null' }, own)).toBe(false);
    expect(isSameOriginPost({ referer: 'https://motcua.tinh.gov.vn.evil.example/bao-cao' }, own)).toBe(false);
    expect(isSameOriginPost({ referer: 'not a url' }, own)).toBe(false);
    expect(isSameOriginPost({}, own)).toBe(false);
  });
});
