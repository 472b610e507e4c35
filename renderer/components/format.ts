import { formatDate, formatTime } from '../../src/time/vn-time.ts';

/** "14:05 22/11/2025" (Vietnam time), or an em dash when there is no instant. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : `${formatTime(ms)} ${formatDate(ms)}`;
}

/** "22/11/2025" (Vietnam date), or an em dash. */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? '—' : formatDate(ms);
}

/** Numbers the Vietnamese way: 200.000. */
export function formatCount(value: number): string {
  return value.toLocaleString('vi-VN');
}

/** Working minutes as officers say them: "1 ngày 2 giờ 30 phút" with 8-hour days. */
export function formatWorkingMinutes(minutes: number, minutesPerDay: number): string {
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / minutesPerDay);
  const hours = Math.floor((total % minutesPerDay) / 60);
  const rest = total % 60;
  const parts = [days > 0 ? `${days} ngày` : '', hours > 0 ? `${hours} giờ` : '', rest > 0 ? `${rest} phút` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 phút';
}

/** A calendar date 'YYYY-MM-DD' as 'dd/MM/yyyy' (text that is not such a date is shown as is). */
export function formatIsoDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}
