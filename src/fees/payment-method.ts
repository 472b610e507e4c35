/** How a citizen paid a fee or charge at the desk. */
export const paymentMethods = ['cash', 'bank-transfer', 'vietqr'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const paymentMethodLabels: Readonly<Record<PaymentMethod, string>> = {
  cash: 'Tiền mặt',
  'bank-transfer': 'Chuyển khoản',
  vietqr: 'VietQR',
};

/** The largest amount one fee receipt may carry: the RECEIVED fee's own ceiling. */
export const MAX_FEE_AMOUNT = 1_000_000_000;
