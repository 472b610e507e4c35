import type { WorkingCalendar } from '../../../src/calendar/working-calendar.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { addDays, instantAt, localDateOf } from '../../../src/time/vn-time.ts';
import { PAUSED_STATUSES, RUNNING_STATUSES } from '../../components/deadline-view.ts';
import type { DossierQuery } from '../../store/index.ts';
import { deadlineBounds, deadlineRange } from '../dossiers/list-filters.ts';

export type AlertKind = 'overdue' | 'due-soon' | 'today';

export const alertTitles: Readonly<Record<AlertKind, string>> = {
  overdue: 'Quá hạn',
  'due-soon': 'Sắp đến hạn',
  today: 'Hẹn trả hôm nay',
};

/** Today's appointments include dossiers already resolved and waiting for the citizen. */
export const TODAY_STATUSES: readonly DossierStatus[] = [...RUNNING_STATUSES, ...PAUSED_STATUSES, DossierStatus.Resolved];

export interface AlertQuery {
  statuses: readonly DossierStatus[];
  deadline: { from?: string; before?: string };
}

export function alertQueries(calendar: WorkingCalendar, nowMs: number, dueSoonWorkingMinutes: number): Record<AlertKind, AlertQuery> {
  const bounds = deadlineBounds(calendar, nowMs, dueSoonWorkingMinutes);
  const today = localDateOf(nowMs);
  return {
    overdue: { statuses: RUNNING_STATUSES, deadline: deadlineRange('overdue', bounds) ?? {} },
    'due-soon': { statuses: RUNNING_STATUSES, deadline: deadlineRange('due-soon', bounds) ?? {} },
    today: {
      statuses: TODAY_STATUSES,
      deadline: { from: new Date(instantAt(today, 0)).toISOString(), before: new Date(instantAt(addDays(today, 1), 0)).toISOString() },
    },
  };
}

/**
 * The list of an alert at the desk of `unitId`: dossiers it holds (or with no holder unit recorded);
 * one transferred to another unit alerts there, and here again once handed back.
 */
export function toListQuery(alert: AlertQuery, unitId: string, officer: string | null, limit: number): DossierQuery {
  return {
    status: alert.statuses,
    deadline: alert.deadline,
    holderUnit: unitId,
    sort: 'due-asc',
    limit,
    ...(officer !== null ? { officer } : {}),
  };
}
