import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { applyExtension, pausedWorkingMinutes, shiftDueByMinutes } from '../../../src/deadline/appointment.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { DomainError, err, ok } from '../../../src/errors.ts';
import type { Result } from '../../../src/errors.ts';
import { parseTypedDate } from '../../../src/time/date-rule.ts';
import { addDays, instantAt, parseHhMm } from '../../../src/time/vn-time.ts';
import type { LocalDate } from '../../../src/time/vn-time.ts';

/** The events of the dossier in route (projection) order. */
export function routeEvents(dossier: Pick<ProjectedDossier, 'eventIds'>, events: readonly DossierEvent[]): DossierEvent[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  return dossier.eventIds.map((id) => byId.get(id)).filter((event): event is DossierEvent => event !== undefined);
}

export interface SupplementResume {
  pausedFrom: string;
  pausedWorkingMinutes: number;
  newDueAt: string;
}

/** The requests that stop the deadline clock until the citizen answers them (statuses 5 and 6). */
export type PausingRequest = 'SUPPLEMENT_REQUESTED' | 'FINANCIAL_OBLIGATION_REQUESTED';

const noRequestMessages: Readonly<Record<PausingRequest, string>> = {
  SUPPLEMENT_REQUESTED: 'Hồ sơ không có lần yêu cầu bổ sung nào để nhận bổ sung.',
  FINANCIAL_OBLIGATION_REQUESTED: 'Hồ sơ không có lần yêu cầu thực hiện nghĩa vụ tài chính nào.',
};

/**
 * Receiving the supplement restarts the clock: the working time since the (last) request is
 * added to the due time. Rounded to whole minutes, as the event stores it.
 */
export function supplementResume(
  calendar: WorkingCalendar,
  dossier: Pick<ProjectedDossier, 'dueAt' | 'eventIds'>,
  events: readonly DossierEvent[],
  nowMs: number,
): Result<SupplementResume> {
  return pauseResume('SUPPLEMENT_REQUESTED', calendar, dossier, events, nowMs);
}

/**
 * The clock restarting after the pause `request` opened (a supplement, or the financial
 * obligation the citizen has now paid): the working time since the last such request does not
 * count, so it is added to the due time on the working calendar.
 */
export function pauseResume(
  request: PausingRequest,
  calendar: WorkingCalendar,
  dossier: Pick<ProjectedDossier, 'dueAt' | 'eventIds'>,
  events: readonly DossierEvent[],
  nowMs: number,
): Result<SupplementResume> {
  const opened = routeEvents(dossier, events)
    .filter((event) => event.type === request)
    .at(-1);
  if (!opened) return err(new DomainError('supplement.no_request', noRequestMessages[request]));
  if (dossier.dueAt === '') return err(new DomainError('supplement.no_due', 'Hồ sơ chưa có ngày hẹn trả.'));
  try {
    const from = Date.parse(opened.at);
    const resumedAt = Math.max(nowMs, from);
    // The due date moves by the minutes the event stores, so the two never disagree on screen.
    const minutes = Math.round(pausedWorkingMinutes(calendar, from, resumedAt));
    const newDue = shiftDueByMinutes(calendar, Date.parse(dossier.dueAt), minutes);
    return ok({ pausedFrom: opened.at, pausedWorkingMinutes: minutes, newDueAt: new Date(newDue).toISOString() });
  } catch (error) {
    return err(error instanceof DomainError ? error : new DomainError('supplement.failed', 'Không tính được hạn trả mới.'));
  }
}

/** How far ahead a new appointment may be set: further is a typo (2062 for 2026), not a plan. */
const LONGEST_EXTENSION_DAYS = 366;

/**
 * The new appointment of an apology letter: a real date (the date rule of every date field:
 * not before today, not more than a year ahead) and time, later than the current due and within
 * office hours of a working day (applyExtension).
 */
export function extensionDue(calendar: WorkingCalendar, currentDueAt: string, dateText: string, timeText: string, today: LocalDate): Result<string> {
  const typed = parseTypedDate(dateText, {
    label: 'Ngày hẹn trả mới',
    earliest: { date: today, name: 'hôm nay' },
    latest: { date: addDays(today, LONGEST_EXTENSION_DAYS) },
  });
  if (!typed.ok) return err(new DomainError(`extension.${typed.error.code}`, typed.error.message, ['date']));
  const date = typed.value;
  let minutes: number;
  try {
    minutes = parseHhMm(timeText.trim());
  } catch (error) {
    return err(error as DomainError);
  }
  try {
    return ok(new Date(applyExtension(calendar, Date.parse(currentDueAt), instantAt(date, minutes))).toISOString());
  } catch (error) {
    return err(error instanceof DomainError ? error : new DomainError('extension.failed', 'Ngày hẹn mới không hợp lệ.', ['date']));
  }
}

/**
 * What the officer is told before asking a dossier for a supplement once more. domain.md: "more
 * than one supplement request counts as late in national statistics" (the report does so, see
 * src/reports/report-figures.ts). Not confirmed from an official text: Decree 61/2018 art. 16 asks
 * for the supplement to be requested once, in full; the counting rule is the domain notes'.
 */
export function secondRequestWarning(earlierRequests: number): string {
  return `Hồ sơ đã được yêu cầu bổ sung ${earlierRequests} lần. Quy định yêu cầu bổ sung một lần, đầy đủ: yêu cầu bổ sung lần nữa thì hồ sơ bị tính là trễ hạn trong báo cáo thống kê khi giải quyết xong, dù trả kết quả trước hạn.`;
}

/** One item per non-empty line. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
