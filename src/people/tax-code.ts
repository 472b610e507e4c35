import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';

/**
 * The tax code of an organisation (mã số thuế; for an enterprise it is also its mã số doanh
 * nghiệp): 10 digits whose last is a check digit, or 13 for a dependent unit (branch, office):
 * the parent's 10 digits, "-", a 3-digit suffix. The check digit: the first nine digits weighted
 * 31, 29, 23, 19, 17, 13, 7, 5, 3, summed; the tenth digit is 10 − (sum mod 11), and a sum with
 * remainder 0 is never issued. Checked against published codes (tests/unit/people/tax-code.test.ts).
 */
export const TAX_CODE_PATTERN = /^\d{10}(-\d{3})?$/;

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/** The check digit the first nine digits call for, or null when such digits are never issued. */
export function taxCodeCheckDigit(firstNine: string): number | null {
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(firstNine[index]), 0);
  const check = 10 - (sum % 11);
  return check === 10 ? null : check;
}

/** True for a well-formed tax code whose check digit is right (the shape the event schema admits). */
export function isTaxCode(code: string): boolean {
  if (!TAX_CODE_PATTERN.test(code)) return false;
  const suffix = code.slice(11);
  return taxCodeCheckDigit(code.slice(0, 9)) === Number(code[9]) && suffix !== '000';
}

/**
 * Reads a tax code as officers type it (spaces and dots between groups ignored; the branch's
 * dash kept). Messages say what is wrong in the officer's words.
 */
export function parseTaxCode(text: string): Result<string> {
  const code = text.replace(/[\s.]+/g, '');
  if (code === '') return err(new DomainError('tax_code.empty', 'Chưa nhập mã số thuế (mã số doanh nghiệp) của tổ chức.'));
  if (!TAX_CODE_PATTERN.test(code)) {
    return err(
      new DomainError(
        'tax_code.bad_format',
        `Mã số thuế phải gồm 10 chữ số, hoặc 13 ký tự cho đơn vị phụ thuộc (10 chữ số, dấu "-", 3 chữ số) (đang là "${code}").`,
        undefined,
        { value: code },
      ),
    );
  }
  if (code.slice(11) === '000') {
    return err(new DomainError('tax_code.bad_branch', `Mã số thuế ${code}: 3 chữ số của đơn vị phụ thuộc phải từ 001 đến 999.`));
  }
  if (!isTaxCode(code)) {
    return err(
      new DomainError('tax_code.bad_check_digit', `Mã số thuế ${code} không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp. Hãy xem lại giấy chứng nhận đăng ký.`, undefined, {
        value: code,
      }),
    );
  }
  return ok(code);
}
