import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { isLocalDate } from '../time/vn-time.ts';
import { checkCitizenIdAgainst, parseCitizenId } from './citizen-id.ts';
import type { Sex } from './citizen-id.ts';
import { normalizePersonName } from './person-name.ts';

/** The applicant data printed in the QR code of a chip citizen ID card. */
export interface CitizenCardData {
  citizenId: string;
  /** The old 9- or 12-digit ID number, null when the card has none. */
  oldId: string | null;
  fullName: string;
  /** `YYYY-MM-DD` */
  birthDate: string;
  sex: Sex;
  address: string;
  /** `YYYY-MM-DD` */
  issueDate: string;
}

const fieldCount = 7;
const sexes: ReadonlyMap<string, Sex> = new Map([
  ['nam', 'male'],
  ['nữ', 'female'],
]);

const qrError = (code: string, message: string, path: string, details?: Record<string, unknown>): Result<never> =>
  err(new DomainError(`citizen_card_qr.${code}`, `Mã QR trên thẻ căn cước: ${message}`, [path], details));

/**
 * Parses the QR string of a chip citizen ID card:
 * `id|oldId|full name|ddMMyyyy birth|Nam or Nữ|address|ddMMyyyy issue[|…]`.
 * Newer cards append more fields; they are ignored. The ID number is checked
 * against the birth year and sex on the same card, which catches mis-scans.
 */
export function parseCitizenCardQr(text: string): Result<CitizenCardData> {
  const fields = text.normalize('NFC').replace(/[\r\n]+$/u, '').split('|');
  if (fields.length < fieldCount) {
    return err(
      new DomainError(
        'citizen_card_qr.not_enough_fields',
        `Mã QR trên thẻ căn cước không đủ thông tin: có ${fields.length} trường, cần ít nhất ${fieldCount} (số định danh, số CMND cũ, họ tên, ngày sinh, giới tính, nơi thường trú, ngày cấp) ngăn cách bởi dấu |.`,
        undefined,
        { fieldCount: fields.length },
      ),
    );
  }
  const [rawId, rawOldId, rawName, rawBirth, rawSex, rawAddress, rawIssue] = fields.map((field) => field.trim()) as [
    string, string, string, string, string, string, string,
  ];

  const id = parseCitizenId(rawId);
  if (!id.ok) return qrError('bad_citizen_id', id.error.message, 'citizenId', { cause: id.error.code });

  if (rawOldId !== '' && !/^(\d{9}|\d{12})$/.test(rawOldId)) {
    return qrError('bad_old_id', `số CMND cũ "${rawOldId}" phải gồm 9 hoặc 12 chữ số.`, 'oldId');
  }

  const fullName = normalizePersonName(rawName);
  if (!fullName.ok) return qrError('bad_full_name', fullName.error.message, 'fullName', { cause: fullName.error.code });

  const birthDate = compactDateToIso(rawBirth);
  if (birthDate === null) {
    return qrError('bad_birth_date', `ngày sinh "${rawBirth}" không phải ngày hợp lệ dạng ngày-tháng-năm (ddMMyyyy).`, 'birthDate');
  }

  const sex = sexes.get(rawSex.toLocaleLowerCase('vi'));
  if (sex === undefined) {
    return qrError('bad_sex', `giới tính "${rawSex}" không hợp lệ (phải là "Nam" hoặc "Nữ").`, 'sex');
  }

  const address = rawAddress.replace(/\s+/gu, ' ');
  if (address === '') return qrError('empty_address', 'thiếu nơi thường trú.', 'address');

  const issueDate = compactDateToIso(rawIssue);
  if (issueDate === null) {
    return qrError('bad_issue_date', `ngày cấp "${rawIssue}" không phải ngày hợp lệ dạng ngày-tháng-năm (ddMMyyyy).`, 'issueDate');
  }
  if (issueDate < birthDate) {
    return qrError('issue_before_birth', `ngày cấp ${rawIssue} trước ngày sinh ${rawBirth}.`, 'issueDate');
  }

  const problems = checkCitizenIdAgainst(id.value, { birthDate, sex });
  if (problems.length > 0) {
    return qrError(
      'inconsistent',
      `số định danh không khớp với thông tin trên thẻ. ${problems.map((problem) => problem.message).join(' ')}`,
      'citizenId',
      { causes: problems.map((problem) => problem.code) },
    );
  }

  return ok({
    citizenId: id.value.id,
    oldId: rawOldId === '' ? null : rawOldId,
    fullName: fullName.value,
    birthDate,
    sex,
    address,
    issueDate,
  });
}

/** `ddMMyyyy` (the card's date format) to `YYYY-MM-DD`, or null when it is not an existing date. */
function compactDateToIso(text: string): string | null {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]}-${match[1]}`;
  return isLocalDate(iso) ? iso : null;
}
