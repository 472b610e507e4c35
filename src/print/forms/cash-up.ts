import type { CashUp } from '../../fees/cash-up.ts';
import { amountInWords } from '../../fees/amount-in-words.ts';
import { formatDong } from '../../fees/format-dong.ts';
import { paymentMethodLabels, paymentMethods } from '../../fees/payment-method.ts';
import { receiptLabel } from '../../fees/receipt-series.ts';
import { formatTime } from '../../time/vn-time.ts';
import { formHeader, type FormHeader, type FormUnit, type OfficerNames } from './common.ts';

export interface CashUpLine {
  /** 1, 2, 3… in number order. */
  index: number;
  receiptLabel: string;
  dossierCode: string;
  payerName: string;
  time: string;
  /** "Tiền mặt"…; "Số giữ chỗ" for a number voided before its receipt was saved. */
  method: string;
  amountText: string;
  /** "Đã hủy: <reason>" for a voided receipt (listed, never summed). */
  voidNote: string | null;
}

export interface CashUpModel {
  form: 'cash-up';
  title: string;
  header: FormHeader;
  officerName: string;
  /** "ngày dd/MM/yyyy". */
  dateText: string;
  lines: CashUpLine[];
  byMethod: { method: string; amountText: string }[];
  totalText: string;
  totalWords: string;
  count: number;
  voidedCount: number;
  /** Người lập bảng kê, thủ quỹ / kế toán, lãnh đạo: left to right. */
  signatures: { role: string; name?: string }[];
}

export interface CashUpInput {
  cashUp: CashUp;
  unit: FormUnit;
  officerName: OfficerNames;
  /** When the sheet is drawn up (its place-and-date line). */
  atMs: number;
}

/**
 * Bảng kê thu tiền phí, lệ phí: one officer's receipts of one day, each listed (a voided one with
 * its mark and reason, not summed), the totals by method and in words, and the three signatures
 * the money passes through. The figures are `cashUp`'s, the same on the desk and the server.
 */
export function buildCashUp(input: CashUpInput): CashUpModel {
  const { cashUp, unit, officerName } = input;
  const officer = officerName(cashUp.officerId);
  return {
    form: 'cash-up',
    title: 'BẢNG KÊ THU TIỀN PHÍ, LỆ PHÍ',
    header: formHeader(unit, input.atMs),
    officerName: officer,
    dateText: `ngày ${cashUp.date.slice(8, 10)}/${cashUp.date.slice(5, 7)}/${cashUp.date.slice(0, 4)}`,
    lines: cashUp.receipts.map((receipt, i) => ({
      index: i + 1,
      receiptLabel: receiptLabel(receipt),
      dossierCode: receipt.dossierCode,
      payerName: receipt.payerName,
      time: formatTime(Date.parse(receipt.at)),
      method: receipt.method ? paymentMethodLabels[receipt.method] : 'Số giữ chỗ',
      amountText: receipt.method ? formatDong(receipt.amount) : '—',
      voidNote: receipt.voided ? `Đã hủy: ${receipt.voided.reason}` : null,
    })),
    byMethod: paymentMethods.map((method) => ({ method: paymentMethodLabels[method], amountText: formatDong(cashUp.totals.byMethod[method]) })),
    totalText: formatDong(cashUp.totals.total),
    totalWords: amountInWords(cashUp.totals.total),
    count: cashUp.totals.count,
    voidedCount: cashUp.totals.voidedCount,
    signatures: [{ role: 'NGƯỜI LẬP BẢNG KÊ', name: officer }, { role: 'THỦ QUỸ / KẾ TOÁN' }, { role: 'LÃNH ĐẠO ĐƠN VỊ' }],
  };
}
