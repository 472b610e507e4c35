import { DomainError } from '../errors.ts';

/**
 * Fee receipt numbers (biên lai thu phí, lệ phí). Desks issue receipts offline, so, as with the
 * dossier codes, the series is partitioned by the desk's slot: the book symbol (ký hiệu) names the
 * year and the slot (`BL26-Q1`: 2026, desk 1) and each symbol has its own 7-digit number. Two
 * desks of one unit never share a symbol, so they never issue the same receipt; the server keeps
 * (unit, symbol, number) unique and refuses a second one loudly.
 *
 * A number is reserved durably before it is printed and settled once its receipt event is saved
 * (`reserve`, `settle`): a crash in between leaves the reservation open, so the number is never
 * issued again and shows up as "reserved, not saved" until it is voided.
 */

export const FEE_RECEIPT_SYMBOL = /^BL\d{2}-Q[1-9]$/;
export const FEE_RECEIPT_NUMBER_MAX = 9_999_999;

export function receiptSymbol(year: number, slot: number): string {
  if (!Number.isInteger(slot) || slot < 1 || slot > 9) {
    throw new DomainError('fee.bad_slot', `Số quầy phải từ 1 đến 9 (nhận được ${String(slot)}).`);
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2099) {
    throw new DomainError('fee.bad_year', `Năm của quyển biên lai không hợp lệ (${String(year)}).`);
  }
  return `BL${String(year % 100).padStart(2, '0')}-Q${slot}`;
}

export function formatReceiptNumber(number: number): string {
  return String(number).padStart(7, '0');
}

/** `BL26-Q1 số 0000007`: how a receipt is named on screens and in messages. */
export function receiptLabel(ref: { symbol: string; number: number }): string {
  return `${ref.symbol} số ${formatReceiptNumber(ref.number)}`;
}

/** A stable key for one receipt of a unit. */
export function receiptKey(ref: { symbol: string; number: number }): string {
  return `${ref.symbol}/${formatReceiptNumber(ref.number)}`;
}

export interface Reservation {
  symbol: string;
  number: number;
  dossierCode: string;
  amount: number;
  officerId: string;
  /** ISO instant of the reservation. */
  at: string;
}

/** What a desk keeps of its series: the last number of each symbol and the reservations not yet settled. */
export interface ReceiptSeriesState {
  last: Readonly<Record<string, number>>;
  open: readonly Reservation[];
}

export const EMPTY_SERIES: ReceiptSeriesState = { last: {}, open: [] };

/** The next number of `symbol`, reserved for one dossier; the caller stores the new state before printing. */
export function reserve(state: ReceiptSeriesState, request: Omit<Reservation, 'number'>): { state: ReceiptSeriesState; reservation: Reservation } {
  const number = (state.last[request.symbol] ?? 0) + 1;
  if (number > FEE_RECEIPT_NUMBER_MAX) {
    throw new DomainError('fee.series_full', `Quyển biên lai ${request.symbol} đã hết số.`);
  }
  const reservation: Reservation = { ...request, number };
  return { state: { last: { ...state.last, [request.symbol]: number }, open: [...state.open, reservation] }, reservation };
}

/** The reservation is done with: its receipt was saved, or its number was voided. */
export function settle(state: ReceiptSeriesState, ref: { symbol: string; number: number }): ReceiptSeriesState {
  return { last: state.last, open: state.open.filter((r) => r.symbol !== ref.symbol || r.number !== ref.number) };
}

/** Raises the series past numbers seen elsewhere (e.g. events of this desk pulled back after a reinstall). */
export function raiseTo(state: ReceiptSeriesState, ref: { symbol: string; number: number }): ReceiptSeriesState {
  if ((state.last[ref.symbol] ?? 0) >= ref.number) return state;
  return { last: { ...state.last, [ref.symbol]: ref.number }, open: state.open };
}
