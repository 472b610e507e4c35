import { describe, expect, it } from 'vitest';
import { createEvent } from '../../../src/dossier/events.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { createEventIdGenerator } from '../../../src/dossier/event-id.ts';
import {
  buildApology,
  buildProcessControl,
  buildReceipt,
  buildRefusal,
  buildStopNotice,
  buildSupplementRequest,
  placeDateLine,
  statutoryTimeText,
  timeAndDate,
} from '../../../src/print/forms/index.ts';

const unit = { unitName: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: '000.00.12.H23' };
const code = '000.00.12.H23-251124-1001';
const names = (id: string) => ({ 'officer-1': 'Lê Văn Tiếp', 'officer-2': 'Phạm Thị Xử' })[id] ?? id;

function dossier(...more: { type: DossierEvent['type']; payload: unknown; atMs: number; officerId?: string }[]): DossierEvent[] {
  let clock = Date.parse('2025-11-24T02:00:00Z');
  const nextId = createEventIdGenerator({ now: () => clock, randomBytes: (n) => new Uint8Array(n).fill(7) });
  const make = (type: DossierEvent['type'], payload: unknown, atMs: number, officerId = 'officer-1') => {
    clock = atMs;
    return createEvent({ type, dossierCode: code, officerId, deskId: 'desk-1', unitId: unit.agencyId, payload } as never, { nextId, now: () => atMs });
  };
  const received = make(
    'RECEIVED',
    {
      procedureCode: '1.004222',
      procedureName: 'Đăng ký thường trú',
      field: 'Đăng ký, quản lý cư trú',
      statutoryTime: { kind: 'working-days', days: 7 },
      channel: 'in-person',
      applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678', address: 'Số 1 Hàng Bạc' },
      papers: [{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0 }],
      sets: 1,
      fee: { amount: 20000 },
      resultDelivery: 'desk',
      receivedAt: '2025-11-24T02:00:00.000Z',
      dueAt: '2025-12-03T02:00:00.000Z',
    },
    Date.parse('2025-11-24T02:00:00Z'),
  );
  return [received, ...more.map((event) => make(event.type, event.payload, event.atMs, event.officerId))];
}

