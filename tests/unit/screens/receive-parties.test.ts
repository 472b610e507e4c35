import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../../src/catalogue/bundled-catalogue.ts';
import { parseEvent } from '../../../src/dossier/events.ts';
import { AUTHORISATION_PAPER_NAME } from '../../../src/dossier/parties.ts';
import { EMPTY_RECEIVE_VALUES, papersOf, toPayload } from '../../../renderer/screens/receive/receive-form.ts';
import type { ReceiveValues } from '../../../renderer/screens/receive/receive-form.ts';
import { eventFactory } from '../dossier/fixtures.ts';

const TODAY = '2025-11-24';
const certification = loadBundledCatalogue().procedures.find((procedure) => procedure.code === '1.001193')!;
const values = (overrides: Partial<ReceiveValues> = {}): ReceiveValues => ({ ...EMPTY_RECEIVE_VALUES, fullName: 'Nguyễn Thị Ngọc Anh', papers: papersOf(certification), ...overrides });
const organisation = (overrides: Partial<ReceiveValues> = {}) =>
  values({
    applicantKind: 'organisation',
    fullName: '  Công ty TNHH   Xây dựng 368 & Cộng sự ',
    taxCode: '0100 109 106',
    legalRepName: 'trần văn quang',
    legalRepPosition: 'Giám đốc',
    address: '12 Phố Huế, Hà Nội',
    // What the person fields still held from before the switch is not the organisation's.
    citizenId: '001090012345',
    birthDate: '05/09/1990',
    sex: 'male',
    ...overrides,
  });

describe('receive form: an organisation applicant', () => {
  it('keeps the organisation name as written, its tax code and legal representative, and no person data', () => {
    const checked = toPayload(certification, organisation(), TODAY);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.payload.applicant).toEqual({
      fullName: 'Công ty TNHH Xây dựng 368 & Cộng sự',
      address: '12 Phố Huế, Hà Nội',
      organisation: { taxCode: '0100109106', legalRepresentative: { fullName: 'Trần Văn Quang', position: 'Giám đốc' } },
    });
  });

  it('refuses a tax code with a wrong check digit, in Vietnamese, on its field', () => {
    const checked = toPayload(certification, organisation({ taxCode: '0100109107' }), TODAY);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.errors.taxCode).toBe('Mã số thuế 0100109107 không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp. Hãy xem lại giấy chứng nhận đăng ký.');
  });

  it('asks for the tax code, the legal representative and their position', () => {
    const checked = toPayload(certification, organisation({ taxCode: '', legalRepName: '', legalRepPosition: '' }), TODAY);
    expect(checked.ok ? [] : Object.keys(checked.errors).sort()).toEqual(['legalRepName', 'legalRepPosition', 'taxCode']);
  });
});

describe('receive form: an authorised representative', () => {
  const represented = (overrides: Partial<ReceiveValues> = {}) => values({ viaRepresentative: true, repName: 'phạm thị dung', repCitizenId: '001 190 004 321', repPhone: '0987.654.321', ...overrides });

  it('records the representative and adds the authorisation paper; the event then parses', () => {
    const checked = toPayload(certification, represented(), TODAY);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.payload.representative).toEqual({ fullName: 'Phạm Thị Dung', citizenId: '001190004321', phone: '0987654321' });
    expect(checked.payload.papers.filter((paper) => paper.name === AUTHORISATION_PAPER_NAME)).toEqual([{ name: AUTHORISATION_PAPER_NAME, originals: 1, copies: 0 }]);
    const event = eventFactory().make('RECEIVED', { ...checked.payload, receivedAt: '2025-11-24T01:00:00Z', dueAt: '2025-11-24T09:00:00Z' });
    expect(parseEvent(JSON.parse(JSON.stringify(event))).ok).toBe(true);
  });

  it('requires the representative’s name and a valid citizen ID', () => {
    const checked = toPayload(certification, represented({ repName: '', repCitizenId: '12345' }), TODAY);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.repName).toBe('Chưa nhập họ tên người được ủy quyền.');
    expect(checked.errors.repCitizenId).toContain('12 chữ số');
  });

  it('leaves the representative out when the box is not ticked, whatever its fields hold', () => {
    const checked = toPayload(certification, represented({ viaRepresentative: false }), TODAY);
    expect(checked.ok && checked.payload.representative).toBeUndefined();
    expect(checked.ok && checked.payload.papers.some((paper) => paper.name === AUTHORISATION_PAPER_NAME)).toBe(false);
  });
});

describe('search box: an organisation’s tax code', () => {
  it('searches a tax code (with or without its branch) like a name word, not as a dossier number', async () => {
    const { classifySearch } = await import('../../../renderer/screens/dossiers/list-filters.ts');
    expect(classifySearch('0100109106')).toEqual({ kind: 'name', text: '0100109106' });
    expect(classifySearch('0100109106-001')).toEqual({ kind: 'name', text: '0100109106-001' });
    expect(classifySearch('0100109107').kind).toBe('invalid');
  });
});
