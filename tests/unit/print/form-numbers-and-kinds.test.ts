import { describe, expect, it } from 'vitest';
import { ledgerBookOf, ledgerEntryOf, nextLedgerLine } from '../../../src/dossier/ledger-line.ts';
import { parseEvent } from '../../../src/dossier/events.ts';
import { agencyGroups, FORM_NUMBERS, formHeader, formNumberLabel } from '../../../src/print/forms/index.ts';
import { unitKindFromName } from '../../../src/units/unit-kind.ts';

const unit = { unitName: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: '000.00.12.H23' };
const at = Date.parse('2026-12-07T02:00:00Z');

describe('form numbers (Circular 01/2018/TT-VPCP, 2025 numbering kept beside)', () => {
  it.each([
    ['receipt', 'Mẫu số 01', '01'],
    ['supplement-request', 'Mẫu số 02', '02'],
    ['refusal', 'Mẫu số 03', '03'],
    ['process-control', 'Mẫu số 04', '06'],
    ['apology-extension', 'Mẫu số 05', '04'],
    ['ledger', 'Mẫu số 06', '07'],
  ] as const)('%s prints %s by default (2025: %s)', (form, printed, of2025) => {
    expect(formNumberLabel(form)).toBe(printed);
    expect(FORM_NUMBERS[form].circular2025).toBe(of2025);
    expect(formNumberLabel(form, 'circular-03-2025')).toBe(`Mẫu số ${of2025}`);
  });

  it('prints the stop notice, which the 2018 circular lacks, with its 2025 number and that circular named', () => {
    expect(formNumberLabel('stop-notice')).toBe('Mẫu số 05 (Thông tư số 03/2025/TT-VPCP)');
  });

  it('puts the number in every form header given its form', () => {
    expect(formHeader(unit, at, undefined, 'refusal').formNumber).toBe('Mẫu số 03');
    expect(formHeader(unit, at).formNumber).toBeNull();
  });
});

describe('the unit’s kind in the header', () => {
  it.each([
    ['UBND phường Ba Đình', 'people-committee'],
    ['Phường Ba Đình', 'people-committee'],
    ['Công an phường Ba Đình', 'police'],
    ['CÔNG AN xã Tân Lập', 'police'],
    ['Bảo hiểm xã hội khu vực I', 'social-insurance'],
    ['BHXH thành phố Hà Nội', 'social-insurance'],
    ['Ban Chỉ huy quân sự phường Ba Đình', 'military-command'],
  ] as const)('takes %j as %s when the unit has no kind', (name, kind) => {
    expect(unitKindFromName(name)).toBe(kind);
  });

  it('names the kind, then the unit without the kind’s words', () => {
    expect(agencyGroups('Công an phường Ba Đình')).toEqual(['CÔNG AN', 'PHƯỜNG BA ĐÌNH']);
    expect(agencyGroups('Phường Ba Đình', 'police')).toEqual(['CÔNG AN', 'PHƯỜNG BA ĐÌNH']);
    expect(agencyGroups('Bảo hiểm xã hội khu vực I')).toEqual(['BẢO HIỂM XÃ HỘI', 'KHU VỰC I']);
    expect(agencyGroups('Xã Tân Lập', 'military-command')).toEqual(['BAN CHỈ HUY QUÂN SỰ', 'XÃ TÂN LẬP']);
    expect(agencyGroups('Trung tâm phục vụ hành chính công tỉnh', 'other')).toEqual(['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH']);
  });

  it('prints the governing body above the unit when the unit has one', () => {
    const header = formHeader({ ...unit, unitName: 'Công an phường Ba Đình', kind: 'police', governingBody: 'Công an thành phố Hà Nội' }, at, undefined, 'receipt');
    expect(header).toMatchObject({ governing: ['CÔNG AN THÀNH PHỐ HÀ NỘI'], agency: ['CÔNG AN', 'PHƯỜNG BA ĐÌNH'], formNumber: 'Mẫu số 01' });
  });
});

describe('ledger book and line', () => {
  it('runs 1, 2, 3 in a desk’s book of the year, and starts again in a new year’s book', () => {
    const book = ledgerBookOf(2, '2026-12-07');
    expect(book).toEqual({ year: 2026, book: 2 });
    expect(nextLedgerLine(book, null)).toEqual({ year: 2026, book: 2, line: 1 });
    expect(nextLedgerLine(book, { year: 2026, book: 2, line: 41 })).toEqual({ year: 2026, book: 2, line: 42 });
    expect(nextLedgerLine(ledgerBookOf(2, '2027-01-01'), { year: 2026, book: 2, line: 41 }).line).toBe(1);
  });

  it('prints "01/2026" and the line; an older receipt keeps the number its paper printed', () => {
    expect(ledgerEntryOf({ ledger: { year: 2026, book: 1, line: 7 } }, '000.00.12.H23-261207-1003')).toEqual({ book: '01/2026', line: '7' });
    expect(ledgerEntryOf({}, '000.00.12.H23-261207-1003')).toEqual({ book: '', line: '1003' });
  });

  it('is an optional field of RECEIVED: stored receipts without it still read', () => {
    const base = {
      id: '0192f0c0-0000-7000-8000-000000000001',
      type: 'RECEIVED',
      dossierCode: '000.00.12.H23-261207-1001',
      at: '2026-12-07T02:00:00.000Z',
      serverAt: null,
      officerId: 'o1',
      deskId: 'd1',
      unitId: '000.00.12.H23',
      schemaVersion: 1,
      payload: {
        procedureCode: '1.001193',
        procedureName: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        statutoryTime: { kind: 'working-days', days: 1 },
        channel: 'in-person',
        applicant: { fullName: 'Nguyễn Văn An' },
        papers: [],
        sets: 2,
        fee: { amount: 0 },
        resultDelivery: 'desk',
        receivedAt: '2026-12-07T02:00:00.000Z',
        dueAt: '2026-12-08T02:00:00.000Z',
      },
    };
    expect(parseEvent(base).ok).toBe(true);
    expect(parseEvent({ ...base, payload: { ...base.payload, ledger: { year: 2026, book: 1, line: 3 } } }).ok).toBe(true);
    expect(parseEvent({ ...base, payload: { ...base.payload, ledger: { year: 2026, book: 1, line: 0 } } }).ok).toBe(false);
  });
});