describe('printed forms', () => {
  it('formats dates, times and statutory times the Vietnamese way', () => {
    const at = Date.parse('2025-11-24T07:05:00Z');
    expect(timeAndDate(at)).toBe('14 giờ 05 phút, ngày 24/11/2025');
    expect(placeDateLine('Phường Ba Đình', at)).toBe('Phường Ba Đình, ngày 24 tháng 11 năm 2025');
    expect(statutoryTimeText({ kind: 'working-days', days: 0.5 })).toBe('0,5 ngày làm việc');
    expect(statutoryTimeText({ kind: 'same-day', cutoff: '15:00' })).toContain('sau 15:00');
  });

  it('builds the receipt (Mẫu 01) with its two copies from the RECEIVED event', () => {
    const receipt = buildReceipt({ events: dossier(), unit, officerName: names, lookupUrl: `http://localhost:8080/tra-cuu?ma=${code}` });
    expect(receipt.copyLabels).toEqual(['Liên 1: Lưu', 'Liên 2: Giao người nộp']);
    expect(receipt.header.agency).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH']);
    expect(receipt.header.office).toEqual(['BỘ PHẬN TIẾP NHẬN', 'VÀ TRẢ KẾT QUẢ']);
    expect(receipt.header.placeDate).toBe('Phường Ba Đình, ngày 24 tháng 11 năm 2025');
    expect(receipt.dossierCode).toBe(code);
    expect(receipt.receivedAt).toBe('09 giờ 00 phút, ngày 24/11/2025');
    expect(receipt.appointmentAt).toBe('09 giờ 00 phút, ngày 03/12/2025');
    expect(receipt.statutoryTime).toBe('7 ngày làm việc');
    expect(receipt.fee).toEqual({ amount: 20000, text: '20.000 đ', words: 'Hai mươi nghìn đồng', note: null });
    expect(receipt.papers).toEqual([{ name: 'Tờ khai thay đổi thông tin cư trú', originals: 1, copies: 0, presentedOnly: false }]);
    expect(receipt.ledgerLine).toBe('1001');
    expect(receipt.receivingOfficer).toBe('Lê Văn Tiếp');
    expect(receipt.resultDelivery).toBe('Tại Bộ phận tiếp nhận và trả kết quả');
  });

  it('builds the notices from the event they answer', () => {
    const at = Date.parse('2025-11-25T03:00:00Z');
    const supplement = buildSupplementRequest({
      events: dossier({ type: 'SUPPLEMENT_REQUESTED', payload: { reason: 'Thiếu giấy tờ', items: ['Bản sao sổ hộ khẩu'] }, atMs: at }),
      unit,
      officerName: names,
    });
    expect(supplement.items).toEqual(['Bản sao sổ hộ khẩu']);
    expect(supplement.header.placeDate).toContain('ngày 25 tháng 11 năm 2025');
    expect(supplement.contact).toContain('Lê Văn Tiếp');

    const refusal = buildRefusal({ events: dossier({ type: 'REFUSED', payload: { reason: 'Không thuộc thẩm quyền' }, atMs: at }), unit, officerName: names });
    expect(refusal.reason).toBe('Không thuộc thẩm quyền');
    expect(refusal.title).toBe('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');

    const apology = buildApology({
      events: dossier(
        { type: 'TRANSFERRED', payload: { toUnitId: unit.agencyId, toOfficerId: 'officer-2' }, atMs: at },
        { type: 'ACCEPTED', payload: {}, atMs: at + 60_000, officerId: 'officer-2' },
        { type: 'EXTENDED', payload: { reason: 'Cần xác minh', responsibleUnit: 'Công an phường', newDueAt: '2025-12-05T02:00:00.000Z' }, atMs: at + 120_000 },
      ),
      unit,
      officerName: names,
    });
    expect(apology.originalAppointment).toBe('09 giờ 00 phút, ngày 03/12/2025');
    expect(apology.newAppointment).toBe('09 giờ 00 phút, ngày 05/12/2025');

    const stop = buildStopNotice({
      events: dossier(
        { type: 'TRANSFERRED', payload: { toUnitId: unit.agencyId }, atMs: at },
        { type: 'ACCEPTED', payload: {}, atMs: at + 60_000, officerId: 'officer-2' },
        { type: 'STOPPED', payload: { reason: 'Người nộp đề nghị dừng' }, atMs: at + 120_000 },
      ),
      unit,
      officerName: names,
    });
    expect(stop.reason).toBe('Người nộp đề nghị dừng');
  });

  it('refuses to build a notice the dossier has no event for', () => {
    expect(() => buildRefusal({ events: dossier(), unit, officerName: names })).toThrow('quyết định từ chối');
  });

  it('lists every hand-over on the process control slip with its result against the due date', () => {
    const slip = buildProcessControl({
      events: dossier(
        { type: 'TRANSFERRED', payload: { toUnitId: unit.agencyId, toOfficerId: 'officer-2' }, atMs: Date.parse('2025-11-24T03:00:00Z') },
        { type: 'ACCEPTED', payload: {}, atMs: Date.parse('2025-11-24T04:00:00Z'), officerId: 'officer-2' },
        { type: 'RESOLVED', payload: {}, atMs: Date.parse('2025-12-04T04:00:00Z'), officerId: 'officer-2' },
      ),
      unit,
      officerName: names,
    });
    expect(slip.rows.map((row) => row.step)).toEqual(['Tiếp nhận hồ sơ', 'Chuyển hồ sơ', 'Nhận xử lý', 'Có kết quả giải quyết']);
    expect(slip.rows[0]).toMatchObject({ giver: 'Nguyễn Văn An', receiver: 'Lê Văn Tiếp', result: '' });
    expect(slip.rows[1]).toMatchObject({ body: 'Phường Ba Đình', receiver: 'Phạm Thị Xử', result: 'Trước hạn' });
    expect(slip.rows[3]?.result).toBe('Quá hạn');
  });
});
