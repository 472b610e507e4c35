import { z } from 'zod';
import { officerRoleSchema, usernameSchema } from '../../../src/auth/officer.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../../src/auth/password-verifier.ts';
import { normalizePersonName } from '../../../src/people/person-name.ts';

const passwordLength = (value: string) => [...value.normalize('NFC')].length;

/** The add-officer form, checked with the domain's rules before the password is hashed. */
export const officerFormSchema = z
  .object({
    fullName: z.string().transform((value, context) => {
      const name = normalizePersonName(value);
      if (name.ok) return name.value;
      context.addIssue({ code: 'custom', message: name.error.message });
      return z.NEVER;
    }),
    username: z.string().pipe(usernameSchema),
    role: officerRoleSchema,
    password: z
      .string()
      .refine((value) => passwordLength(value) >= MIN_PASSWORD_LENGTH, `Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự`)
      .refine((value) => passwordLength(value) <= MAX_PASSWORD_LENGTH, `Mật khẩu không được dài quá ${MAX_PASSWORD_LENGTH} ký tự`),
    passwordAgain: z.string(),
  })
  .refine((values) => values.password === values.passwordAgain, { path: ['passwordAgain'], message: 'Hai lần nhập mật khẩu không khớp' });

export type OfficerFormInput = z.input<typeof officerFormSchema>;
export type OfficerFormValues = z.output<typeof officerFormSchema>;

export const EMPTY_OFFICER_FORM: OfficerFormInput = { fullName: '', username: '', role: 'reception', password: '', passwordAgain: '' };
