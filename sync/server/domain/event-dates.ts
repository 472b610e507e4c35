import type { DossierEvent } from '../../../src/dossier/events.ts';
import { formatDate, formatTime } from '../../../src/time/vn-time.ts';
import { ServerError } from './server-error.ts';

/**
 * The times a desk writes on its events (`at`, a receipt's `receivedAt`) come from its own clock.
 * The server judges them against its clock and the desk's first enrolment: doubtful times are
 * flagged on the stored event (`events.date_flags`, listed on the dashboard's desk health), and a
 * receipt time that cannot be true is refused, since the public lookup and the deadline are read
 * from it.
 *
 * The same 10 minutes of allowance apply on both sides of the desk's life: a desk clock a few
 * minutes slow must not make the first dossier received after enrolment "earlier than the desk",
 * which would refuse a real receipt that can never be re-dated.
 */

/** A desk clock further off than this is reported to the desk and flagged on its events. */
export const MAX_CLOCK_SKEW_MS = 10 * 60 * 1000;
/** A receipt time later than this ahead of the server's clock is refused. */
export const MAX_RECEIPT_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Why an event's desk time is doubtful: `desk_clock` the desk's clock was off when it sent the
 * batch; `ahead` the event's time is ahead of the server's; `before_enrolment` it is earlier than
 * the desk's first enrolment.
 */
export const EVENT_DATE_FLAGS = ['desk_clock', 'ahead', 'before_enrolment'] as const;
export type EventDateFlag = (typeof EVENT_DATE_FLAGS)[number];

export const eventDateFlagLabels: Readonly<Record<EventDateFlag, string>> = {
  desk_clock: 'Đồng hồ của quầy lệch quá 10 phút khi gửi',
  ahead: 'Giờ trên quầy sau giờ máy chủ quá 10 phút',
  before_enrolment: 'Giờ trên quầy trước khi quầy được kích hoạt',
};

export interface DateWindow {
  /** The server's clock, Unix ms. */
  now: number;
  /** The desk's first enrolment (kept across re-enrolments), Unix ms; null when unknown. */
  enrolledSince: number | null;
  /** The desk's clock, as it said when sending the batch, was off by more than the allowance. */
  deskClockOff: boolean;
}

export function dateFlagsOf(event: Pick<DossierEvent, 'at'>, window: DateWindow): EventDateFlag[] {
  const at = Date.parse(event.at);
  const flags: EventDateFlag[] = [];
  if (window.deskClockOff) flags.push('desk_clock');
  if (at > window.now + MAX_CLOCK_SKEW_MS) flags.push('ahead');
  if (window.enrolledSince !== null && at < window.enrolledSince - MAX_CLOCK_SKEW_MS) flags.push('before_enrolment');
  return flags;
}

/** A RECEIVED whose receipt time is before its desk was first enrolled, or more than a day ahead. */
export function receiptTimeProblem(event: DossierEvent, window: DateWindow): ServerError | null {
  if (event.type !== 'RECEIVED') return null;
  const receivedAt = Date.parse(event.payload.receivedAt);
  const where = { eventId: event.id, path: ['payload', 'receivedAt'] };
  if (window.enrolledSince !== null && receivedAt < window.enrolledSince - MAX_CLOCK_SKEW_MS) {
    return new ServerError(
      422,
      'event.received_before_enrolment',
      `Hồ sơ ${event.dossierCode} ghi thời điểm tiếp nhận ${vnDateTime(receivedAt)}, trước khi quầy ${event.deskId} được kích hoạt (${vnDateTime(window.enrolledSince)}): đồng hồ máy tính của quầy có thể đã sai khi tiếp nhận.`,
      where,
    );
  }
  if (receivedAt > window.now + MAX_RECEIPT_AHEAD_MS) {
    return new ServerError(
      422,
      'event.received_in_future',
      `Hồ sơ ${event.dossierCode} ghi thời điểm tiếp nhận ${vnDateTime(receivedAt)}, sau giờ máy chủ tỉnh (${vnDateTime(window.now)}) hơn một ngày: đồng hồ máy tính của quầy đang sai.`,
      where,
    );
  }
  return null;
}

/** 'HH:mm dd/MM/yyyy' in Vietnam; ISO for years the calendar functions do not take (before 100). */
export function vnDateTime(ms: number): string {
  try {
    return `${formatTime(ms)} ${formatDate(ms)}`;
  } catch {
    return new Date(ms).toISOString();
  }
}
