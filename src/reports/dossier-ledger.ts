import type { DossierState } from '../dossier/dossier-state.ts';
import { DossierStatus } from '../dossier/status.ts';
import { formatDate, localDateOf } from '../time/vn-time.ts';
import type { LocalDate } from '../time/vn-time.ts';
import { timeDossiers } from './report-dossiers.ts';
import type { SkippedDossier, TimedDossier } from './report-dossiers.ts';
import { parseInstant, periodWindow } from './report-period.ts';
import type { ReportPeriod } from './report-period.ts';

/**
 * One line of the dossier ledger (Sổ theo dõi hồ sơ, Mẫu 06). The number of
 * sets, address, phone and the return signatures are not in `DossierState`:
 * the printed form takes them from the dossier record or leaves them blank.
 */
export interface LedgerRow {
  /** 1-based line within the printed period. */
  lineNumber: number;
  code: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  receivedAt: string;
  receivedDate: LocalDate;
  /** The appointment printed on the receipt. */
  appointmentAt: string;
  appointmentDate: LocalDate;
  resultReturnedAt: string | null;
  resultReturnedDate: LocalDate | null;
  /** Vietnamese remarks: channel, linked group, supplements, new appointment, how it ended. */
  notes: string[];
}

export interface DossierLedger {
  rows: LedgerRow[];
  skipped: SkippedDossier[];
}

const endingNotes: Partial<Record<DossierStatus, string>> = {
  [DossierStatus.Refused]: 'Từ chối tiếp nhận, giải quyết',
  [DossierStatus.Withdrawn]: 'Công dân rút hồ sơ',
  [DossierStatus.Stopped]: 'Dừng giải quyết',
};

/**
 * The ledger lines of the dossiers received within the period, in order of
 * receipt. Every dossier has its own line, linked ones included: the ledger
 * records papers received, not statistics.
 * @throws DomainError for a bad period.
 */
export function dossierLedger(dossiers: readonly DossierState[], period: ReportPeriod): DossierLedger {
  const window = periodWindow(period);
  const { usable, skipped } = timeDossiers(dossiers);
  const rows = usable
    .filter((timed) => timed.receivedMs >= window.startMs && timed.receivedMs < window.endMs)
    .sort((a, b) => a.receivedMs - b.receivedMs || (a.dossier.code < b.dossier.code ? -1 : 1))
    .map((timed, index) => ledgerRow(timed, index + 1));
  return { rows, skipped };
}

function ledgerRow(timed: TimedDossier, lineNumber: number): LedgerRow {
  const { dossier } = timed;
  const originalDueMs = parseInstant(dossier.originalDueAt);
  const appointment = originalDueMs === null ? { at: dossier.dueAt, ms: timed.dueMs } : { at: dossier.originalDueAt, ms: originalDueMs };
  const returnedMs = dossier.returnedAt === null ? null : parseInstant(dossier.returnedAt);
  return {
    lineNumber,
    code: dossier.code,
    procedureCode: dossier.procedureCode,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicantName,
    receivedAt: dossier.receivedAt,
    receivedDate: localDateOf(timed.receivedMs),
    appointmentAt: appointment.at,
    appointmentDate: localDateOf(appointment.ms),
    resultReturnedAt: returnedMs === null ? null : dossier.returnedAt,
    resultReturnedDate: returnedMs === null ? null : localDateOf(returnedMs),
    notes: notesOf(timed, localDateOf(appointment.ms)),
  };
}

function notesOf({ dossier, dueMs }: TimedDossier, appointmentDate: LocalDate): string[] {
  const notes: string[] = [];
  if (dossier.channel === 'online') notes.push('Nộp trực tuyến');
  if (dossier.channel === 'post') notes.push('Nộp qua bưu chính');
  if (dossier.linkedGroupId !== null) notes.push(`Hồ sơ liên thông (nhóm ${dossier.linkedGroupId})`);
  if (dossier.supplementRequestCount > 0) notes.push(`Yêu cầu bổ sung ${dossier.supplementRequestCount} lần`);
  // Supplements and apology letters both move the appointment; the ledger shows the latest one.
  if (localDateOf(dueMs) !== appointmentDate) notes.push(`Hẹn lại ngày ${formatDate(dueMs)}`);
  const ending = endingNotes[dossier.status];
  if (ending !== undefined) notes.push(ending);
  return notes;
}
