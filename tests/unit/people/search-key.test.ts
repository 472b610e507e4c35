import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesSearch, nameIndexKeys, searchTokens } from '../../../src/people/search-key.ts';

const vietnameseLetters = 'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const vietnameseText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...vietnameseLetters, ...vietnameseLetters.toUpperCase()),
      fc.constantFrom(' ', '  ', '-', ',', '.', '0', '7'),
    ),
    { maxLength: 40 },
  )
  .map((chars) => chars.join(''));
const vietnameseName = fc
  .array(fc.array(fc.constantFrom(...vietnameseLetters), { minLength: 1, maxLength: 7 }).map((c) => c.join('')), {
    minLength: 1,
    maxLength: 5,
  })
  .map((words) => words.join(' '));

describe('foldForSearch', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['ĐẶNG  Đình-Đức', 'dang dinh duc'],
    ['  Lê Thị Ẩn, 12 Lê Lợi ', 'le thi an 12 le loi'],
    ['Nguyễn'.normalize('NFD'), 'nguyen'],
    ['Ðỗ', 'do'],
  ])('folds %j to %j', (text, expected) => {
    expect(foldForSearch(text)).toBe(expected);
  });

  it('is idempotent on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
      const once = foldForSearch(text);
      expect(foldForSearch(once)).toBe(once);
    }));
    fc.assert(fc.property(vietnameseText, (text) => {
      const once = foldForSearch(text);
      expect(foldForSearch(once)).toBe(once);
    }));
  });

  it('folds Vietnamese text to ASCII letters, digits and single spaces', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(foldForSearch(text)).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
      }),
    );
  });
});

describe('searchTokens and matchesSearch', () => {
  const tokens = searchTokens('Nguyễn Văn An');

  it('gives the unique folded words in order', () => {
    expect(tokens).toEqual(['nguyen', 'van', 'an']);
    expect(searchTokens('Văn văn VĂN an')).toEqual(['van', 'an']);
    expect(searchTokens(' - ')).toEqual([]);
  });

  it.each([
    ['nguyen van an', true],
    ['NGUYỄN văn', true],
    ['an nguyen', true],
    ['nguyen van a', true],
    ['ng', true],
    ['', true],
    ['nguy van', false],
    ['nguyen van b', false],
    ['nguyen thi an', false],
    ['anh', false],
  ])('query %j matches "Nguyễn Văn An": %s', (query, expected) => {
    expect(matchesSearch(query, tokens)).toBe(expected);
  });

  it('a name always matches its own folded form and any prefix of it', () => {
    fc.assert(
      fc.property(vietnameseName, fc.nat(), (name, cut) => {
        const nameTokens = searchTokens(name);
        const folded = foldForSearch(name);
        expect(matchesSearch(folded, nameTokens)).toBe(true);
        expect(matchesSearch(name.toUpperCase(), nameTokens)).toBe(true);
        const prefix = folded.slice(0, 1 + (cut % folded.length));
        expect(matchesSearch(prefix, nameTokens)).toBe(true);
      }),
    );
  });
});

describe('nameIndexKeys', () => {
  it('holds the folded words and the folded full name', () => {
    expect(nameIndexKeys('Nguyễn Văn An')).toEqual(['nguyen', 'van', 'an', 'nguyen van an']);
    expect(nameIndexKeys('An')).toEqual(['an']);
    expect(nameIndexKeys('  ')).toEqual([]);
  });

  it('lets a prefix range scan find a name by any word or by its beginning', () => {
    fc.assert(
      fc.property(vietnameseName, fc.nat(), (name, cut) => {
        const keys = nameIndexKeys(name);
        const folded = foldForSearch(name);
        const prefix = folded.slice(0, 1 + (cut % folded.length)).trimEnd();
        expect(keys.some((key) => key.startsWith(prefix))).toBe(true);
        for (const word of searchTokens(name)) expect(keys).toContain(word);
      }),
    );
  });
});
