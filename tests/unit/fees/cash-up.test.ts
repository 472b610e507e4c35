import { describe, expect, it } from 'vitest';
import type { PayloadInput } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { cashUp, cashUpsIn, officersWithReceipts } from '../../../src/fees/cash-up.ts';
import { buildCashUp } from '../../../src/print/forms/cash-up.ts';
import { DAY, eventFactory, MINUTE, receivedPayload, START } from '../dossier/fixtures.ts';

const unit = { unitName: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: '000.00.12.H23' };
const issued = (number: number, amount: number, method: 'cash' | 'bank-transfer' | 'vietqr'): PayloadInput<'FEE_RECEIPT_ISSUED'> => ({
  symbol: 'BL25-Q1',
  number,
  amount,
  description: 'Lệ phí đăng ký khai sinh',
  method,
  payer: { fullName: 'Nguyễn Văn An' },
});

/** Officer A: cash 8.000, VietQR 25.000, transfer 100.000 voided, number 4 reserved and voided; officer B: cash 5.000; next day A: cash 8.000. */
function receipts() {
  const f = eventFactory();
  const received = f.make('RECEIVED', receivedPayload());
  const events = [received];
  const next = (event: (typeof events)[number] | ReturnType<typeof f.make>) => {
    f.advance(MINUTE);
    events.push(event as typeof received);
  };
  next(f.make('FEE_RECEIPT_ISSUED', issued(1, 8000, 'cash')));
  next(f.make('FEE_RECEIPT_ISSUED', issued(2, 25000, 'vietqr')));
  next(f.make('FEE_RECEIPT_ISSUED', issued(3, 100000, 'bank-transfer')));
  next(f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 3, reason: 'Thu nhầm số tiền' }));
  next(f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 4, reason: 'Mất điện khi in', reservedOnly: true }));
  next(f.make('FEE_RECEIPT_ISSUED', issued(5, 5000, 'cash'), { officerId: 'cb.khac' }));
  f.advance(DAY);
  next(f.make('FEE_RECEIPT_ISSUED', issued(6, 8000, 'cash')));
  return { officerId: received.officerId, feeReceipts: projectDossier(events).feeReceipts };
}

const day = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);

describe('cash-up (bảng kê thu tiền)', () => {
  it('groups every receipt of a period into exactly one cash-up per officer and day', () => {
    const { officerId, feeReceipts } = receipts();
    const ups = cashUpsIn(feeReceipts, day(START), day(START + DAY));
    expect(ups.map((u) => [u.date, u.officerId, u.receipts.map((r) => r.number), u.totals.total])).toEqual([
      [day(START), 'cb.khac', [5], 5000],
      [day(START), officerId, [1, 2, 3, 4], 33000],
      [day(START + DAY), officerId, [6], 8000],
    ]);
    expect(ups.flatMap((u) => u.receipts).length).toBe(feeReceipts.length);
    expect(cashUpsIn(feeReceipts, day(START + DAY), day(START + DAY)).length).toBe(1);
    expect(officersWithReceipts(feeReceipts, day(START))).toEqual(['cb.khac', officerId].sort());
  });

  it('prints every receipt, voided ones marked and not summed, totals by method and in words, three signatures', () => {
    const { officerId, feeReceipts } = receipts();
    const model = buildCashUp({
      cashUp: cashUp(feeReceipts, officerId, day(START)),
      unit,
      officerName: (id) => (id === officerId ? 'Trần Thị Bình' : id),
      atMs: START + 9 * 3600_000,
    });
    expect(model.title).toBe('BẢNG KÊ THU TIỀN PHÍ, LỆ PHÍ');
    expect(model.dateText).toBe(`ngày ${day(START).slice(8, 10)}/${day(START).slice(5, 7)}/${day(START).slice(0, 4)}`);
    expect(model.lines.map((l) => [l.index, l.receiptLabel, l.method, l.amountText, l.voidNote])).toEqual([
      [1, 'BL25-Q1 số 0000001', 'Tiền mặt', '8.000 đ', null],
      [2, 'BL25-Q1 số 0000002', 'VietQR', '25.000 đ', null],
      [3, 'BL25-Q1 số 0000003', 'Chuyển khoản', '100.000 đ', 'Đã hủy: Thu nhầm số tiền'],
      [4, 'BL25-Q1 số 0000004', 'Số giữ chỗ', '—', 'Đã hủy: Mất điện khi in'],
    ]);
    expect(model.byMethod).toEqual([
      { method: 'Tiền mặt', amountText: '8.000 đ' },
      { method: 'Chuyển khoản', amountText: '0 đ' },
      { method: 'VietQR', amountText: '25.000 đ' },
    ]);
    expect([model.totalText, model.totalWords, model.count, model.voidedCount]).toEqual(['33.000 đ', 'Ba mươi ba nghìn đồng', 2, 2]);
    expect(model.signatures.map((s) => s.role)).toEqual(['NGƯỜI LẬP BẢNG KÊ', 'THỦ QUỸ / KẾ TOÁN', 'LÃNH ĐẠO ĐƠN VỊ']);
    expect(model.signatures[0]?.name).toBe('Trần Thị Bình');
    expect(model.header.agency.join(' ')).toContain('BA ĐÌNH');
  });
});
