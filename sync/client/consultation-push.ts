import { z } from 'zod';
import type { ConsultationRepository } from '../../renderer/store/consultation-repository.ts';
import { SyncError } from './http-client.ts';
import type { HttpClient } from './http-client.ts';

/**
 * Sends the desk's counter consultations (src/counter/consultation.ts) to the provincial server, after
 * the events and apart from them: a consultation the server refuses is kept on the desk with the
 * server's reason (shown in the consultation list) and never holds up an event or another consultation.
 */
export const consultationPushResponseSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  acceptedIds: z.array(z.string()),
});

export const CONSULTATION_PUSH_PATH = '/api/sync/consultations/push';
const BATCH = 100;

export interface ConsultationPushResult {
  /** Consultations the server now holds (new or already there). */
  sent: number;
  /** Refused by the server in this run, each kept with its reason. */
  rejected: number;
}

/**
 * Pushes every unsent consultation in batches. A batch refused because of one consultation (the
 * server names it) marks that one refused and sends the batch again without it; any other failure
 * (offline, server error) stops the run with a SyncError, leaving the rest waiting for the next.
 */
export async function pushConsultations(http: HttpClient, consultations: ConsultationRepository, signal?: AbortSignal): Promise<ConsultationPushResult> {
  const result: ConsultationPushResult = { sent: 0, rejected: 0 };
  let waiting = await consultations.unsent();
  while (waiting.length > 0) {
    const batch = waiting.slice(0, BATCH);
    try {
      await http.post(CONSULTATION_PUSH_PATH, { consultations: batch }, consultationPushResponseSchema, { compress: true, ...(signal ? { signal } : {}) });
    } catch (error) {
      const culprit = error instanceof SyncError && error.kind === 'refused' && error.eventId !== undefined ? batch.find((c) => c.id === error.eventId) : undefined;
      if (!culprit || !(error instanceof SyncError)) throw error;
      await consultations.markRejected(culprit.id, { code: error.code, message: error.message });
      result.rejected += 1;
      waiting = waiting.filter((c) => c.id !== culprit.id);
      continue;
    }
    await consultations.markSent(batch.map((c) => c.id));
    result.sent += batch.length;
    waiting = waiting.slice(batch.length);
  }
  return result;
}
