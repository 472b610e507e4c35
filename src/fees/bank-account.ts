import { z } from 'zod';

/**
 * The bank account a unit collects fees into (transfer, VietQR): configured on the provincial
 * server and sent to desks with the unit's reference document, so a desk prints it offline.
 */
export const unitBankAccountSchema = z.strictObject({
  bankBin: z.string().trim().regex(/^\d{6}$/, 'Mã BIN ngân hàng gồm đúng 6 chữ số (ví dụ 970415)'),
  accountNumber: z.string().trim().regex(/^[0-9A-Za-z]{1,19}$/, 'Số tài khoản chỉ gồm chữ số hoặc chữ cái không dấu, tối đa 19 ký tự'),
  accountName: z.string().trim().normalize('NFC').min(1, 'Thiếu tên chủ tài khoản').max(200),
});
export type UnitBankAccount = z.infer<typeof unitBankAccountSchema>;

/** What a desk reads of its unit's reference document for fees. */
export const unitWithAccountSchema = z.object({ id: z.string(), bankAccount: unitBankAccountSchema.optional() }).loose();
