import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { parseTypedDate, pastFactRule } from '../time/date-rule.ts';
import type { LocalDate } from '../time/vn-time.ts';
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
  // A scanner in keyboard mode that cannot type Vietnamese letters sends them unaccented.
  ['nu', 'female'],
]);

/**
 * Whether the text is laid out like a citizen card's QR (at least seven `|`-separated fields),
 * whatever its fields hold: what a scanner read from a card, to be parsed (and, if damaged,
 * explained) rather than typed into a field. People do not type six `|` by accident.
 */
export function hasCitizenCardQrShape(text: string): boolean {
  return text.split('|').length >= fieldCount;
}

const qrError = (code: string, message: string, path: string, details?: Record<string, unknown>): Result<never> =>
  err(new DomainError(`citizen_card_qr.${code}`, `Mã QR trên thẻ căn cước: ${message}`, [path], details));

/**
 * Parses the QR string of a chip citizen ID card:
 * `id|oldId|full name|ddMMyyyy birth|Nam or Nữ|address|ddMMyyyy issue[|…]`.
 * Newer cards append more fields; they are ignored. The ID number is checked
 * against the birth year and sex on the same card, which catches mis-scans. Its dates follow the
 * date rule of every date field (date-rule.ts): real, not before 1900, not after `today` (the
 * desk's Vietnam date).
 */
export function parseCitizenCardQr(text: string, today: LocalDate): Result<CitizenCardData> {
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

  const birthDate = compactDateToIso(rawBirth, 'Ngày sinh', today);
  if (!birthDate.ok) return qrError('bad_birth_date', birthDate.error.message, 'birthDate', { cause: birthDate.error.code });

  const sex = sexes.get(rawSex.toLocaleLowerCase('vi'));
  if (sex === undefined) {
    return qrError('bad_sex', `giới tính "${rawSex}" không hợp lệ (phải là "Nam" hoặc "Nữ").`, 'sex');
  }

  const address = rawAddress.replace(/\s+/gu, ' ');
  if (address === '') return qrError('empty_address', 'thiếu nơi thường trú.', 'address');

  const issueDate = compactDateToIso(rawIssue, 'Ngày cấp', today);
  if (!issueDate.ok) return qrError('bad_issue_date', issueDate.error.message, 'issueDate', { cause: issueDate.error.code });
  if (issueDate.value < birthDate.value) {
    return qrError('issue_before_birth', `ngày cấp ${rawIssue} trước ngày sinh ${rawBirth}.`, 'issueDate');
  }

  const problems = checkCitizenIdAgainst(id.value, { birthDate: birthDate.value, sex });
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
    birthDate: birthDate.value,
    sex,
    address,
    issueDate: issueDate.value,
  });
}

/** `ddMMyyyy` (the card's date format) to `YYYY-MM-DD`, checked with the date rule of a past fact. */
function compactDateToIso(text: string, label: string, today: LocalDate): Result<LocalDate> {
  if (!/^\d{8}$/.test(text)) {
    return err(new DomainError('date.bad_shape', `${label.toLocaleLowerCase('vi')} "${text}" không phải ngày dạng ngày-tháng-năm (ddMMyyyy).`));
  }
  return parseTypedDate(text, pastFactRule(label, today));
}
