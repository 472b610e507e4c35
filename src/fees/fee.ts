import { DomainError } from '../errors.ts';
import type { FeeRule, PerPageFeeRule } from './fee-rule.ts';
import { assertDong, formatDong } from './format-dong.ts';

export interface FeeInputs {
  /** Pages of the document (per copy when the rule charges per copy). Required by per-page rules. */
  readonly pages?: number;
  /** Number of copies requested; defaults to 1. */
  readonly copies?: number;
  /** Number of sets of papers handed in; defaults to 1. */
  readonly sets?: number;
  /** The amount the officer enters for a fee the province sets; only allowed for 'set-by-province' rules. */
  readonly overrideAmount?: number;
}

export type FeeResult =
  | { readonly status: 'computed'; readonly amount: number; readonly breakdown: string }
  | {
      readonly status: 'officer-entry-required';
      readonly amount: null;
      readonly breakdown: string;
      /** What the rule says about the provincial rate, to help the officer. */
      readonly note: string;
    };

const INPUT_LABELS = {
  pages: 'Số trang',
  copies: 'Số bản',
  sets: 'Số bộ hồ sơ',
  overrideAmount: 'Số tiền cán bộ nhập',
} as const satisfies Record<keyof FeeInputs, string>;

const FIXED_UNIT_LABELS = { dossier: 'hồ sơ', copy: 'bản', set: 'bộ' } as const;

function validateInputs(inputs: FeeInputs): void {
  for (const key of Object.keys(INPUT_LABELS) as (keyof FeeInputs)[]) {
    const value = inputs[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) {
      throw new DomainError('fee.invalid-input', `${INPUT_LABELS[key]} phải là số nguyên không âm.`, [key], { value });
    }
  }
}

function ensureSafe(amount: number): number {
  if (!Number.isSafeInteger(amount)) {
    throw new DomainError('fee.amount-too-large', 'Số tiền tính được quá lớn, vui lòng kiểm tra số trang và số bản.', undefined, {
      amount,
    });
  }
  return amount;
}

function computed(amount: number, breakdown: string): FeeResult {
  return { status: 'computed', amount, breakdown };
}

function perPage(rule: PerPageFeeRule, pages: number, copies: number): FeeResult {
  const used = rule.tiers
    .map((tier) => ({ tier, count: Math.max(0, Math.min(pages, tier.toPage ?? pages) - tier.fromPage + 1) }))
    .filter(({ count }) => count > 0);
  const oneCopy = ensureSafe(used.reduce((sum, { tier, count }) => sum + count * tier.amountPerPage, 0));
  const charged = rule.cap === undefined ? oneCopy : Math.min(oneCopy, rule.cap);
  const total = ensureSafe(rule.perCopy ? charged * copies : charged);

  const parts = used.map(({ tier, count }) => `${count} trang × ${formatDong(tier.amountPerPage)}`);
  let breakdown = `${parts.length > 0 ? parts.join(' + ') : '0 trang'} = ${formatDong(oneCopy)}`;
  if (charged < oneCopy) {
    breakdown += `, áp mức tối đa ${formatDong(charged)}${rule.perCopy ? '/bản' : ''}`;
  }
  if (rule.perCopy) {
    breakdown += `; ${copies} bản × ${formatDong(charged)} = ${formatDong(total)}`;
  }
  return computed(total, breakdown);
}

/**
 * The fee to collect for one dossier under `rule`. Amounts are whole đồng; the breakdown is
 * Vietnamese text for the receipt. A fee the province sets cannot be computed here: the officer
 * enters it (`overrideAmount`), otherwise the result says an entry is required.
 */
export function computeFee(rule: FeeRule, inputs: FeeInputs = {}): FeeResult {
  validateInputs(inputs);
  const copies = inputs.copies ?? 1;
  const sets = inputs.sets ?? 1;
  if (inputs.overrideAmount !== undefined && rule.kind !== 'set-by-province') {
    throw new DomainError(
      'fee.override-not-allowed',
      'Chỉ được nhập số tiền đối với lệ phí do tỉnh quy định.',
      ['overrideAmount'],
      { kind: rule.kind },
    );
  }
  switch (rule.kind) {
    case 'free':
      return computed(0, 'Miễn phí');
    case 'fixed': {
      assertDong(rule.amount, 'Lệ phí');
      if (rule.per === 'dossier') {
        return computed(rule.amount, `${formatDong(rule.amount)}/hồ sơ`);
      }
      const count = rule.per === 'copy' ? copies : sets;
      const unit = FIXED_UNIT_LABELS[rule.per];
      const total = ensureSafe(rule.amount * count);
      return computed(total, `${count} ${unit} × ${formatDong(rule.amount)} = ${formatDong(total)}`);
    }
    case 'per-page':
      if (inputs.pages === undefined) {
        throw new DomainError('fee.pages-required', 'Cần nhập số trang để tính phí theo trang.', ['pages']);
      }
      return perPage(rule, inputs.pages, copies);
    case 'set-by-province':
      if (inputs.overrideAmount === undefined) {
        return {
          status: 'officer-entry-required',
          amount: null,
          breakdown: 'Mức thu do tỉnh quy định: cán bộ nhập số tiền.',
          note: rule.note,
        };
      }
      return computed(inputs.overrideAmount, `Mức thu do tỉnh quy định, cán bộ nhập: ${formatDong(inputs.overrideAmount)}`);
  }
}
