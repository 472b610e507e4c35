import { describe, expect, it } from 'vitest';
import { consultationReference, createConsultation, parseConsultation } from '../../../src/counter/consultation.ts';
import type { NewConsultationInput } from '../../../src/counter/consultation.ts';
import { countConsultations } from '../../../src/reports/counter-consultations.ts';

let counter = 0;
const nextId = () => `0190a1b2-c3d4-7e5f-8a6b-${String((counter += 1)).padStart(12, '0')}`;
const at = Date.parse('2025-11-24T02:00:00Z');

function make(change: Partial<NewConsultationInput> = {}, now = at) {
  return createConsultation(
    {
      outcome: 'guided',
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      applicant: { fullName: 'Nguyễn Văn An', citizenId: '001085012345' },
      reason: 'Thiếu giấy chứng sinh',
      items: ['Giấy chứng sinh'],
      officerId: 'officer-1',
      deskId: '000.00.12.H23#1',
      unitId: '000.00.12.H23',
      ...change,
    },
    { nextId, now: () => now },
  );
}

describe('counter consultation schema', () => {
  it('builds a strict, normalised record without server time', () => {
    const c = make({ reason: '  Thiếu giấy  ', applicant: { fullName: 'Nguyễn Văn An' } });
    expect(c).toMatchObject({ outcome: 'guided', reason: 'Thiếu giấy', serverAt: null, schemaVersion: 1, at: '2025-11-24T02:00:00.000Z' });
    expect(consultationReference(c.id)).toMatch(/^TQ-[0-9A-F]{12}$/);
  });

  it('refuses what a consultation may not be, naming the field', () => {
    const good = make();
    const cases: Array<[unknown, string]> = [
      [{ ...good, items: [] }, 'items'],
      [{ ...good, extra: true }, ''],
      [{ ...good, outcome: 'received' }, 'outcome'],
      [{ ...good, id: 'not-a-uuid' }, 'id'],
      [{ ...good, reason: 'Thiếu\u202egiấy' }, 'reason'],
      [{ ...good, reason: '' }, 'reason'],
      [{ ...good, applicant: { fullName: 'An', citizenId: '12' } }, 'applicant.citizenId'],
      [{ ...good, applicant: { fullName: 'An', birthDate: '2025-12-01' } }, 'applicant.birthDate'],
      [{ ...good, at: '0000-01-01T00:00:00Z' }, 'at'],
      [{ ...good, unitId: 'abc' }, 'unitId'],
    ];
    for (const [input, path] of cases) {
      const parsed = parseConsultation(input);
      expect(parsed.ok, JSON.stringify(input)).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('consultation.bad_shape');
        expect((parsed.error.path ?? []).join('.')).toBe(path);
      }
    }
  });

  it('lets a refusal at the counter go without items', () => {
    expect(make({ outcome: 'refused', items: [] }).items).toEqual([]);
  });
});

describe('the report line of counter consultations', () => {
  it('counts each consultation of the period once, by outcome, on Vietnam dates', () => {
    const period = { from: '2025-11-24', to: '2025-11-24' };
    const line = countConsultations(
      [
        make(),
        make({ outcome: 'refused', items: [] }),
        make({}, Date.parse('2025-11-23T16:59:59Z')), // 23:59:59 on the 23rd in Hà Nội
        make({}, Date.parse('2025-11-24T17:00:00Z')), // 00:00 on the 25th
        make({}, Date.parse('2025-11-23T17:00:00Z')), // 00:00 on the 24th
      ],
      period,
    );
    expect(line).toEqual({ total: 3, guided: 2, refused: 1 });
  });

  it('refuses a bad period like the rest of the report', () => {
    expect(() => countConsultations([], { from: '2025-11-25', to: '2025-11-24' })).toThrow(expect.objectContaining({ code: 'report.bad_period' }));
  });
});
