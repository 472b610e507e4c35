import { z } from 'zod';
import { feeRuleSchema } from '../fees/fee-rule.ts';
import { statutoryTimeSchema } from './statutory-time.ts';
import { vietnameseTextSchema } from './vietnamese-text.ts';

/**
 * Linked procedure groups (liên thông, Decree 63/2024/NĐ-CP): one reception, one dossier per
 * component procedure, each sent to the unit competent for it. The data the citizen gives once is
 * kept under these keys; each component carries only the keys it needs, and some keys are the
 * result of another component (the birth registration number feeds the residence registration).
 */
export const linkedFieldKeys = [
  // Birth group: the child, the parents, where the child will live, the health insurance card.
  'childName',
  'childBirthDate',
  'childSex',
  'childBirthPlace',
  'motherName',
  'motherCitizenId',
  'fatherName',
  'fatherCitizenId',
  // Death group: the deceased.
  'deceasedName',
  'deceasedBirthDate',
  'deceasedCitizenId',
  'deathDate',
  'deathPlace',
  'socialInsuranceCode',
  // Both.
  'residenceAddress',
  'healthcareProvider',
  // Results of a component that another one needs.
  'birthRegistrationNumber',
  'personalId',
  'deathRegistrationNumber',
] as const;
export const linkedFieldKeySchema = z.enum(linkedFieldKeys);
export type LinkedFieldKey = z.infer<typeof linkedFieldKeySchema>;

/** How a value is entered and checked. */
export type LinkedFieldFormat = 'text' | 'date' | 'citizen-id' | 'sex' | 'social-insurance-code' | 'register-number';

export interface LinkedFieldSpec {
  label: string;
  format: LinkedFieldFormat;
  /** Kept encrypted on the desk like the applicant's personal data. */
  personal: boolean;
}

export const linkedFieldSpecs: Readonly<Record<LinkedFieldKey, LinkedFieldSpec>> = {
  childName: { label: 'Họ, chữ đệm và tên của trẻ', format: 'text', personal: false },
  childBirthDate: { label: 'Ngày sinh của trẻ', format: 'date', personal: true },
  childSex: { label: 'Giới tính của trẻ', format: 'sex', personal: false },
  childBirthPlace: { label: 'Nơi sinh của trẻ', format: 'text', personal: true },
  motherName: { label: 'Họ và tên người mẹ', format: 'text', personal: false },
  motherCitizenId: { label: 'Số định danh cá nhân của người mẹ', format: 'citizen-id', personal: true },
  fatherName: { label: 'Họ và tên người cha', format: 'text', personal: false },
  fatherCitizenId: { label: 'Số định danh cá nhân của người cha', format: 'citizen-id', personal: true },
  deceasedName: { label: 'Họ và tên người chết', format: 'text', personal: false },
  deceasedBirthDate: { label: 'Ngày sinh của người chết', format: 'date', personal: true },
  deceasedCitizenId: { label: 'Số định danh cá nhân của người chết', format: 'citizen-id', personal: true },
  deathDate: { label: 'Ngày chết', format: 'date', personal: true },
  deathPlace: { label: 'Nơi chết', format: 'text', personal: true },
  socialInsuranceCode: { label: 'Mã số bảo hiểm xã hội của người chết', format: 'social-insurance-code', personal: true },
  residenceAddress: { label: 'Nơi thường trú', format: 'text', personal: true },
  healthcareProvider: { label: 'Nơi đăng ký khám bệnh, chữa bệnh ban đầu', format: 'text', personal: false },
  birthRegistrationNumber: { label: 'Số đăng ký khai sinh', format: 'register-number', personal: false },
  personalId: { label: 'Số định danh cá nhân của trẻ', format: 'citizen-id', personal: true },
  deathRegistrationNumber: { label: 'Số đăng ký khai tử', format: 'register-number', personal: false },
};

const agencyOfComponent = z.enum(['commune-peoples-committee', 'commune-police', 'social-insurance']);
export type ComponentAgency = z.infer<typeof agencyOfComponent>;

const uniqueKeys = z.array(linkedFieldKeySchema).refine((keys) => new Set(keys).size === keys.length, 'trường dữ liệu bị lặp');

export const linkedComponentSchema = z.strictObject({
  procedureCode: z.string().trim().min(1).max(32),
  name: vietnameseTextSchema,
  /** The kind of unit competent for the component; the desk sends it only to a unit of that kind. */
  agency: agencyOfComponent,
  statutoryTime: statutoryTimeSchema,
  fee: feeRuleSchema,
  /** The citizen may leave it out (e.g. the funeral allowance, only for those entitled). */
  optional: z.boolean(),
  /** When an optional component applies, in words the officer reads at the counter. */
  when: vietnameseTextSchema.optional(),
  /** Data given at the counter the component needs, required unless listed in `mayBeBlank`. */
  needs: uniqueKeys.min(1),
  mayBeBlank: uniqueKeys.default([]),
  /** Data the component's result gives to the others (entered once, when it is resolved). */
  produces: uniqueKeys.default([]),
  /** What of the above could not be confirmed from an official text. */
  unconfirmed: z.array(z.enum(['procedureCode', 'agency', 'statutoryTime', 'fee', 'needs', 'optional'])).default([]),
});
export type LinkedComponent = z.infer<typeof linkedComponentSchema>;

export const linkedGroupSchema = z
  .strictObject({
    components: z.array(linkedComponentSchema).min(2, 'nhóm liên thông cần ít nhất hai thủ tục thành phần'),
  })
  .superRefine((group, ctx) => {
    const codes = group.components.map((c) => c.procedureCode);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index) ctx.addIssue({ code: 'custom', path: ['components', index, 'procedureCode'], message: `thủ tục thành phần ${code} bị lặp` });
    });
    if (group.components.every((c) => c.optional)) ctx.addIssue({ code: 'custom', path: ['components'], message: 'nhóm liên thông cần ít nhất một thủ tục thành phần bắt buộc' });
    const produced = new Map<LinkedFieldKey, number>();
    group.components.forEach((c, index) => c.produces.forEach((key) => produced.set(key, index)));
    group.components.forEach((component, index) => {
      component.needs.forEach((key, keyIndex) => {
        const from = produced.get(key);
        if (from === index) ctx.addIssue({ code: 'custom', path: ['components', index, 'needs', keyIndex], message: `thủ tục ${component.procedureCode} vừa cần vừa cho ra ${key}` });
        if (from !== undefined && group.components[from]?.optional) {
          ctx.addIssue({ code: 'custom', path: ['components', index, 'needs', keyIndex], message: `${key} đến từ một thủ tục không bắt buộc` });
        }
      });
      component.mayBeBlank.forEach((key, keyIndex) => {
        if (!component.needs.includes(key)) ctx.addIssue({ code: 'custom', path: ['components', index, 'mayBeBlank', keyIndex], message: `${key} không có trong needs` });
      });
    });
  });
export type LinkedGroup = z.infer<typeof linkedGroupSchema>;
