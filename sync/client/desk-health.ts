import { z } from 'zod';
import { offsetFromExchange } from '../../src/time/clock-offset.ts';
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

/** `serverTime`: the server's clock when it took the report (servers before issue 18 do not say). */
const deskHealthAnswerSchema = z.object({ ok: z.literal(true), serverTime: z.iso.datetime({ offset: true }).optional() });

export function deskHealthReportOf(summary: PendingSummary, nowMs: number): DeskHealthReport {
  return {
    pendingEvents: summary.pending,
    oldestPendingAt: summary.oldestPendingAt === null ? null : new Date(summary.oldestPendingAt).toISOString(),
    deskTime: new Date(nowMs).toISOString(),
  };
}

/** Sends the report; returns the desk clock's offset from the server's as the answer tells it, or null. */
export async function sendDeskHealth(http: HttpClient, report: DeskHealthReport, clock: () => number): Promise<number | null> {
  const sentAt = clock();
  const answer = await http.post(DESK_HEALTH_PATH, report, deskHealthAnswerSchema);
  return answer.serverTime === undefined ? null : offsetFromExchange(sentAt, clock(), Date.parse(answer.serverTime));
}
