import { describe, expect, it } from 'vitest';
import { roleMayRecord } from '../../../src/auth/role-permissions.ts';
import { parseEvent, type PayloadInput } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { allowedActions, applyTransition } from '../../../src/dossier/state-machine.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { cashUp, feeTotals } from '../../../src/fees/cash-up.ts';
import { EMPTY_SERIES, receiptSymbol, reserve, settle, raiseTo } from '../../../src/fees/receipt-series.ts';
import { buildFeeReceipt } from '../../../src/print/forms/fee-receipt.ts';
import { FORM_NUMBERS, formNumberLabel } from '../../../src/print/forms/form-numbers.ts';
import { eventFactory, MINUTE, receivedPayload, START } from '../dossier/fixtures.ts';

const issued = (number: number, overrides: Partial<PayloadInput<'FEE_RECEIPT_ISSUED'>> = {}): PayloadInput<'FEE_RECEIPT_ISSUED'> => ({
  symbol: 'BL25-Q1',
  number,
  amount: 8000,
  description: 'Lệ phí đăng ký khai sinh',
  method: 'cash',
  payer: { fullName: 'Nguyễn Văn An' },
  ...overrides,
});

describe('fee receipt events', () => {
  it('refuses a negative, fractional, zero or too large amount, an empty void reason and an unknown method, in Vietnamese', () => {
    const f = eventFactory();
    const envelope = JSON.parse(JSON.stringify(f.make('FEE_RECEIPT_ISSUED', issued(1)))) as Record<string, unknown>;
    const withPayload = (payload: unknown) => parseEvent({ ...envelope, payload });
    for (const [amount, message] of [
      [-8000, 'Số tiền thu phải lớn hơn 0'],
      [0, 'Số tiền thu phải lớn hơn 0'],
      [8000.5, 'Số tiền phải là số nguyên (đồng)'],
      [1_000_000_001, 'Số tiền thu vượt mức tối đa của một biên lai'],
    ] as const) {
      const result = withPayload(issued(1, { amount }));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(message);
    }
    const method = withPayload({ ...issued(1), method: 'card' });
    expect(!method.ok && method.error.message).toContain('Hình thức thanh toán');
    const voidEnvelope = JSON.parse(JSON.stringify(f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 1, reason: 'Nhầm' }))) as Record<string, unknown>;
    const noReason = parseEvent({ ...voidEnvelope, payload: { symbol: 'BL25-Q1', number: 1, reason: '   ' } });
    expect(!noReason.ok && noReason.error.path).toEqual(['payload', 'reason']);
    const badSymbol = parseEvent({ ...voidEnvelope, payload: { symbol: 'X1', number: 1, reason: 'Nhầm' } });
    expect(!badSymbol.ok && badSymbol.error.message).toContain('Ký hiệu biên lai');
  });

  it('issues, voids once, and refuses a second void, a reissued number and a void of an unknown receipt', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload({ fee: { amount: 8000 } }));
    f.advance(MINUTE);
    const first = f.make('FEE_RECEIPT_ISSUED', issued(1));
    f.advance(MINUTE);
    const voided = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 1, reason: 'Thu nhầm số tiền' });
    f.advance(MINUTE);
    const again = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 1, reason: 'Hủy lần nữa' });
    f.advance(MINUTE);
    const reissued = f.make('FEE_RECEIPT_ISSUED', issued(1, { amount: 9000 }));
    f.advance(MINUTE);
    const unknown = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 5, reason: 'Không có' });
    const state = projectDossier([received, first, voided, again, reissued, unknown]);
    expect(state.anomalies.map((a) => [a.eventId, a.code])).toEqual([
      [again.id, 'fee.receipt_already_voided'],
      [reissued.id, 'fee.receipt_number_taken'],
      [unknown.id, 'fee.receipt_unknown'],
    ]);
    expect(state.anomalies[0]?.message).toBe('Biên lai BL25-Q1 số 0000001 đã bị hủy trước đó, không hủy lại.');
    expect(state.feeReceipts).toHaveLength(1);
    expect(state.feeReceipts[0]).toMatchObject({ amount: 8000, voided: { reason: 'Thu nhầm số tiền' } });
  });

  it('takes no receipt on a refused, withdrawn, stopped or returned dossier, but still voids there', () => {
    for (const status of [DossierStatus.Refused, DossierStatus.Withdrawn, DossierStatus.Stopped, DossierStatus.Returned]) {
      const result = applyTransition(status, { type: 'FEE_RECEIPT_ISSUED' });
      expect(!result.ok && result.error.message).toMatch(/^Không thể "Thu phí, lệ phí" khi hồ sơ đang ở trạng thái/);
      expect(allowedActions(status)).toContain('FEE_RECEIPT_VOIDED');
    }
    expect(allowedActions(DossierStatus.Resolved)).toContain('FEE_RECEIPT_ISSUED');
  });

  it('lets reception, leaders and administrators collect and void, never processing officers', () => {
    for (const type of ['FEE_RECEIPT_ISSUED', 'FEE_RECEIPT_VOIDED'] as const) {
      expect(roleMayRecord('reception', type)).toBe(true);
      expect(roleMayRecord('leader', type)).toBe(true);
      expect(roleMayRecord('admin', type)).toBe(true);
      expect(roleMayRecord('processing', type)).toBe(false);
    }
  });

  it('voids a reserved number that was never saved, once, and never as a saved receipt', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    f.advance(MINUTE);
    const reservedVoid = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 2, reason: 'Mất điện khi in', reservedOnly: true });
    f.advance(MINUTE);
    const saved = f.make('FEE_RECEIPT_ISSUED', issued(3));
    f.advance(MINUTE);
    const wrong = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 3, reason: 'x', reservedOnly: true });
    const state = projectDossier([received, reservedVoid, saved, wrong]);
    expect(state.anomalies.map((a) => a.code)).toEqual(['fee.receipt_was_saved']);
    expect(feeTotals(state.feeReceipts)).toEqual({ byMethod: { cash: 8000, 'bank-transfer': 0, vietqr: 0 }, total: 8000, count: 1, voidedCount: 1 });
  });

  it('prints the void mark data, the amount in words and the method', () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload({ fee: { amount: 25000 } }));
    f.advance(MINUTE);
    const receipt = f.make('FEE_RECEIPT_ISSUED', issued(7, { amount: 25000, method: 'vietqr', vietQr: '00020101021238570010A000000727' }));
    f.advance(MINUTE);
    const voided = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 7, reason: 'Công dân chuyển khoản hai lần' });
    const unit = { unitName: 'Phường Ba Đình', provinceName: 'Thành phố Hà Nội', agencyId: '000.00.12.H23' };
    const model = buildFeeReceipt({ events: [received, receipt, voided], unit, officerName: () => 'Nguyễn Thị Lan', receipt: { symbol: 'BL25-Q1', number: 7 } });
    expect(model).toMatchObject({
      number: '0000007',
      amountText: '25.000 đ',
      amountWords: 'Hai mươi lăm nghìn đồng',
      method: 'VietQR',
      vietQr: '00020101021238570010A000000727',
      voided: { reason: 'Công dân chuyển khoản hai lần', by: 'Nguyễn Thị Lan' },
    });
    // From the shared form-number table, like every other printed form.
    expect(FORM_NUMBERS['fee-receipt'].title).toBe('Biên lai thu phí, lệ phí');
    expect(model.formNumber).toBe(formNumberLabel('fee-receipt'));
    expect(model.formNumber).toBe('Mẫu số 01BLP0-001');
  });
});

