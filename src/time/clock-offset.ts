/**
 * The desk's clock against the provincial server's. Receipt times and appointment dates are read
 * from the desk's clock, so a clock that is off prints wrong times on the citizen's receipt. Every
 * successful sync tells the desk the server's time; the desk keeps the last offset it learned and
 * warns the officer (at login, before printing) when it is larger than the allowance. The warning
 * never blocks work: the desk may be offline for days, and a wrong warning must not stop a counter.
 */

/** Offsets up to this are normal (transit, a clock not synchronised for a while). */
export const CLOCK_WARNING_MS = 5 * 60 * 1000;

/**
 * Desk clock minus server clock, from one request: the server stamped `serverTimeMs` somewhere
 * between the desk's `sentAtMs` and `answeredAtMs`; the middle of that is the best guess.
 */
export function offsetFromExchange(sentAtMs: number, answeredAtMs: number, serverTimeMs: number): number {
  return Math.round((sentAtMs + answeredAtMs) / 2 - serverTimeMs);
}

export interface ClockWarning {
  /** The desk clock runs ahead of (`fast`) or behind (`slow`) the server's. */
  direction: 'fast' | 'slow';
  offsetMs: number;
  /** Vietnamese, for the officer. */
  message: string;
}

/** The warning for an offset larger than the allowance, or null (also when no offset is known). */
export function clockWarning(offsetMs: number | null): ClockWarning | null {
  if (offsetMs === null || !Number.isFinite(offsetMs) || Math.abs(offsetMs) <= CLOCK_WARNING_MS) return null;
  const direction = offsetMs > 0 ? 'fast' : 'slow';
  const message =
    `Đồng hồ máy tính đang chạy ${direction === 'fast' ? 'nhanh' : 'chậm'} ${offsetText(offsetMs)} so với máy chủ tỉnh. ` +
    'Giờ tiếp nhận và ngày hẹn trên phiếu có thể sai. Hãy chỉnh lại đồng hồ trước khi in.';
  return { direction, offsetMs, message };
}

/** "12 phút", "2 giờ 5 phút", "3 ngày 4 giờ": the size of an offset, in words an officer reads at a glance. */
export function offsetText(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} giờ` : `${hours} giờ ${minutes % 60} phút`;
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? `${days} ngày` : `${days} ngày ${hours % 24} giờ`;
}
