import type { WorkingCalendar } from '../../src/calendar/working-calendar.ts';
import { openDeadlineState } from '../../src/deadline/deadline-state.ts';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import { DossierStatus } from '../../src/dossier/status.ts';

export type DeadlineKind = 'not-due' | 'due-soon' | 'overdue' | 'early' | 'on-time' | 'late' | 'paused' | 'none';

export const deadlineLabels: Readonly<Record<DeadlineKind, string>> = {
  'not-due': 'Còn hạn',
  'due-soon': 'Sắp đến hạn',
  overdue: 'Quá hạn',
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Trễ hạn',
  paused: 'Tạm dừng tính hạn',
  none: 'Không có hạn',
};

/**
 * Statuses whose deadline clock runs: received, in processing. It stands still while the citizen
 * supplements the dossier (5) or pays the financial obligation (6).
 */
export const RUNNING_STATUSES: readonly DossierStatus[] = [DossierStatus.Received, DossierStatus.InProcessing];

/** Statuses whose deadline clock stands still until the citizen acts. */
export const PAUSED_STATUSES: readonly DossierStatus[] = [DossierStatus.SupplementRequested, DossierStatus.FinancialObligationPending];

export interface DeadlineContext {
  calendar: WorkingCalendar;
  nowMs: number;
  dueSoonWorkingMinutes: number;
}

/**
 * The deadline state to show now. Stored projections only know the finished states (the open
 * state depends on the clock), so open dossiers are judged here against the desk clock.
 */
export function deadlineKindOf(dossier: Pick<ProjectedDossier, 'status' | 'dueAt' | 'deadlineState' | 'finishedAt'>, ctx: DeadlineContext): DeadlineKind {
  if (dossier.dueAt === '') return 'none';
  if (dossier.finishedAt !== null) {
    const finished = dossier.deadlineState;
    return finished === 'early' || finished === 'on-time' || finished === 'late' ? finished : 'none';
  }
  if (PAUSED_STATUSES.includes(dossier.status)) return 'paused';
  if (!RUNNING_STATUSES.includes(dossier.status)) return 'none';
  try {
    return openDeadlineState(ctx.calendar, {
      dueMs: Date.parse(dossier.dueAt),
      nowMs: ctx.nowMs,
      dueSoonWorkingMinutes: ctx.dueSoonWorkingMinutes,
    });
  } catch {
    // A due date in a year without calendar data: still tell overdue apart, never crash the list.
    return Date.parse(dossier.dueAt) < ctx.nowMs ? 'overdue' : 'not-due';
  }
}
