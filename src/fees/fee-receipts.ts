import type { DossierEvent, EventOf } from '../dossier/events.ts';
import { receiptKey, receiptLabel } from './receipt-series.ts';
import type { PaymentMethod } from './payment-method.ts';

/** A fee receipt of a dossier as its events tell it. */
export interface FeeReceipt {
  symbol: string;
  number: number;
  dossierCode: string;
  /** 0 for a number voided while only reserved (its receipt was never saved). */
  amount: number;
  method: PaymentMethod | null;
  description: string;
  payerName: string;
  vietQr: string | null;
  officerId: string;
  deskId: string;
  unitId: string;
  /** ISO instant of issue (or of the void, for a number voided while only reserved). */
  at: string;
  eventId: string;
  voided: { reason: string; officerId: string; at: string; reservedOnly: boolean } | null;
}

type FeeEvent = EventOf<'FEE_RECEIPT_ISSUED'> | EventOf<'FEE_RECEIPT_VOIDED'>;

export function isFeeEvent(event: DossierEvent): event is FeeEvent {
  return event.type === 'FEE_RECEIPT_ISSUED' || event.type === 'FEE_RECEIPT_VOIDED';
}

export interface FeeReceiptProblem {
  code: string;
  message: string;
}

/**
 * Why `event` cannot apply to the receipts recorded so far on its dossier, or null. A number is
 * issued once; only an issued receipt is voided (or a reserved number, `reservedOnly`, that no
 * receipt carries), and only once. The projection turns a problem into an anomaly, so the server
 * refuses the event with 409 and the desk never offers it.
 */
export function feeReceiptProblem(receipts: ReadonlyMap<string, FeeReceipt>, event: DossierEvent): FeeReceiptProblem | null {
  if (!isFeeEvent(event)) return null;
  const existing = receipts.get(receiptKey(event.payload));
  const label = receiptLabel(event.payload);
  if (event.type === 'FEE_RECEIPT_ISSUED') {
    if (existing) return { code: 'fee.receipt_number_taken', message: `Biên lai ${label} đã được cấp, không cấp lại số này.` };
    return null;
  }
  if (existing?.voided) return { code: 'fee.receipt_already_voided', message: `Biên lai ${label} đã bị hủy trước đó, không hủy lại.` };
  if (!existing && event.payload.reservedOnly !== true) {
    return { code: 'fee.receipt_unknown', message: `Hồ sơ ${event.dossierCode} không có biên lai ${label} để hủy.` };
  }
  if (existing && event.payload.reservedOnly === true) {
    return { code: 'fee.receipt_was_saved', message: `Biên lai ${label} đã được lưu: hủy biên lai đó, không hủy như số chỉ giữ chỗ.` };
  }
  return null;
}

/** Records an event that passed `feeReceiptProblem`. */
export function applyFeeEvent(receipts: Map<string, FeeReceipt>, event: DossierEvent): void {
  if (!isFeeEvent(event)) return;
  const key = receiptKey(event.payload);
  if (event.type === 'FEE_RECEIPT_ISSUED') {
    const p = event.payload;
    receipts.set(key, {
      symbol: p.symbol,
      number: p.number,
      dossierCode: event.dossierCode,
      amount: p.amount,
      method: p.method,
      description: p.description,
      payerName: p.payer.fullName,
      vietQr: p.vietQr ?? null,
      officerId: event.officerId,
      deskId: event.deskId,
      unitId: event.unitId,
      at: event.at,
      eventId: event.id,
      voided: null,
    });
    return;
  }
  const voided = { reason: event.payload.reason, officerId: event.officerId, at: event.at, reservedOnly: event.payload.reservedOnly === true };
  const existing = receipts.get(key);
  if (existing) {
    receipts.set(key, { ...existing, voided });
    return;
  }
  receipts.set(key, {
    symbol: event.payload.symbol,
    number: event.payload.number,
    dossierCode: event.dossierCode,
    amount: 0,
    method: null,
    description: '',
    payerName: '',
    vietQr: null,
    officerId: event.officerId,
    deskId: event.deskId,
    unitId: event.unitId,
    at: event.at,
    eventId: event.id,
    voided,
  });
}
