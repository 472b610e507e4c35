import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';

const maxLength = 254;
/** RFC 5322 "atext" without quoting: what real addresses use. */
const localPartPattern = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const domainLabelPattern = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Pragmatic e-mail check for an applicant's contact address: one `@`, a plain
 * local part (≤ 64 characters, no leading, trailing or double dots), an ASCII
 * domain with at least two labels and a letter-only top-level label.
 * Returns the address trimmed, with the domain lower-cased (the local part is
 * kept: it may be case-sensitive).
 */
export function parseEmail(text: string): Result<string> {
  const email = text.trim();
  if (email === '') return err(new DomainError('email.empty', 'Chưa nhập địa chỉ email.'));
  if (/\s/.test(email)) {
    return err(new DomainError('email.has_spaces', `Địa chỉ email "${email}" không được chứa dấu cách.`));
  }
  if (email.length > maxLength) {
    return err(new DomainError('email.too_long', `Địa chỉ email dài quá ${maxLength} ký tự.`));
  }
  const at = email.lastIndexOf('@');
  if (at === -1) {
    return err(new DomainError('email.missing_at', `Địa chỉ email "${email}" thiếu ký tự @.`));
  }
  const localPart = email.slice(0, at);
  const domain = email.slice(at + 1).toLowerCase();
  if (localPart.length === 0 || localPart.length > 64 || !localPartPattern.test(localPart)) {
    return err(
      new DomainError('email.bad_local_part', `Phần trước @ của địa chỉ email "${email}" không hợp lệ (không dấu, không có hai dấu chấm liền nhau).`),
    );
  }
  const labels = domain.split('.');
  const topLevel = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((label) => domainLabelPattern.test(label)) || !/^[a-z]{2,}$/.test(topLevel)) {
    return err(
      new DomainError('email.bad_domain', `Tên miền "${email.slice(at + 1)}" của địa chỉ email không hợp lệ (ví dụ đúng: gmail.com).`),
    );
  }
  return ok(`${localPart}@${domain}`);
}
