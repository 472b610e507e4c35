import { workingMinutesBetween, type WorkingCalendar } from '../calendar/working-calendar.ts';
import { DomainError } from '../errors.ts';
import { assertInstant, localDayNumberOf, type Instant } from '../time/vn-time.ts';

export type OpenDeadlineState = 'not-due' | 'due-soon' | 'overdue';
export type FinishedDeadlineState = 'early' | 'on-time' | 'late';

export interface OpenDeadlineInput {
  readonly dueMs: Instant;
  readonly nowMs: Instant;
  /** Remaining working minutes at or below which a dossier is "due soon"; defaults to one office day. */
  readonly dueSoonWorkingMinutes?: number;
}

/** State of a dossier still being processed: past the due time is overdue. */
export function openDeadlineState(cal: WorkingCalendar, input: OpenDeadlineInput): OpenDeadlineState {
  const { dueMs, nowMs } = input;
  const threshold = input.dueSoonWorkingMinutes ?? cal.minutesPerWorkingDay;
  assertInstant(dueMs, ['dueMs']);
  assertInstant(nowMs, ['nowMs']);
  if (!Number.isFinite(threshold) || threshold < 0) {
    throw new DomainError(
      'deadline.invalid_due_soon_threshold',
      'Ngưỡng "sắp đến hạn" phải là số phút làm việc không âm.',
      ['dueSoonWorkingMinutes'],
      { value: threshold },
    );
  }
  if (nowMs > dueMs) return 'overdue';
  return workingMinutesBetween(cal, nowMs, dueMs) <= threshold ? 'due-soon' : 'not-due';
}

export interface FinishedDeadlineInput {
  readonly dueMs: Instant;
  readonly finishedMs: Instant;
}

/** The official reporting rule compares Vietnam dates, not times: finishing at 20:00 on the due date is on time. */
export function finishedDeadlineState(input: FinishedDeadlineInput): FinishedDeadlineState {
  const dueDay = localDayNumberOf(input.dueMs);
  const finishedDay = localDayNumberOf(input.finishedMs);
  if (finishedDay < dueDay) return 'early';
  return finishedDay === dueDay ? 'on-time' : 'late';
}
