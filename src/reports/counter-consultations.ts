import type { ConsultationOutcome } from '../counter/consultation.ts';
import { parseInstant, periodWindow } from './report-period.ts';
import type { ReportPeriod } from './report-period.ts';

/**
 * The official report's own line for counter consultations (issue 20 point 1): citizens guided to
 * supplement their papers or refused at the counter, by the time of the consultation (Vietnam
 * dates of the period). They are never dossiers: no other figure of the report counts them.
 */
export interface ConsultationLine {
  total: number;
  guided: number;
  refused: number;
}

export const CONSULTATION_LINE_LABEL = 'Hướng dẫn, từ chối tại quầy (không tiếp nhận)';

export interface CountableConsultation {
  outcome: ConsultationOutcome;
  /** ISO instant of the consultation. */
  at: string;
}

/** @throws DomainError `report.bad_period` for a bad period, as the rest of the report. */
export function countConsultations(consultations: Iterable<CountableConsultation>, period: ReportPeriod): ConsultationLine {
  const window = periodWindow(period);
  const line: ConsultationLine = { total: 0, guided: 0, refused: 0 };
  for (const consultation of consultations) {
    const atMs = parseInstant(consultation.at);
    if (atMs === null || atMs < window.startMs || atMs >= window.endMs) continue;
    line.total += 1;
    line[consultation.outcome] += 1;
  }
  return line;
}
