import { z } from 'zod';
import { vietnameseTextSchema } from '../catalogue/vietnamese-text.ts';

const dong = z.number().int('số tiền phải là số nguyên (đồng)').nonnegative('số tiền không được âm');
const conditions = z.array(vietnameseTextSchema).optional();

const pageTierSchema = z.strictObject({
  fromPage: z.number().int().min(1),
  toPage: z.number().int().min(1).optional(),
  amountPerPage: dong,
});

/** One amount for the dossier, or per copy, or per set of papers handed in. */
export const fixedFeeUnitSchema = z.enum(['dossier', 'copy', 'set']);

const perPageRuleSchema = z
  .strictObject({
    kind: z.literal('per-page'),
    tiers: z.array(pageTierSchema).min(1, 'cần ít nhất một bậc giá'),
    /** When true (the default) the tiered amount is charged for each copy and the cap applies per copy. */
    perCopy: z.boolean().default(true),
    cap: dong.positive('mức tối đa phải lớn hơn 0').optional(),
    conditions,
  })
  .superRefine((rule, ctx) => {
    // Tiers must cover page 1 onwards without gaps or overlaps, and the last one must be open-ended,
    // so that every page count has exactly one price.
    let expectedFrom = 1;
    rule.tiers.forEach((tier, index) => {
      const isLast = index === rule.tiers.length - 1;
      if (tier.fromPage !== expectedFrom) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'fromPage'],
          message: `bậc giá phải bắt đầu từ trang ${expectedFrom}`,
        });
      }
      if (isLast && tier.toPage !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'toPage'], message: 'bậc giá cuối không được có trang kết thúc' });
      } else if (!isLast && tier.toPage === undefined) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'toPage'], message: 'chỉ bậc giá cuối được để trống trang kết thúc' });
      } else if (tier.toPage !== undefined && tier.toPage < tier.fromPage) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'toPage'], message: 'trang kết thúc phải không nhỏ hơn trang bắt đầu' });
      }
      expectedFrom = (tier.toPage ?? tier.fromPage) + 1;
    });
  });

export const feeRuleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('free'), conditions }),
  z.strictObject({
    kind: z.literal('fixed'),
    amount: dong.positive('lệ phí cố định phải lớn hơn 0'),
    per: fixedFeeUnitSchema.default('dossier'),
    conditions,
  }),
  perPageRuleSchema,
  z.strictObject({ kind: z.literal('set-by-province'), note: vietnameseTextSchema, conditions }),
]);

export type FeeRule = z.output<typeof feeRuleSchema>;
export type FeeRuleInput = z.input<typeof feeRuleSchema>;
export type PerPageFeeRule = Extract<FeeRule, { kind: 'per-page' }>;
