import { formatDong } from './format-dong.ts';

/** What a zero fee reads as on screens. */
export const FREE_TEXT = 'Miễn phí';

const same = (a: string, b: string): boolean => a.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi') === b.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
const FREE_PHRASES = [FREE_TEXT, 'Không thu phí, lệ phí', 'Miễn phí, lệ phí', 'Miễn lệ phí', '0 đ'];

/**
 * A stored fee as one line: the amount, then the note only when it adds something. A free
 * procedure's fee is stored with the calculation's own words ("Miễn phí") as its note, which
 * read "Miễn phí – Miễn phí"; a note that only repeats the amount is not shown again.
 */
export function feeText(fee: { amount: number; note?: string | undefined }): string {
  const amount = fee.amount === 0 ? FREE_TEXT : formatDong(fee.amount);
  const note = fee.note?.trim() ?? '';
  if (note === '' || same(note, amount) || (fee.amount === 0 && FREE_PHRASES.some((phrase) => same(note, phrase)))) return amount;
  return `${amount} – ${note}`;
}
