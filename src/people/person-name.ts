import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';

const maxLength = 100;
/** Letters, combining marks left after NFC, spaces, and the apostrophe, hyphen and dot of names like "H'Hen Niê". */
const allowedCharacters = /^[\p{L}\p{M} '’.-]+$/u;

/**
 * Normalises a person's full name for storage and printing: NFC (input typed
 * or pasted may be decomposed), trimmed, single spaces, each word capitalised
 * ("  nguyễn   văn AN " → "Nguyễn Văn An"). A letter following an apostrophe
 * or hyphen starts a word too ("h'hen niê" → "H'Hen Niê").
 */
export function normalizePersonName(text: string): Result<string> {
  const name = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (/\p{Cc}|\p{Cf}/u.test(name)) {
    return err(new DomainError('person_name.control_character', 'Họ tên chứa ký tự điều khiển không in được; hãy nhập lại.'));
  }
  if (name === '') return err(new DomainError('person_name.empty', 'Chưa nhập họ tên.'));
  if (/\p{N}/u.test(name)) {
    return err(new DomainError('person_name.has_digits', `Họ tên "${name}" không được chứa chữ số.`));
  }
  if (!allowedCharacters.test(name)) {
    return err(new DomainError('person_name.bad_character', `Họ tên "${name}" chứa ký tự không hợp lệ.`));
  }
  if (name.length > maxLength) {
    return err(new DomainError('person_name.too_long', `Họ tên dài quá ${maxLength} ký tự.`));
  }
  return ok(capitaliseWords(name));
}

function capitaliseWords(name: string): string {
  let result = '';
  let startOfWord = true;
  for (const character of name.toLocaleLowerCase('vi')) {
    result += startOfWord ? character.toLocaleUpperCase('vi') : character;
    startOfWord = /[ '’-]/u.test(character);
  }
  return result;
}
