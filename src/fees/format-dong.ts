import { DomainError } from '../errors.ts';

/** Throws unless `amount` is a whole, non-negative number of đồng within the safe integer range. */
export function assertDong(amount: number, what = 'Số tiền'): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new DomainError('fee.invalid-amount', `${what} phải là số nguyên không âm (đồng), nhận được: ${String(amount)}.`, undefined, {
      amount,
    });
  }
}

/** 200000 → '200.000 đ' (dot as thousands separator, as on Vietnamese receipts). */
export function formatDong(amount: number): string {
  assertDong(amount);
  return `${String(amount).replace(/\B(?=(\d{3})+$)/g, '.')} đ`;
}
