import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointName,
  findForbiddenCharacters,
  forbiddenCharacterMessage,
  forbiddenCharacterProblem,
  hasForbiddenCharacter,
  hasUnstorableCharacter,
  someText,
  textPieces,
  withoutForbiddenCharacters,
} from '../../../src/text/allowed-characters.ts';
import { POISON } from '../../support/event-text-fields.ts';

describe('the text rule', () => {
  it.each(POISON)('refuses $name in any field', ({ character }) => {
    expect(hasForbiddenCharacter(`Nguy${character}n`, 'one-line')).toBe(true);
    expect(hasForbiddenCharacter(`Nguy${character}n`, 'multi-line')).toBe(true);
    expect(findForbiddenCharacters(`Nguy${character}n`, 'multi-line')).toEqual([expect.objectContaining({ index: 4, position: 5, codePoint: character.charCodeAt(0) })]);
  });

  it('refuses every C0 control but tab and line feed, DEL and every C1 control', () => {
    for (let code = 0; code <= 0x9f; code += 1) {
      const refused = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code >= 0x7f;
      expect(hasForbiddenCharacter(`a${String.fromCharCode(code)}b`, 'multi-line'), codePointName(code)).toBe(refused);
    }
  });

  it('takes a line feed only where several lines are allowed, a tab anywhere', () => {
    expect(hasForbiddenCharacter('dòng 1\ndòng 2', 'multi-line')).toBe(false);
    expect(findForbiddenCharacters('dòng 1\ndòng 2', 'one-line')).toEqual([{ index: 6, position: 7, codePoint: 0x0a, kind: 'line-break' }]);
    expect(hasForbiddenCharacter('cột 1\tcột 2', 'one-line')).toBe(false);
    expect(findForbiddenCharacters('a\r\nb', 'multi-line')).toEqual([{ index: 1, position: 2, codePoint: 0x0d, kind: 'line-break' }]);
  });

  it('tells a valid surrogate pair from a lone half, and counts a pair as one character', () => {
    expect(hasForbiddenCharacter('Hoa 😀 𠀋', 'one-line')).toBe(false);
    expect(findForbiddenCharacters('😀\uD800x', 'one-line')).toEqual([{ index: 2, position: 2, codePoint: 0xd800, kind: 'lone-surrogate' }]);
    expect(findForbiddenCharacters('x\uDE00', 'one-line')).toEqual([{ index: 1, position: 2, codePoint: 0xde00, kind: 'lone-surrogate' }]);
    expect(findForbiddenCharacters('\uDE00\uD83D', 'one-line').map((c) => c.codePoint)).toEqual([0xde00, 0xd83d]);
  });

  it('leaves Vietnamese, joiners and directional marks alone', () => {
    const text = 'Nguyễn Thị Hoà · H\u2019Hen Niê · 👩\u200D👩\u200D👧 · a\u200Eb\u200Fc · đồng\u00ADtiền';
    expect(hasForbiddenCharacter(text, 'one-line')).toBe(false);
  });

  it('agrees with the slow scan on any string of UTF-16 code units', () => {
    const anyUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 30 });
    fc.assert(
      fc.property(anyUnits, fc.constantFrom('one-line' as const, 'multi-line' as const), (text, lines) => {
        expect(hasForbiddenCharacter(text, lines)).toBe(findForbiddenCharacters(text, lines).length > 0);
        const cleaned = withoutForbiddenCharacters(text, lines);
        expect(hasForbiddenCharacter(cleaned, lines)).toBe(false);
        expect(textPieces(text, lines).map((piece) => ('text' in piece ? piece.text : String.fromCharCode(piece.forbidden.codePoint))).join('')).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the field, the character and where it is, and quotes nothing of the text', () => {
    const message = forbiddenCharacterProblem('Nguy\u0000n Văn An', 'Họ và tên người nộp hồ sơ', 'one-line');
    expect(message).toBe(
      'Họ và tên người nộp hồ sơ có ký tự không được phép (ký tự điều khiển U+0000, ở ký tự thứ 5): ký tự này không nhìn thấy được và thường lẫn vào khi dán văn bản, hãy xoá rồi gõ lại nội dung ô này.',
    );
    expect(message).not.toContain('Nguy');
    expect(forbiddenCharacterProblem('Lê\nHoa', 'Họ và tên người nhận kết quả', 'one-line')).toBe(
      'Họ và tên người nhận kết quả có ký tự không được phép (dấu xuống dòng U+000A, ở ký tự thứ 3): ô này chỉ nhận một dòng, hãy viết liền trên một dòng.',
    );
    expect(forbiddenCharacterMessage('Lý do từ chối', findForbiddenCharacters('a\u202Eb\uD800', 'multi-line'), 'multi-line')).toMatch(
      /^Lý do từ chối có 2 ký tự không được phép \(đầu tiên là ký tự đảo chiều văn bản U\+202E, ở ký tự thứ 2\)/,
    );
    expect(forbiddenCharacterProblem('Lê Thị Hoa', 'Họ và tên', 'one-line')).toBeNull();
    expect(message?.normalize('NFC')).toBe(message);
  });

  it('proposes a correction: controls dropped, line breaks kept as a space or a line', () => {
    expect(withoutForbiddenCharacters('Nguy\u0000ễn\u202E Văn\uFEFF An', 'one-line')).toBe('Nguyễn Văn An');
    expect(withoutForbiddenCharacters('Lê\nThị\r\nHoa', 'one-line')).toBe('Lê Thị Hoa');
    expect(withoutForbiddenCharacters('Lê \n Hoa', 'one-line')).toBe('Lê  Hoa');
    expect(withoutForbiddenCharacters('dòng 1\r\ndòng 2\u2028dòng 3\u0007', 'multi-line')).toBe('dòng 1\ndòng 2\ndòng 3');
  });

  it('knows what no database can store, and finds it anywhere in a value', () => {
    expect(hasUnstorableCharacter('a\u0000')).toBe(true);
    expect(hasUnstorableCharacter('a\uDC00')).toBe(true);
    expect(hasUnstorableCharacter('a\u202E\u0001😀')).toBe(false);
    expect(someText({ a: [1, { b: 'x\u0000' }] }, hasUnstorableCharacter)).toBe(true);
    expect(someText({ ['k\uD800']: 1 }, hasUnstorableCharacter)).toBe(true);
    expect(someText({ a: ['ok', null, 3] }, hasUnstorableCharacter)).toBe(false);
  });
});