describe('receipt series', () => {
  it('partitions by desk and year, reserves before saving and never reuses a reserved number', () => {
    expect(receiptSymbol(2026, 1)).toBe('BL26-Q1');
    expect(receiptSymbol(2026, 2)).not.toBe(receiptSymbol(2026, 1));
    const request = { symbol: 'BL26-Q1', dossierCode: '000.00.12.H23-261207-1001', amount: 8000, officerId: 'lan', at: '2026-12-07T02:00:00.000Z' };
    const a = reserve(EMPTY_SERIES, request);
    const b = reserve(a.state, request);
    expect([a.reservation.number, b.reservation.number]).toEqual([1, 2]);
    // Settling (saved or voided) closes the reservation but never lowers the series.
    const settled = settle(b.state, b.reservation);
    expect(settled.open.map((r) => r.number)).toEqual([1]);
    expect(reserve(settled, request).reservation.number).toBe(3);
    expect(reserve(raiseTo(settled, { symbol: 'BL26-Q1', number: 40 }), request).reservation.number).toBe(41);
  });
});

describe('cash-up', () => {
  it("lists an officer's receipts of a day, voided ones marked and left out of the totals", () => {
    const f = eventFactory();
    const received = f.make('RECEIVED', receivedPayload());
    f.advance(MINUTE);
    const cash = f.make('FEE_RECEIPT_ISSUED', issued(1));
    f.advance(MINUTE);
    const qr = f.make('FEE_RECEIPT_ISSUED', issued(2, { amount: 25000, method: 'vietqr' }));
    f.advance(MINUTE);
    const other = f.make('FEE_RECEIPT_ISSUED', issued(3, { amount: 5000 }), { officerId: 'cb.khac' });
    f.advance(MINUTE);
    const voidedCash = f.make('FEE_RECEIPT_ISSUED', issued(4, { amount: 100000 }));
    f.advance(MINUTE);
    const voidIt = f.make('FEE_RECEIPT_VOIDED', { symbol: 'BL25-Q1', number: 4, reason: 'Nhầm' });
    f.advance(2 * 24 * 60 * MINUTE);
    const nextDay = f.make('FEE_RECEIPT_ISSUED', issued(5));
    const { feeReceipts } = projectDossier([received, cash, qr, other, voidedCash, voidIt, nextDay]);
    const officer = cash.officerId;
    const today = new Date(START + 7 * 3600_000).toISOString().slice(0, 10);
    const result = cashUp(feeReceipts, officer, today);
    expect(result.receipts.map((r) => [r.number, r.voided !== null])).toEqual([
      [1, false],
      [2, false],
      [4, true],
    ]);
    expect(result.totals).toEqual({ byMethod: { cash: 8000, 'bank-transfer': 0, vietqr: 25000 }, total: 33000, count: 2, voidedCount: 1 });
  });
});
