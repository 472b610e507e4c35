import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';

export type PhoneKind = 'mobile' | 'landline';

export interface PhoneNumber {
  /** National form, digits only, starting with 0: `0912345678`, `02838221234`. */
  number: string;
  kind: PhoneKind;
}

/** Second digit of the 10-digit mobile numbers in use since the 2018 renumbering. */
const mobileSecondDigits = new Set(['3', '5', '7', '8', '9']);

/**
 * Reads a Vietnamese phone number as people write it: `0912 345 678`,
 * `0912.345.678`, `+84 912 345 678`, `84912345678`, `(028) 3822-1234`.
 * Mobiles are 10 digits (03x, 05x, 07x, 08x, 09x); landlines are 11 digits
 * starting 02 (area code 02xx).
 */
export function parsePhone(text: string): Result<PhoneNumber> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return err(new DomainError('phone.empty', 'Chưa nhập số điện thoại.'));
  }
  if (!/^\+?[\d\s.\-()]+$/.test(trimmed)) {
    return err(
      new DomainError('phone.bad_characters', `Số điện thoại "${trimmed}" chỉ được gồm chữ số, dấu cách, dấu chấm hoặc gạch ngang.`),
    );
  }
  const number = toNationalForm(trimmed.replace(/[^\d+]/g, ''));
  const kind = number.length === 10 ? 'mobile' : number.length === 11 ? 'landline' : null;
  if (kind === null || !number.startsWith('0')) {
    return err(
      new DomainError(
        'phone.bad_length',
        `Số điện thoại "${trimmed}" không đúng độ dài: di động có 10 chữ số, cố định có 11 chữ số (bắt đầu bằng 0).`,
      ),
    );
  }
  const validPrefix = kind === 'mobile' ? mobileSecondDigits.has(number.charAt(1)) : number.charAt(1) === '2';
  if (!validPrefix) {
    return err(
      new DomainError(
        'phone.unknown_prefix',
        kind === 'mobile'
          ? `Số di động "${trimmed}" có đầu số không tồn tại (đầu số hợp lệ: 03, 05, 07, 08, 09).`
          : `Số điện thoại cố định "${trimmed}" phải bắt đầu bằng mã vùng 02.`,
      ),
    );
  }
  return ok({ number, kind });
}

/** `+84…`, `0084…` and `84…` carry the country code in place of the leading 0 (some still write `+84 (0) 912…`). */
function toNationalForm(digits: string): string {
  for (const prefix of ['+84', '0084', '84']) {
    if (digits.startsWith(prefix)) return `0${digits.slice(prefix.length).replace(/^0/, '')}`;
  }
  return digits;
}
