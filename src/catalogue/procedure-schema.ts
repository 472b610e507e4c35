import { z } from 'zod';
import { feeRuleSchema } from '../fees/fee-rule.ts';
import { linkedGroupSchema } from './linked-group-schema.ts';
import { statutoryTimeSchema } from './statutory-time.ts';
import { vietnameseTextSchema } from './vietnamese-text.ts';

/** National procedure code from the national database of administrative procedures, e.g. '1.001193'. */
export const NATIONAL_CODE_PATTERN = /^[12]\.\d{6}$/;
/** Codes some agencies (e.g. social insurance, '612') use internally; no dots or spaces at the ends. */
export const INTERNAL_CODE_PATTERN = /^[0-9A-Za-z][0-9A-Za-z.-]{0,19}$/;

/** Government levels that exist after the 2025 reform (districts were abolished on 01/07/2025). */
export const levelSchema = z.enum(['commune', 'province', 'central']);
/** Levels a procedure was handled at before the reform. */
export const formerLevelSchema = z.enum(['district', 'commune', 'province', 'central']);

export const agencyTypeSchema = z.enum([
  'commune-peoples-committee',
  'commune-police',
  'provincial-police',
  'social-insurance',
  'provincial-department',
  'public-administration-service-centre',
]);

/**
 * Fields whose value may be marked as not confirmed from an official text.
 * The UI shows these so the provincial administrator checks them before relying on them.
 */
export const confirmableFieldSchema = z.enum([
  'code',
  'name',
  'field',
  'levels',
  'formerLevels',
  'levelNote',
  'agency',
  'coordinatingAgencies',
  'statutoryTime',
  'timeVariants',
  'fee',
  'fee.conditions',
  'papers',
  'result',
  'legalBasis',
]);

export const paperSchema = z
  .strictObject({
    name: vietnameseTextSchema,
    originals: z.number().int().nonnegative(),
    copies: z.number().int().nonnegative(),
    optional: z.boolean(),
    /** Shown and checked at the desk but not kept in the dossier (e.g. the citizen ID card). */
    presentOnly: z.boolean().optional(),
    note: vietnameseTextSchema.optional(),
  })
  .refine((paper) => paper.presentOnly === true || paper.originals + paper.copies > 0, {
    message: 'giấy tờ nộp phải có ít nhất một bản chính hoặc bản sao',
    path: ['originals'],
  });

const uniqueList = <T extends z.ZodType<string>>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, `${what} bị lặp`);

export const procedureSchema = z
  .strictObject({
    code: z.string().trim(),
    /** True when `code` is an agency's internal code rather than a national one. */
    internalCode: z.boolean().default(false),
    name: vietnameseTextSchema,
    field: vietnameseTextSchema,
    levels: uniqueList(levelSchema, 'cấp thực hiện').min(1, 'cần ít nhất một cấp thực hiện'),
    formerLevels: uniqueList(formerLevelSchema, 'cấp thực hiện trước đây').min(1).optional(),
    levelNote: vietnameseTextSchema.optional(),
    /** The agency that decides; the desk receives on its behalf. */
    agency: agencyTypeSchema,
    coordinatingAgencies: uniqueList(agencyTypeSchema, 'cơ quan phối hợp').optional(),
    statutoryTime: statutoryTimeSchema,
    /** Other statutory times the law allows in named cases (e.g. bulky certification requests). */
    timeVariants: z
      .array(z.strictObject({ condition: vietnameseTextSchema, statutoryTime: statutoryTimeSchema }))
      .optional(),
    fee: feeRuleSchema,
    papers: z.array(paperSchema).min(1, 'cần ít nhất một thành phần hồ sơ'),
    result: vietnameseTextSchema,
    legalBasis: z.array(vietnameseTextSchema).min(1, 'cần ít nhất một căn cứ pháp lý'),
    /** Where the facts came from, e.g. 'Cổng DVC quốc gia, trang thủ tục 1.004222, 10/2025'. */
    source: vietnameseTextSchema,
    unconfirmed: uniqueList(confirmableFieldSchema, 'trường chưa xác nhận').default([]),
    notes: z.array(vietnameseTextSchema).optional(),
    /** A linked group (liên thông): received once, one dossier per component (linked-group-schema.ts). */
    linked: linkedGroupSchema.optional(),
  })
  .superRefine((procedure, ctx) => {
    const pattern = procedure.internalCode ? INTERNAL_CODE_PATTERN : NATIONAL_CODE_PATTERN;
    if (!pattern.test(procedure.code)) {
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: procedure.internalCode
          ? 'mã nội bộ chỉ gồm chữ, số, dấu chấm hoặc gạch ngang (tối đa 20 ký tự)'
          : 'mã thủ tục quốc gia phải có dạng 1.001193 (mã nội bộ cần internalCode: true)',
      });
    }
    if (procedure.formerLevels !== undefined && procedure.levelNote === undefined) {
      ctx.addIssue({ code: 'custom', path: ['levelNote'], message: 'cần ghi chú khi thủ tục đã đổi cấp thực hiện' });
    }
    if (procedure.coordinatingAgencies?.includes(procedure.agency)) {
      ctx.addIssue({
        code: 'custom',
        path: ['coordinatingAgencies'],
        message: 'cơ quan phối hợp không được trùng cơ quan giải quyết',
      });
    }
    if (procedure.unconfirmed.includes('fee.conditions') && procedure.fee.conditions === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unconfirmed'], message: 'fee.conditions được đánh dấu nhưng lệ phí không có điều kiện' });
    }
    if (procedure.unconfirmed.includes('timeVariants') && procedure.timeVariants === undefined) {
      ctx.addIssue({ code: 'custom', path: ['unconfirmed'], message: 'timeVariants được đánh dấu nhưng thủ tục không có thời hạn khác' });
    }
  });

export const catalogueSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Edition of the data, e.g. '2025.10-1'; shown in the admin screen and sync logs. */
  version: z.string().trim().min(1),
  procedures: z.array(procedureSchema),
});

export type Level = z.output<typeof levelSchema>;
export type FormerLevel = z.output<typeof formerLevelSchema>;
export type AgencyType = z.output<typeof agencyTypeSchema>;
export type ConfirmableField = z.output<typeof confirmableFieldSchema>;
export type Paper = z.output<typeof paperSchema>;
export type Procedure = z.output<typeof procedureSchema>;
export type CatalogueInput = z.input<typeof catalogueSchema>;
