import { DomainError } from '../errors.ts';

/*
 * Reading conventions (Northern standard, as on official receipts):
 * - an empty tens place inside a group reads 'linh' (never 'lẻ'): 105 → một trăm linh năm;
 * - a unit 4 after 'linh' or after 'mươi' reads 'tư': 104 → một trăm linh tư, 24 → hai mươi tư;
 *   elsewhere it reads 'bốn': 4 → bốn, 14 → mười bốn, 400 → bốn trăm;
 * - a unit 5 after a tens word reads 'lăm': 15 → mười lăm, 25 → hai mươi lăm (but 105 → linh năm);
 * - a unit 1 after 'mươi' reads 'mốt': 21 → hai mươi mốt (but 11 → mười một, 101 → linh một);
 * - a group after a higher one is read in full: 1 005 000 → một triệu không trăm linh năm nghìn;
 *   a group that is all zeros is skipped: 1 000 005 → một triệu không trăm linh năm;
 * - scales 'nghìn', 'triệu', 'tỷ'; above 999 tỷ the count of tỷ is read recursively
 *   (1 000 000 000 000 → một nghìn tỷ).
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const BILLION = 1_000_000_000;

function digit(d: number): string {
  return DIGITS[d] ?? '';
}

function units(d: number, after: 'none' | 'linh' | 'mười' | 'mươi'): string {
  if (d === 4 && (after === 'linh' || after === 'mươi')) return 'tư';
  if (d === 5 && (after === 'mười' || after === 'mươi')) return 'lăm';
  if (d === 1 && after === 'mươi') return 'mốt';
  return digit(d);
}

/** Words for 1..999; `full` forces the hundreds ('không trăm') and the 'linh' of a non-leading group. */
function group(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const unit = n % 10;
  const words: string[] = [];
  const hasHundreds = hundreds > 0 || full;
  if (hasHundreds) words.push(digit(hundreds), 'trăm');
  if (tens === 0) {
    if (unit > 0) {
      if (hasHundreds) words.push('linh', units(unit, 'linh'));
      else words.push(units(unit, 'none'));
    }
  } else if (tens === 1) {
    words.push('mười');
    if (unit > 0) words.push(units(unit, 'mười'));
  } else {
    words.push(digit(tens), 'mươi');
    if (unit > 0) words.push(units(unit, 'mươi'));
  }
  return words;
}

const SCALES = ['', 'nghìn', 'triệu'] as const;

/** Words for 1..999 999 999; `full` when a higher part has already been read. */
function belowBillion(n: number, full: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const words: string[] = [];
  groups.forEach((value, index) => {
    if (value === 0) return;
    words.push(...group(value, full || words.length > 0));
    const scale = SCALES[2 - index];
    if (scale) words.push(scale);
  });
  return words;
}

function read(n: number, full: boolean): string[] {
  if (n < BILLION) return belowBillion(n, full);
  const billions = Math.floor(n / BILLION);
  const rest = n % BILLION;
  const words = [...read(billions, full), 'tỷ'];
  if (rest > 0) words.push(...belowBillion(rest, true));
  return words;
}

/**
 * Vietnamese words for an amount of đồng, for printouts: 1005000 → 'Một triệu không trăm linh năm nghìn đồng'.
 * Accepts whole, non-negative amounts up to Number.MAX_SAFE_INTEGER.
 */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new DomainError('fee.invalid-amount', `Số tiền phải là số nguyên không âm (đồng), nhận được: ${String(amount)}.`, undefined, {
      amount,
    });
  }
  const text = amount === 0 ? 'không' : read(amount, false).join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} đồng`;
}
