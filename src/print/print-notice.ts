/**
 * What the officer reads after a form went to the printer. Every print of a form after the first
 * is marked "BẢN SAO" (DESIGN §5), so the notice says so in plain words: an officer who reprints
 * because the first sheet jammed must know the new sheet will say it is a copy.
 */
export interface PrintedNotice {
  /** This print was itself marked as a copy. */
  isCopy: boolean;
  /** The desk's time of the print, 'HH:mm'. */
  time: string;
  /** Printed on the 80 mm receipt printer rather than through the page printer. */
  thermal?: boolean;
  /** More about this print, said before the next print's mark (e.g. its place in the print log). */
  detail?: string;
}

export const NEXT_PRINT_IS_COPY = 'Lần in sau sẽ được đánh dấu BẢN SAO.';
const NEXT_PRINT_IS_COPY_TOO = 'Lần in sau cũng được đánh dấu BẢN SAO.';

export function printedNotice({ isCopy, time, thermal, detail }: PrintedNotice): string {
  const what = thermal ? 'Đã in biên nhận trên máy in nhiệt' : 'Đã gửi lệnh in';
  return `${what}${isCopy ? ' (bản sao)' : ''} lúc ${time}${detail ? `; ${detail}` : ''}. ${isCopy ? NEXT_PRINT_IS_COPY_TOO : NEXT_PRINT_IS_COPY}`;
}
