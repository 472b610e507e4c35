import { DomainError } from '../../errors.ts';
import type { DossierEvent } from '../../dossier/events.ts';
import { projectDossier } from '../../dossier/projection.ts';
import { amountInWords } from '../../fees/amount-in-words.ts';
import { formatDong } from '../../fees/format-dong.ts';
import { paymentMethodLabels } from '../../fees/payment-method.ts';
import { formatReceiptNumber, receiptKey, receiptLabel } from '../../fees/receipt-series.ts';
import { dossierLines, formHeader, receivedEventOf, timeAndDate } from './common.ts';
import { formNumberLabel } from './form-numbers.ts';
import type { FormHeader, FormUnit, OfficerNames } from './common.ts';

/**
 * Biên lai thu phí, lệ phí: the receipt of a fee or charge collected at the desk, one per number
 * of the desk's own series. A voided receipt prints with the void mark ("ĐÃ HỦY"), the reason,
 * who and when. `formNumber` names the template; the 2021 e-receipt rules (Decree 123/2020,
 * Circular 78/2021) give receipts a template symbol rather than a one-stop form number, and the
 * exact symbol for a paper receipt printed by the desk could not be confirmed: kept as data in the
 * shared form-number table (form-numbers.ts), like the one-stop forms'.
 */

export interface FeeReceiptModel {
  form: 'fee-receipt';
  formNumber: string;
  title: string;
  header: FormHeader;
  symbol: string;
  number: string;
  /** "BL26-Q1 số 0000007". */
  receiptLabel: string;
  dossierCode: string;
  procedureName: string;
  payerName: string;
  payerAddress: string | null;
  description: string;
  amount: number;
  amountText: string;
  amountWords: string;
  method: string;
  /** The VietQR text to print as a QR code, when paid by VietQR. */
  vietQr: string | null;
  issuedAt: string;
  officerName: string;
  voided: { reason: string; at: string; by: string } | null;
}

export interface FeeReceiptInput {
  events: readonly DossierEvent[];
  unit: FormUnit;
  officerName: OfficerNames;
  receipt: { symbol: string; number: number };
}

export function buildFeeReceipt(input: FeeReceiptInput): FeeReceiptModel {
  const received = receivedEventOf(input.events);
  const dossier = projectDossier(input.events);
  const found = dossier.feeReceipts.find((r) => receiptKey(r) === receiptKey(input.receipt));
  if (!found) {
    throw new DomainError('print.no_fee_receipt', `Hồ sơ không có biên lai ${receiptLabel(input.receipt)}: không thể in.`);
  }
  if (found.method === null) {
    throw new DomainError('print.fee_receipt_not_saved', `Số biên lai ${receiptLabel(found)} chỉ được giữ chỗ và đã hủy, không có biên lai để in.`);
  }
  const atMs = Date.parse(found.at);
  const lines = dossierLines(received);
  return {
    form: 'fee-receipt',
    formNumber: formNumberLabel('fee-receipt'),
    title: 'BIÊN LAI THU PHÍ, LỆ PHÍ',
    header: formHeader(input.unit, atMs),
    symbol: found.symbol,
    number: formatReceiptNumber(found.number),
    receiptLabel: receiptLabel(found),
    dossierCode: found.dossierCode,
    procedureName: lines.procedureName,
    payerName: found.payerName,
    payerAddress: received.payload.applicant.fullName === found.payerName ? lines.applicantAddress : null,
    description: found.description,
    amount: found.amount,
    amountText: formatDong(found.amount),
    amountWords: amountInWords(found.amount),
    method: paymentMethodLabels[found.method],
    vietQr: found.vietQr,
    issuedAt: timeAndDate(atMs),
    officerName: input.officerName(found.officerId),
    voided: found.voided ? { reason: found.voided.reason, at: timeAndDate(Date.parse(found.voided.at)), by: input.officerName(found.voided.officerId) } : null,
  };
}
