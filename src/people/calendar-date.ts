/**
 * Calendar dates as they appear on identity papers. A date is kept as an ISO
 * `YYYY-MM-DD` string: it has no time of day and no time zone.
 */

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const compactDatePattern = /^(\d{2})(\d{2})(\d{4})$/;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const isRealDate = (year: number, month: number, day: number): boolean =>
  year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

const toIso = (year: number, month: number, day: number): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** True for an existing date written `YYYY-MM-DD` (so not 2023-02-29). */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `ddMMyyyy` (the citizen-card QR format) to `YYYY-MM-DD`, or null when it is not an existing date. */
export function compactDateToIso(text: string): string | null {
  const match = compactDatePattern.exec(text);
  if (match === null) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? toIso(year, month, day) : null;
}

/** `YYYY-MM-DD` to the `dd/MM/yyyy` shown to Vietnamese users. The input must be an ISO date. */
export function isoDateToDisplay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
