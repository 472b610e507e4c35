import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePersonName } from '../../../src/people/person-name.ts';

describe('normalizePersonName', () => {
  it.each([
    ['  nguyễn   văn AN ', 'Nguyễn Văn An'],
    ['NGUYỄN THỊ ÁNH TUYẾT', 'Nguyễn Thị Ánh Tuyết'],
    ['đặng\tđình  đức', 'Đặng Đình Đức'],
    ["h'hen niê", "H'Hen Niê"],
    ['y ngông niê kđăm', 'Y Ngông Niê Kđăm'],
    ['jean-pierre dupont', 'Jean-Pierre Dupont'],
  ])('normalises %j to %j', (text, expected) => {
    expect(normalizePersonName(text)).toEqual({ ok: true, value: expected });
  });

  it('turns decomposed (NFD) input into precomposed (NFC) output', () => {
    const nfd = 'nguyễn văn an'.normalize('NFD');
    expect(nfd).not.toBe('nguyễn văn an');
    const result = normalizePersonName(nfd);
    expect(result.ok && result.value).toBe('Nguyễn Văn An');
    expect(result.ok && result.value === result.value.normalize('NFC')).toBe(true);
  });

  it.each([
    ['', 'person_name.empty'],
    ['   ', 'person_name.empty'],
    ['Nguyễn Văn 2', 'person_name.has_digits'],
    ['Nguyễn\u0000Văn', 'person_name.control_character'],
    ['Nguyễn\u200bVăn', 'person_name.control_character'],
    ['Nguyễn@Văn', 'person_name.bad_character'],
    ['a'.repeat(101), 'person_name.too_long'],
  ])('rejects %j with %s', (text, code) => {
    const result = normalizePersonName(text);
    expect(!result.ok && result.error.code).toBe(code);
  });

  const vietnameseWord = fc.stringMatching(/^[a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]{1,7}$/u);

  it('is idempotent and gives one capital per word', () => {
    fc.assert(
      fc.property(fc.array(vietnameseWord, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '  ', '\t'), (words, gap) => {
        const first = normalizePersonName(` ${words.join(gap).toUpperCase()} `);
        if (!first.ok) throw first.error;
        expect(normalizePersonName(first.value)).toEqual(first);
        const outWords = first.value.split(' ');
        expect(outWords).toHaveLength(words.length);
        outWords.forEach((word, i) => {
          expect(word.toLowerCase()).toBe(words[i]);
          expect(word.slice(1)).toBe(word.slice(1).toLowerCase());
        });
      }),
    );
  });
});
