import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';

/**
 * Validates a social-insurance code (mã số bảo hiểm xã hội): exactly 10 digits.
 * Spaces are ignored; the code has no published check digit, so only its shape is checked.
 */
export function parseSocialInsuranceCode(text: string): Result<string> {
  const code = text.replace(/\s+/g, '');
  if (code === '') {
    return err(new DomainError('social_insurance_code.empty', 'Chưa nhập mã số bảo hiểm xã hội.'));
  }
  if (!/^\d{10}$/.test(code)) {
    return err(
      new DomainError(
        'social_insurance_code.bad_format',
        `Mã số bảo hiểm xã hội phải gồm đúng 10 chữ số (đang là "${code}").`,
        undefined,
        { value: code },
      ),
    );
  }
  return ok(code);
}
