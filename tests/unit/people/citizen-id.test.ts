import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizenIdProvinces } from '../../../src/people/citizen-id-provinces.ts';
import { checkCitizenIdAgainst, parseCitizenId } from '../../../src/people/citizen-id.ts';

describe('parseCitizenId', () => {
  it('reads province, sex and birth year', () => {
    const result = parseCitizenId('079204001234');
    expect(result).toEqual({
      ok: true,
      value: { id: '079204001234', provinceCode: '079', provinceName: 'TP Hồ Chí Minh', sex: 'male', birthYear: 2004 },
    });
  });

  it.each([
    ['001085000001', 'male', 1985],
    ['001185000001', 'female', 1985],
    ['001204000001', 'male', 2004],
    ['001304000001', 'female', 2004],
    ['001400000001', 'male', 2100],
    ['001501000001', 'female', 2101],
    ['001699000001', 'male', 2299],
    ['001700000001', 'female', 2200],
    ['001812000001', 'male', 2312],
    ['001912000001', 'female', 2312],
  ] as const)('decodes the century/sex digit of %s', (id, sex, birthYear) => {
    const result = parseCitizenId(id);
    expect(result.ok && result.value.sex).toBe(sex);
    expect(result.ok && result.value.birthYear).toBe(birthYear);
  });

  it('ignores spaces between digit groups', () => {
    const result = parseCitizenId(' 001 085 000 001 ');
    expect(result.ok && result.value.id).toBe('001085000001');
  });

  it('knows the 63 province codes, with their gaps', () => {
    expect(citizenIdProvinces.size).toBe(63);
    expect(citizenIdProvinces.get('046')).toBe('Thừa Thiên Huế');
    for (const gap of ['000', '003', '005', '047', '097', '099']) {
      expect(citizenIdProvinces.has(gap)).toBe(false);
    }
    for (const [code, name] of citizenIdProvinces) {
      expect(code).toMatch(/^0\d\d$/);
      expect(name.normalize('NFC')).toBe(name);
    }
  });

  it.each([
    ['', 'citizen_id.empty'],
    ['   ', 'citizen_id.empty'],
    ['07920400123', 'citizen_id.bad_format'],
    ['0792040012345', 'citizen_id.bad_format'],
    ['07920400123a', 'citizen_id.bad_format'],
    ['003204001234', 'citizen_id.unknown_province'],
    ['097204001234', 'citizen_id.unknown_province'],
  ])('rejects %j with %s', (text, code) => {
    const result = parseCitizenId(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
  });

  it('accepts exactly the listed province codes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.stringMatching(/^\d{9}$/), (province, rest) => {
        const code = String(province).padStart(3, '0');
        const result = parseCitizenId(code + rest);
        expect(result.ok).toBe(citizenIdProvinces.has(code));
      }),
    );
  });
});

describe('checkCitizenIdAgainst', () => {
  it('finds no problem when the facts agree', () => {
    expect(checkCitizenIdAgainst('079204001234', { birthDate: '2004-03-15', sex: 'male' })).toEqual([]);
    expect(checkCitizenIdAgainst('079204001234', {})).toEqual([]);
  });

  it('reports a sex that contradicts the century/sex digit', () => {
    const problems = checkCitizenIdAgainst('079204001234', { sex: 'female' });
    expect(problems.map((problem) => problem.code)).toEqual(['citizen_id.sex_mismatch']);
    expect(problems[0]?.message).toContain('nam');
    expect(problems[0]?.message).toContain('nữ');
  });

  it('reports a birth year that contradicts the ID, including a wrong century', () => {
    const problems = checkCitizenIdAgainst('079204001234', { birthDate: '1904-03-15', sex: 'female' });
    expect(problems.map((problem) => problem.code)).toEqual(['citizen_id.sex_mismatch', 'citizen_id.birth_year_mismatch']);
    expect(problems[1]?.message).toContain('15/03/1904');
    expect(problems[1]?.message).toContain('2004');
  });

  it('reports an unusable birth date or ID instead of throwing', () => {
    expect(checkCitizenIdAgainst('079204001234', { birthDate: '2004-02-30' }).map((p) => p.code)).toEqual([
      'birth_date.bad_format',
    ]);
    expect(checkCitizenIdAgainst('12345', { sex: 'male' }).map((p) => p.code)).toEqual(['citizen_id.bad_format']);
  });

  it('accepts an already parsed ID', () => {
    const parsed = parseCitizenId('001185000001');
    if (!parsed.ok) throw parsed.error;
    expect(checkCitizenIdAgainst(parsed.value, { birthDate: '1985-12-31', sex: 'female' })).toEqual([]);
  });
});
