import { z } from 'zod';
import { agencyIdSchema } from '../dossier/events.ts';
import { isDeskVerifier } from './desk-verifier.ts';

export const officerRoleSchema = z.enum(['reception', 'processing', 'leader', 'admin']);
export type OfficerRole = z.infer<typeof officerRoleSchema>;

export const officerRoleLabels: Readonly<Record<OfficerRole, string>> = {
  reception: 'Cán bộ tiếp nhận',
  processing: 'Cán bộ thụ lý',
  leader: 'Lãnh đạo',
  admin: 'Quản trị viên',
};

/** Usernames compare case-insensitively; stored lower-case. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới');

export const officerSchema = z.strictObject({
  id: z.string().trim().min(1).max(64),
  /** Agency id of the officer's unit. */
  unitId: agencyIdSchema,
  fullName: z.string().trim().normalize('NFC').min(1, 'Nhập họ và tên').max(200),
  username: usernameSchema,
  role: officerRoleSchema,
  /**
   * What a typed password is checked against, never the password: an argon2id PHC verifier for an
   * officer created on this desk (password-verifier.ts), a desk verifier for a provincial officer
   * (desk-verifier.ts), or null for a provincial officer not allowed to log in on this desk.
   */
  verifier: z
    .string()
    .refine((text) => text.startsWith('$argon2id$') || isDeskVerifier(text), 'Mã kiểm tra mật khẩu không đúng dạng')
    .nullable(),
  active: z.boolean(),
});
export type Officer = z.infer<typeof officerSchema>;

/** What the rest of the app may see of an officer: everything but the verifier. */
export type OfficerProfile = Omit<Officer, 'verifier'>;

export function officerProfile(officer: Officer): OfficerProfile {
  const { verifier: _verifier, ...profile } = officer;
  return profile;
}
