import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../../src/catalogue/bundled-catalogue.ts';
import { EMPTY_RECEIVE_VALUES, papersOf, toPayload } from '../../../renderer/screens/receive/receive-form.ts';
import type { ReceiveValues } from '../../../renderer/screens/receive/receive-form.ts';

const TODAY = '2025-11-24';
const birthRegistration = loadBundledCatalogue().procedures.find((procedure) => procedure.code === '1.001193')!;
const values = (overrides: Partial<ReceiveValues> = {}): ReceiveValues => ({ ...EMPTY_RECEIVE_VALUES, fullName: 'Nguyễn Thị Ngọc Anh', papers: papersOf(birthRegistration), ...overrides });
const birthDateError = (birthDate: string) => {
  const checked = toPayload(birthRegistration, values({ birthDate }), TODAY);
  return checked.ok ? null : (checked.errors.birthDate ?? null);
};

describe('receive form: the birth date', () => {
  it('says which problem a birth date has', () => {
    expect(birthDateError('31/02/1990')).toBe('Ngày sinh 31/02/1990 không có thật: tháng 02/1990 chỉ có 28 ngày.');
    expect(birthDateError('25/11/2025')).toBe('Ngày sinh không được sau hôm nay.');
    expect(birthDateError('05/09/1890')).toBe('Ngày sinh không được trước năm 1900.');
    expect(birthDateError('5/9/90')).toContain('đủ 4 chữ số năm');
  });

  it('accepts a real birth date up to today, however it is written', () => {
    for (const text of ['05/09/1990', '5-9-1990', '05091990', '24/11/2025']) expect(birthDateError(text)).toBeNull();
    const checked = toPayload(birthRegistration, values({ birthDate: '5/9/1990' }), TODAY);
    expect(checked.ok && checked.payload.applicant.birthDate).toBe('1990-09-05');
  });
});

describe('receive form: papers only shown at the desk', () => {
  it('records a ticked "xuất trình" paper as shown, without counts', () => {
    const checked = toPayload(birthRegistration, values(), TODAY);
    expect(checked.ok).toBe(true);
    const papers = checked.ok ? checked.payload.papers : [];
    expect(papers).toContainEqual({ name: 'Giấy tờ tùy thân của người yêu cầu (căn cước hoặc hộ chiếu)', originals: 0, copies: 0, presentedOnly: true });
    expect(papers.filter((paper) => paper.presentedOnly !== true).every((paper) => paper.originals + paper.copies > 0)).toBe(true);
  });

  it('leaves an unticked one out', () => {
    const papers = papersOf(birthRegistration).map((paper) => (paper.presentOnly ? { ...paper, checked: false } : paper));
    const checked = toPayload(birthRegistration, values({ papers }), TODAY);
    expect(checked.ok && checked.payload.papers.some((paper) => paper.presentedOnly)).toBe(false);
  });
});
