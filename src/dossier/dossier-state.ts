import type { DossierStatus } from './status.ts';

/** How the dossier reached the desk: the intake columns of the official report. */
export type IntakeChannel = 'in-person' | 'online' | 'post';

export type OpenDeadlineState = 'not-due' | 'due-soon' | 'overdue';
export type FinishedDeadlineState = 'early' | 'on-time' | 'late';

export interface Anomaly {
  eventId: string;
  code: string;
  /** Vietnamese, shown on the dossier. */
  message: string;
}

/**
 * A dossier as folded from its events by the projection. Instants are ISO-8601 UTC strings.
 * Figures and screens read this shape; it is never edited directly.
 */
export interface DossierState {
  code: string;
  procedureCode: string;
  procedureName: string;
  field: string;
  applicantName: string;
  channel: IntakeChannel;
  /** Agency id of the unit that received it. */
  receivingUnitId: string;
  receivedByOfficerId: string;
  holderUnitId: string;
  holderOfficerId: string | null;
  /**
   * The unit whose report counts it: the receiving unit; for a component of a linked group, the
   * unit competent for it (the one holding it while open, the one that finished it afterwards).
   */
  reportUnitId: string;
  status: DossierStatus;
  receivedAt: string;
  /** The appointment first printed on the receipt. */
  originalDueAt: string;
  /** The due after pauses and extensions. */
  dueAt: string;
  /** When it left processing: resolved (9), withdrawn (7), refused (3) or stopped (8); null while open. */
  finishedAt: string | null;
  returnedAt: string | null;
  /** Working minutes spent waiting for supplements. */
  pausedWorkingMinutes: number;
  supplementRequestCount: number;
  extensionCount: number;
  /** The linked group's code (its first component's) when the dossier is a component of one. */
  linkedGroupId: string | null;
  /** Every paper kept in the dossier has a current digitised file (src/dossier/digitised-papers.ts). */
  papersDigitised: boolean;
  /** Its result has a digitised file. */
  resultDigitised: boolean;
  /** Event ids in projection order: the route of the dossier. */
  eventIds: string[];
  anomalies: Anomaly[];
}
