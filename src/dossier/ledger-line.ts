import { z } from 'zod';

/**
 * Book and line of the dossier ledger (Sổ theo dõi hồ sơ, Mẫu 06) a receipt is entered in.
 *
 * Desks receive offline, so each desk keeps its own book per year: book = the desk's counter (slot),
 * printed "Quyển số 01/2026"; the line runs 1, 2, 3… through the year in that book, allocated with
 * the RECEIVED that records it (issue-code.ts) from the desk's previous receipt, never reused. Two
 * desks of a unit never share a book, so no two receipts of a unit carry the same book and line.
 */
export const ledgerLineSchema = z.strictObject({
  year: z.number().int().min(2000).max(2099),
  book: z.number().int().min(1).max(9),
  line: z.number().int().min(1).max(999_999),
});
export type LedgerLine = z.infer<typeof ledgerLineSchema>;

/** The book a desk writes in on `localDate` ('YYYY-MM-DD'). */
export function ledgerBookOf(slot: number, localDate: string): Omit<LedgerLine, 'line'> {
  return { year: Number(localDate.slice(0, 4)), book: slot };
}

/** The line after the desk's previous receipt's, in `book`: 1 when the book is new to the desk. */
export function nextLedgerLine(book: Omit<LedgerLine, 'line'>, previous: LedgerLine | null | undefined): LedgerLine {
  const sameBook = previous != null && previous.year === book.year && previous.book === book.book;
  return { ...book, line: sameBook ? previous.line + 1 : 1 };
}

/** "01/2026", as "Quyển số" prints it. */
export function ledgerBookLabel(line: Pick<LedgerLine, 'year' | 'book'>): string {
  return `${String(line.book).padStart(2, '0')}/${line.year}`;
}

/** What the receipt and the ledger print for a receipt: the book (blank for an older one) and the line. */
export interface LedgerEntry {
  book: string;
  line: string;
}

/**
 * The book and line of a RECEIVED payload. A receipt stored before books existed printed the code's
 * daily number as its line and no book: the ledger shows it the same, so paper and ledger agree.
 */
export function ledgerEntryOf(payload: { ledger?: LedgerLine | undefined }, dossierCode: string): LedgerEntry {
  if (payload.ledger) return { book: ledgerBookLabel(payload.ledger), line: String(payload.ledger.line) };
  return { book: '', line: dossierCode.slice(dossierCode.lastIndexOf('-') + 1) };
}
