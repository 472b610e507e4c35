import type { Rejection } from './rejections.ts';

export type DayEndStage = 'sending' | 'receiving' | 'projecting' | 'reference' | 'done';

export interface DayEndProgress {
  stage: DayEndStage;
  /** Events waiting when the cycle started. */
  pendingAtStart: number;
  sent: number;
  received: number;
  rejected: number;
}

export interface DayEndReport {
  ok: boolean;
  startedAt: number;
  finishedAt: number;
  /** Events of this desk the server accepted during the cycle. */
  sent: number;
  /** Events from other desks that arrived during the cycle. */
  received: number;
  /** Refused during the cycle, with the server's reasons. */
  rejected: Rejection[];
  /** Refused before this cycle and still on the desk. */
  rejectedEarlier: number;
  /** Events still waiting after the cycle (0 when all went through). */
  pendingAfter: number;
  /** Why the cycle could not finish (offline, server error). */
  error: string | null;
}
