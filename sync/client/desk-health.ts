import { z } from 'zod';
import type { HttpClient } from './http-client.ts';
import type { PendingSummary } from './pending-counter.ts';

export const DESK_HEALTH_PATH = '/api/desks/health';

/** What a desk tells the server about itself at each sync (sync/server/reports/desk-health.ts). */
export interface DeskHealthReport {
  pendingEvents: number;
  oldestPendingAt: string | null;
  /** The desk's clock when it sends the report: the server derives the clock offset from it. */
  deskTime: string;
}

const deskHealthAnswerSchema = z.object({ ok: z.literal(true) });

export function deskHealthReportOf(summary: PendingSummary, nowMs: number): DeskHealthReport {
  return {
    pendingEvents: summary.pending,
    oldestPendingAt: summary.oldestPendingAt === null ? null : new Date(summary.oldestPendingAt).toISOString(),
    deskTime: new Date(nowMs).toISOString(),
  };
}

export async function sendDeskHealth(http: HttpClient, report: DeskHealthReport): Promise<void> {
  await http.post(DESK_HEALTH_PATH, report, deskHealthAnswerSchema);
}
