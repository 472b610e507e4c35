import { describe, expect, it } from 'vitest';
import { parseCitizenCardQr } from '../../../src/people/citizen-card-qr.ts';

/** The desk's date: card dates are checked against it (date-rule.ts). */
const TODAY = '2025-11-24';

const fields = {
  id: '079204001234',
  oldId: '272345678',
  name: 'Nguyễn Văn An',
  birth: '15032004',
  sex: 'Nam',
  address: '12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh',
  issue: '20042021',
};
type Fields = typeof fields;
const qr = (overrides: Partial<Fields> = {}, extra: string[] = []): string => {
  const f = { ...fields, ...overrides };
  return [f.id, f.oldId, f.name, f.birth, f.sex, f.address, f.issue, ...extra].join('|');
};

describe('parseCitizenCardQr', () => {
  it('parses the example from the issue', () => {
    expect(
      parseCitizenCardQr('079204001234|272345678|Nguyễn Văn An|15032004|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021', TODAY),
    ).toEqual({
      ok: true,
      value: {
        citizenId: '079204001234',
        oldId: '272345678',
        fullName: 'Nguyễn Văn An',
        birthDate: '2004-03-15',
        sex: 'male',
        address: '12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh',
        issueDate: '2021-04-20',
      },
    });
  });

  it('maps an empty old ID to null, ignores trailing fields and the Enter a scanner sends', () => {
    const result = parseCitizenCardQr(`${qr({ oldId: '' }, ['', 'Nguyễn Văn Bố', 'Trần Thị Mẹ'])}\r\n`, TODAY);
    expect(result.ok && result.value.oldId).toBeNull();
    expect(result.ok && result.value.issueDate).toBe('2021-04-20');
  });

  it('reads a female holder and decomposed text', () => {
    const result = parseCitizenCardQr(
      qr({ id: '001185000001', name: 'TRẦN THỊ BÌNH'.normalize('NFD'), birth: '01011985', sex: 'Nữ'.normalize('NFD'), address: ' Hà  Nội ' }),
      TODAY,
    );
    expect(result.ok && result.value).toMatchObject({ fullName: 'Trần Thị Bình', sex: 'female', birthDate: '1985-01-01', address: 'Hà Nội' });
  });

  it('reads a card a keyboard-mode scanner sent without accents', () => {
    const result = parseCitizenCardQr(qr({ id: '001185000001', name: 'TRAN THI BINH', birth: '01011985', sex: 'Nu', address: 'Ha Noi' }), TODAY);
    expect(result.ok && result.value).toMatchObject({ sex: 'female', birthDate: '1985-01-01' });
  });

  it('says how many fields it found when there are too few', () => {
    const result = parseCitizenCardQr('079204001234|272345678|Nguyễn Văn An|15032004', TODAY);
    expect(!result.ok && result.error.code).toBe('citizen_card_qr.not_enough_fields');
    expect(!result.ok && result.error.message).toContain('có 4 trường');
  });

  it.each([
    [{ id: '07920400123' }, 'citizen_card_qr.bad_citizen_id', 'citizenId'],
    [{ oldId: '27234' }, 'citizen_card_qr.bad_old_id', 'oldId'],
    [{ name: 'Nguyễn Văn 1' }, 'citizen_card_qr.bad_full_name', 'fullName'],
    [{ birth: '31022004' }, 'citizen_card_qr.bad_birth_date', 'birthDate'],
    [{ birth: '2004-03-15' }, 'citizen_card_qr.bad_birth_date', 'birthDate'],
    [{ sex: 'M' }, 'citizen_card_qr.bad_sex', 'sex'],
    [{ address: '  ' }, 'citizen_card_qr.empty_address', 'address'],
    [{ issue: '32012021' }, 'citizen_card_qr.bad_issue_date', 'issueDate'],
    [{ issue: '14032004' }, 'citizen_card_qr.issue_before_birth', 'issueDate'],
    [{ sex: 'Nữ' }, 'citizen_card_qr.inconsistent', 'citizenId'],
    [{ birth: '15032005' }, 'citizen_card_qr.inconsistent', 'citizenId'],
  ])('rejects %j with %s on %s', (overrides, code, path) => {
    const result = parseCitizenCardQr(qr(overrides), TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.path).toEqual([path]);
      expect(result.error.message).toMatch(/^Mã QR trên thẻ căn cước: /);
    }
  });

  it('names the bad date as an officer reads it, and says what is wrong with it', () => {
    const result = parseCitizenCardQr(qr({ birth: '31022000' }), TODAY);
    expect(!result.ok && result.error.message).toBe('Mã QR trên thẻ căn cước: Ngày sinh 31/02/2000 không có thật: tháng 02/2000 chỉ có 29 ngày.');
  });

  it('refuses card dates after today or before 1900, saying which', () => {
    const future = parseCitizenCardQr(qr({ issue: '25112025' }), TODAY);
    expect(!future.ok && future.error).toMatchObject({ code: 'citizen_card_qr.bad_issue_date', message: 'Mã QR trên thẻ căn cước: Ngày cấp không được sau hôm nay.' });
    const old = parseCitizenCardQr(qr({ id: '001089000001', birth: '01011899', issue: '01012020' }), TODAY);
    expect(!old.ok && old.error).toMatchObject({ code: 'citizen_card_qr.bad_birth_date', message: 'Mã QR trên thẻ căn cước: Ngày sinh không được trước năm 1900.' });
    expect(parseCitizenCardQr(qr({ issue: '24112025' }), TODAY).ok).toBe(true);
  });

  it('explains an inconsistent ID', () => {
    const result = parseCitizenCardQr(qr({ birth: '15031904', sex: 'Nữ' }), TODAY);
    expect(!result.ok && result.error.details).toEqual({ causes: ['citizen_id.sex_mismatch', 'citizen_id.birth_year_mismatch'] });
    expect(!result.ok && result.error.message).toContain('năm sinh 2004');
  });
});
