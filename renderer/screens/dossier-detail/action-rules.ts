import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { applyExtension, pausedWorkingMinutes, shiftDueForPause } from '../../../src/deadline/appointment.ts';
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
  const request = routeEvents(dossier, events)
    .filter((event) => event.type === 'SUPPLEMENT_REQUESTED')
    .at(-1);
  if (!request) return err(new DomainError('supplement.no_request', 'Hồ sơ không có lần yêu cầu bổ sung nào để nhận bổ sung.'));
  if (dossier.dueAt === '') return err(new DomainError('supplement.no_due', 'Hồ sơ chưa có ngày hẹn trả.'));
  try {
    const from = Date.parse(request.at);
    const resumedAt = Math.max(nowMs, from);
    const newDue = shiftDueForPause(calendar, Date.parse(dossier.dueAt), from, resumedAt);
    const minutes = Math.round(pausedWorkingMinutes(calendar, from, resumedAt));
    return ok({ pausedFrom: request.at, pausedWorkingMinutes: minutes, newDueAt: new Date(newDue).toISOString() });
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

/** One item per non-empty line. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
