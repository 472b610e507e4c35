import { z } from 'zod';

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Thời điểm phải có dạng yyyy-MM-ddTHH:mm');

/** What the 80 mm reception receipt shows (Mẫu 01, short form for the citizen). */
export const thermalReceiptSchema = z.object({
  /** The issuing body as word groups ("ỦY BAN NHÂN DÂN", "PHƯỜNG BA ĐÌNH"): lines break between them only. */
  agencyGroups: z.array(z.string().min(1)).min(1).max(4),
  dossierCode: z.string().regex(/^[\x21-\x7e]{1,40}$/, 'Mã hồ sơ chỉ gồm ký tự ASCII in được'),
  applicantName: z.string().min(1),
  procedureName: z.string().min(1),
  /** Local wall-clock time of the desk, yyyy-MM-ddTHH:mm. */
  receivedAt: localDateTime,
  appointmentAt: localDateTime,
  papersCount: z.number().int().nonnegative(),
  /** Papers only shown at the desk and given back ("xuất trình"), by name. */
  presentedPapers: z.array(z.string().min(1)).max(100).optional(),
  feeVnd: z.number().int().nonnegative(),
  lookupUrl: z.url(),
  /** The receipt's entry in the dossier ledger, as the A4 receipt and the ledger print it (ledger-line.ts). */
  ledger: z
    .strictObject({
      /** "01/2026"; '' for a receipt stored before books existed. */
      book: z.string().regex(/^(\d{2}\/\d{4})?$/, 'Quyển số có dạng 01/2026'),
      line: z.string().regex(/^\d{1,6}$/, 'Số thứ tự là số'),
    })
    .optional(),
  /** A reprint, or a retry after a failure that may have printed: marked "BẢN SAO". */
  copy: z.boolean(),
});
export type ThermalReceipt = z.infer<typeof thermalReceiptSchema>;

/** 14:05 01/07/2025 — the field's order: time, then dd/MM/yyyy. */
export function formatDateTimeVi(localDateTimeText: string): string {
  const [date = '', time = ''] = localDateTimeText.split('T');
  const [year, month, day] = date.split('-');
  return `${time} ngày ${day}/${month}/${year}`;
}

/** 1.250.000 đồng; "Miễn phí" for zero. */
export function formatFeeVnd(amount: number): string {
  if (amount === 0) return 'Miễn phí';
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}
