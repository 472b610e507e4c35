/** National status codes of the public-service portal (domain.md), one-to-one. */
export const DossierStatus = {
  New: 1,
  Received: 2,
  Refused: 3,
  InProcessing: 4,
  SupplementRequested: 5,
  FinancialObligationPending: 6,
  Withdrawn: 7,
  Stopped: 8,
  Resolved: 9,
  Returned: 10,
} as const;
export type DossierStatus = (typeof DossierStatus)[keyof typeof DossierStatus];

export const statusLabels: Readonly<Record<DossierStatus, string>> = {
  1: 'Mới',
  2: 'Đã tiếp nhận',
  3: 'Từ chối',
  4: 'Đang giải quyết',
  5: 'Yêu cầu bổ sung',
  6: 'Chờ thực hiện nghĩa vụ tài chính',
  7: 'Rút hồ sơ',
  8: 'Dừng giải quyết',
  9: 'Đã giải quyết',
  10: 'Đã trả kết quả',
};
