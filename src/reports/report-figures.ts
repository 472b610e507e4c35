import { finishedDeadlineState } from '../deadline/deadline-state.ts';
import { DossierStatus } from '../dossier/status.ts';
import type { Instant } from '../time/vn-time.ts';
import type { PeriodWindow } from './report-period.ts';
import type { TimedDossier } from './report-dossiers.ts';

/** Every figure of the official report; each dossier counts in some of them. */
export const reportFigures = [
  'carriedOver',
  'received.total',
  'received.inPerson',
  'received.online',
  'received.post',
  'finished.total',
  'finished.early',
  'finished.onTime',
  'finished.late',
  'inProcessing.total',
  'inProcessing.notDue',
  'inProcessing.overdue',
  'paused',
  'refused',
  'withdrawn',
] as const;
export type ReportFigure = (typeof reportFigures)[number];

const channelFigure = {
  'in-person': 'received.inPerson',
  online: 'received.online',
  post: 'received.post',
} as const satisfies Record<TimedDossier['dossier']['channel'], ReportFigure>;

const timelinessFigure = { early: 'finished.early', 'on-time': 'finished.onTime', late: 'finished.late' } as const;

/**
 * The figures a dossier counts in, for the period `[startMs, endMs)` with
 * open dossiers judged at `asOfMs`. The single source of every count and of
 * every click-through list, so the two can never disagree.
 *
 * - carried over: received before the period, not finished before it;
 * - received: received within the period, by channel;
 * - finished (9, 10, 7) within the period: early / on time / late by the
 *   Vietnam date of finishing against the due date; a withdrawal counts as
 *   finished on time; more than one supplement request counts as late, and so
 *   does an apology letter with a new appointment (EXTENDED): Decree 61/2018
 *   art. 19 asks for the letter for a dossier "quá hạn", and the new date does
 *   not make it timely. Neither rule is quoted from a statistics text: the
 *   first is domain.md's, the second this project's reading (README);
 * - refused (3) within the period;
 * - paused: stopped (8) within the period, or open at the period end and now
 *   waiting for a supplement (5) or a financial obligation (6);
 * - in processing: any other dossier open at the period end; overdue when
 *   its due instant is before `asOfMs`.
 *
 * `DossierState` holds the current status only: a dossier open at the period
 * end but finished since counts as in processing, whatever it was then.
 * So carried over + received = finished + refused + paused + in processing.
 */
export function figuresOf(timed: TimedDossier, period: PeriodWindow, asOfMs: Instant): ReportFigure[] {
  const { dossier, receivedMs, finishedMs } = timed;
  if (receivedMs >= period.endMs || (finishedMs !== null && finishedMs < period.startMs)) return [];

  const figures: ReportFigure[] =
    receivedMs < period.startMs ? ['carriedOver'] : ['received.total', channelFigure[dossier.channel]];

  if (finishedMs !== null && finishedMs < period.endMs) {
    switch (dossier.status) {
      case DossierStatus.Refused:
        figures.push('refused');
        break;
      case DossierStatus.Stopped:
        figures.push('paused');
        break;
      case DossierStatus.Withdrawn:
        figures.push('finished.total', 'finished.onTime', 'withdrawn');
        break;
      default:
        figures.push('finished.total', timelinessFigure[finishedTimeliness(timed, finishedMs)]);
    }
  } else if (finishedMs === null && isPausedStatus(dossier.status)) {
    figures.push('paused');
  } else {
    figures.push('inProcessing.total', timed.dueMs < asOfMs ? 'inProcessing.overdue' : 'inProcessing.notDue');
  }
  return figures;
}

function finishedTimeliness(timed: TimedDossier, finishedMs: Instant): 'early' | 'on-time' | 'late' {
  if (timed.dossier.supplementRequestCount > 1 || timed.dossier.extensionCount > 0) return 'late';
  return finishedDeadlineState({ dueMs: timed.dueMs, finishedMs });
}

const isPausedStatus = (status: DossierStatus): boolean =>
  status === DossierStatus.SupplementRequested || status === DossierStatus.FinancialObligationPending;
