import { describe, expect, it } from 'vitest';
import { parseCitizenCardQr } from '../../../src/people/citizen-card-qr.ts';

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
      parseCitizenCardQr('079204001234|272345678|Nguyễn Văn An|15032004|Nam|12 Lê Lợi, Phường Bến Thành, TP Hồ Chí Minh|20042021'),
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
    const result = parseCitizenCardQr(`${qr({ oldId: '' }, ['', 'Nguyễn Văn Bố', 'Trần Thị Mẹ'])}\r\n`);
    expect(result.ok && result.value.oldId).toBeNull();
    expect(result.ok && result.value.issueDate).toBe('2021-04-20');
  });

  it('reads a female holder and decomposed text', () => {
    const result = parseCitizenCardQr(
      qr({ id: '001185000001', name: 'TRẦN THỊ BÌNH'.normalize('NFD'), birth: '01011985', sex: 'Nữ'.normalize('NFD'), address: ' Hà  Nội ' }),
    );
    expect(result.ok && result.value).toMatchObject({ fullName: 'Trần Thị Bình', sex: 'female', birthDate: '1985-01-01', address: 'Hà Nội' });
  });

  it('says how many fields it found when there are too few', () => {
    const result = parseCitizenCardQr('079204001234|272345678|Nguyễn Văn An|15032004');
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
    const result = parseCitizenCardQr(qr(overrides));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.path).toEqual([path]);
      expect(result.error.message).toMatch(/^Mã QR trên thẻ căn cước: /);
    }
  });

  it('quotes the bad date in the message', () => {
    const result = parseCitizenCardQr(qr({ birth: '31022000' }));
    expect(!result.ok && result.error.message).toContain('31022000');
  });

  it('explains an inconsistent ID', () => {
    const result = parseCitizenCardQr(qr({ birth: '15031904', sex: 'Nữ' }));
    expect(!result.ok && result.error.details).toEqual({ causes: ['citizen_id.sex_mismatch', 'citizen_id.birth_year_mismatch'] });
    expect(!result.ok && result.error.message).toContain('năm sinh 2004');
  });
});
