import type { DossierState } from '../dossier/dossier-state.ts';
import { DossierStatus } from '../dossier/status.ts';
import { DomainError } from '../errors.ts';
import type { Instant } from '../time/vn-time.ts';
import { parseInstant } from './report-period.ts';

/** A dossier with its instants read once. */
export interface TimedDossier {
  dossier: DossierState;
  receivedMs: Instant;
  dueMs: Instant;
  /** When it left processing (resolved, withdrawn, refused, stopped); null while open. */
  finishedMs: Instant | null;
}

/** A dossier left out of a report, with the reason shown to the officer. */
export interface SkippedDossier {
  code: string;
  error: DomainError;
}

const finishedStatuses: ReadonlySet<DossierStatus> = new Set([
  DossierStatus.Refused,
  DossierStatus.Withdrawn,
  DossierStatus.Stopped,
  DossierStatus.Resolved,
  DossierStatus.Returned,
]);

/**
 * Reads the instants of every dossier and keeps those a report can place in
 * time. A dossier whose events have not all arrived yet (no receipt, no due
 * date) or whose status contradicts its finishing time is skipped, not
 * guessed, and listed so the report says what it left out.
 */
export function timeDossiers(dossiers: readonly DossierState[]): { usable: TimedDossier[]; skipped: SkippedDossier[] } {
  const usable: TimedDossier[] = [];
  const skipped: SkippedDossier[] = [];
  const seen = new Set<string>();
  for (const dossier of dossiers) {
    const problem = seen.has(dossier.code) ? duplicate(dossier) : undefined;
    seen.add(dossier.code);
    const timed = problem === undefined ? timeDossier(dossier) : problem;
    if (timed instanceof DomainError) skipped.push({ code: dossier.code, error: timed });
    else usable.push(timed);
  }
  return { usable, skipped };
}

function duplicate(dossier: DossierState): DomainError {
  return new DomainError('report.duplicate_dossier', `Hồ sơ ${dossier.code} xuất hiện hai lần; chỉ tính lần đầu.`);
}

function timeDossier(dossier: DossierState): TimedDossier | DomainError {
  const receivedMs = parseInstant(dossier.receivedAt);
  if (receivedMs === null) {
    return new DomainError('report.no_receipt', `Hồ sơ ${dossier.code} chưa có thời điểm tiếp nhận hợp lệ (có thể chưa đồng bộ đủ).`);
  }
  const dueMs = parseInstant(dossier.dueAt);
  if (dueMs === null) {
    return new DomainError('report.no_due_date', `Hồ sơ ${dossier.code} chưa có ngày hẹn trả hợp lệ.`);
  }
  const finishedMs = dossier.finishedAt === null ? null : parseInstant(dossier.finishedAt);
  const isFinished = finishedStatuses.has(dossier.status);
  if ((dossier.finishedAt !== null && finishedMs === null) || isFinished !== (finishedMs !== null)) {
    return new DomainError(
      'report.inconsistent_finish',
      `Hồ sơ ${dossier.code} có trạng thái ${dossier.status} không khớp với thời điểm kết thúc xử lý; cần kiểm tra lại.`,
      undefined,
      { status: dossier.status, finishedAt: dossier.finishedAt },
    );
  }
  return { dossier, receivedMs, dueMs, finishedMs };
}
