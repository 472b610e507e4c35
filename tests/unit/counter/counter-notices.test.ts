import { describe, expect, it } from 'vitest';
import { createConsultation } from '../../../src/counter/consultation.ts';
import type { NewConsultationInput } from '../../../src/counter/consultation.ts';
import { buildCounterNotice } from '../../../src/print/forms/counter-notices.ts';
import { formHeader, formNumberLabel } from '../../../src/print/forms/index.ts';

const at = Date.parse('2025-11-24T02:00:00Z');
const police = { unitName: 'Công an phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: '000.00.12.H23', kind: 'police', governingBody: 'Công an thành phố Hà Nội' } as const;

function consultation(outcome: NewConsultationInput['outcome']) {
  return createConsultation(
    {
      outcome,
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      applicant: { fullName: 'Nguyễn Văn An' },
      reason: 'Thiếu giấy chứng sinh',
      items: ['Giấy chứng sinh'],
      officerId: 'officer-1',
      deskId: '000.00.12.H23#1',
      unitId: '000.00.12.H23',
    },
    { nextId: () => '0190a1b2-c3d4-7e5f-8a6b-000000000001', now: () => at },
  );
}

describe('counter forms are numbered and headed like the dossier forms', () => {
  it.each([
    ['guided', 'supplement-request', 'Mẫu số 02', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ'],
    ['refused', 'refusal', 'Mẫu số 03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ'],
  ] as const)('a %s citizen gets the %s form: %s from the one table, the unit’s kind and governing body', (outcome, form, number, title) => {
    const model = buildCounterNotice({ consultation: consultation(outcome), unit: police, officerName: () => 'Trần Thị Bình' });
    expect(model.header).toEqual(formHeader(police, at, undefined, form));
    expect(model.header.formNumber).toBe(formNumberLabel(form));
    expect(model.header.formNumber).toBe(number);
    expect(model.header.governing).toEqual(['CÔNG AN THÀNH PHỐ HÀ NỘI']);
    expect(model.header.agency).toEqual(['CÔNG AN', 'PHƯỜNG BA ĐÌNH']);
    expect(model.title).toBe(title);
    expect(Object.keys(model)).not.toContain('formNumber');
  });
});
