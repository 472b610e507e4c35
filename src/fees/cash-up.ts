import { localDateOf } from '../time/vn-time.ts';
import type { FeeReceipt } from './fee-receipts.ts';
import { paymentMethods, type PaymentMethod } from './payment-method.ts';

/** Amounts by payment method; voided receipts are never in them. */
export type MethodTotals = Readonly<Record<PaymentMethod, number>>;

export interface FeeTotals {
  byMethod: MethodTotals;
  total: number;
  /** Receipts counted (not voided). */
  count: number;
  /** Receipts and reserved numbers voided. */
  voidedCount: number;
}

const zero = (): Record<PaymentMethod, number> => ({ cash: 0, 'bank-transfer': 0, vietqr: 0 });

/** Sums receipts by method, leaving voided ones out (they are only counted). */
export function feeTotals(receipts: readonly FeeReceipt[]): FeeTotals {
  const byMethod = zero();
  let count = 0;
  let voidedCount = 0;
  for (const receipt of receipts) {
    if (receipt.voided) {
      voidedCount += 1;
      continue;
    }
    if (receipt.method === null) continue;
    byMethod[receipt.method] += receipt.amount;
    count += 1;
  }
  return { byMethod, total: paymentMethods.reduce((sum, method) => sum + byMethod[method], 0), count, voidedCount };
}

export interface CashUp {
  officerId: string;
  /** 'YYYY-MM-DD', Vietnam time. */
  date: string;
  /** Every receipt the officer issued that day (and numbers they voided while only reserved), in number order. */
  receipts: FeeReceipt[];
  totals: FeeTotals;
}

/**
 * Bảng kê thu tiền: one officer's receipts of one day by method. A receipt counts on the day it
 * was issued, by the officer who issued it; a voided one is listed with its mark and not summed,
 * whenever it was voided. Derived from the fee events alone, so desk and server agree.
 */
export function cashUp(receipts: readonly FeeReceipt[], officerId: string, date: string): CashUp {
  const mine = receipts
    .filter((r) => r.officerId === officerId && localDateOf(Date.parse(r.at)) === date)
    .sort((a, b) => (a.symbol === b.symbol ? a.number - b.number : a.symbol < b.symbol ? -1 : 1));
  return { officerId, date, receipts: mine, totals: feeTotals(mine) };
}

/** Receipts issued within [from, to] (Vietnam dates, inclusive): the period of a report. */
export function receiptsIn(receipts: readonly FeeReceipt[], from: string, to: string): FeeReceipt[] {
  return receipts.filter((r) => {
    const date = localDateOf(Date.parse(r.at));
    return date >= from && date <= to;
  });
}

/**
 * Every officer's cash-up of every day within [from, to] that has a receipt (or a voided number),
 * by date then officer: the leaders' cash-up section. Each receipt is in exactly one of them.
 */
export function cashUpsIn(receipts: readonly FeeReceipt[], from: string, to: string): CashUp[] {
  const keys = new Map<string, { officerId: string; date: string }>();
  for (const receipt of receiptsIn(receipts, from, to)) {
    const date = localDateOf(Date.parse(receipt.at));
    keys.set(`${date}|${receipt.officerId}`, { officerId: receipt.officerId, date });
  }
  return [...keys.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, key]) => cashUp(receipts, key.officerId, key.date));
}

/** The officers who issued a receipt on `date`: whose cash-up the desk can print for that day. */
export function officersWithReceipts(receipts: readonly FeeReceipt[], date: string): string[] {
  return [...new Set(receiptsIn(receipts, date, date).map((r) => r.officerId))].sort();
}
