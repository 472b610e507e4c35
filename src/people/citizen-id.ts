import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { formatLocalDate, isLocalDate } from '../time/vn-time.ts';
import { citizenIdProvinces } from './citizen-id-provinces.ts';

export type Sex = 'male' | 'female';

/** What the 12 digits of a citizen ID (CCCD) say about its holder. */
export interface CitizenIdInfo {
  /** The 12 digits, without separators. */
  id: string;
  provinceCode: string;
  provinceName: string;
  sex: Sex;
  birthYear: number;
}

const sexLabel: Readonly<Record<Sex, string>> = { male: 'nam', female: 'nữ' };

/**
 * Reads a citizen ID: 3-digit province of birth, 1 digit for century and sex
 * (even = male, odd = female; 0/1 = 1900s, 2/3 = 2000s … 8/9 = 2300s),
 * 2 digits of birth year, 6 serial digits. Spaces are ignored since officers
 * often copy the number in groups. There is no check digit in a CCCD.
 */
export function parseCitizenId(text: string): Result<CitizenIdInfo> {
  const id = text.replace(/\s+/g, '');
  if (id === '') {
    return err(new DomainError('citizen_id.empty', 'Chưa nhập số định danh cá nhân (CCCD).'));
  }
  if (!/^\d{12}$/.test(id)) {
    return err(
      new DomainError('citizen_id.bad_format', `Số định danh cá nhân phải gồm đúng 12 chữ số (đang là "${id}").`, undefined, {
        value: id,
      }),
    );
  }
  const provinceCode = id.slice(0, 3);
  const provinceName = citizenIdProvinces.get(provinceCode);
  if (provinceName === undefined) {
    return err(
      new DomainError(
        'citizen_id.unknown_province',
        `Số định danh cá nhân ${id} có mã tỉnh nơi đăng ký khai sinh ${provinceCode} không tồn tại.`,
        undefined,
        { provinceCode },
      ),
    );
  }
  const centurySexDigit = Number(id[3]);
  return ok({
    id,
    provinceCode,
    provinceName,
    sex: centurySexDigit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(centurySexDigit / 2) * 100 + Number(id.slice(4, 6)),
  });
}

export interface CitizenIdFacts {
  /** `YYYY-MM-DD` */
  birthDate?: string;
  sex?: Sex;
}

/**
 * Compares a citizen ID with the birth date and sex given elsewhere on the form.
 * Returns every disagreement (empty when they agree); an unreadable ID or
 * birth date is reported as a problem too, so the officer sees all at once.
 */
export function checkCitizenIdAgainst(id: string | CitizenIdInfo, facts: CitizenIdFacts): DomainError[] {
  let info: CitizenIdInfo;
  if (typeof id === 'string') {
    const parsed = parseCitizenId(id);
    if (!parsed.ok) return [parsed.error];
    info = parsed.value;
  } else {
    info = id;
  }
  const problems: DomainError[] = [];
  if (facts.sex !== undefined && facts.sex !== info.sex) {
    problems.push(
      new DomainError(
        'citizen_id.sex_mismatch',
        `Số định danh cá nhân ${info.id} là của người giới tính ${sexLabel[info.sex]}, nhưng giới tính đã nhập là ${sexLabel[facts.sex]}.`,
        ['sex'],
        { fromId: info.sex, given: facts.sex },
      ),
    );
  }
  if (facts.birthDate !== undefined) {
    if (!isLocalDate(facts.birthDate)) {
      problems.push(
        new DomainError('birth_date.bad_format', `Ngày sinh "${facts.birthDate}" không phải là ngày hợp lệ.`, ['birthDate']),
      );
    } else {
      const givenYear = Number(facts.birthDate.slice(0, 4));
      if (givenYear !== info.birthYear) {
        problems.push(
          new DomainError(
            'citizen_id.birth_year_mismatch',
            `Số định danh cá nhân ${info.id} cho năm sinh ${info.birthYear}, nhưng ngày sinh đã nhập là ${formatLocalDate(facts.birthDate)}.`,
            ['birthDate'],
            { fromId: info.birthYear, given: givenYear },
          ),
        );
      }
    }
  }
  return problems;
}
