import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ingestConsultations } from '../domain/ingest-consultations.ts';
import { deskOf } from '../plugins/desk-auth.ts';
import { parseWire } from './wire.ts';

export const MAX_CONSULTATION_PUSH_BYTES = 1024 * 1024;

const pushBody = z.strictObject({ consultations: z.array(z.unknown()).min(1).max(500) });

/**
 * `POST /api/sync/consultations/push`: a desk sends its counter consultations (issue 20 point 1),
 * `{consultations: [...]}`; answered `{accepted, duplicates}`. Idempotent by id; a bad one refuses
 * the batch with `{error: {code, message, eventId, path}}` and stores nothing.
 */
export const consultationRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireDesk);
  app.post('/api/sync/consultations/push', { bodyLimit: MAX_CONSULTATION_PUSH_BYTES }, async (request) => {
    const desk = deskOf(request);
    const { consultations } = parseWire(pushBody, request.body, 'Lô bản ghi hướng dẫn tại quầy');
    const result = await ingestConsultations(app.database.db, { desk, documents: consultations, now: Date.now() });
    return { accepted: result.accepted.length, duplicates: result.duplicates.length, acceptedIds: result.accepted };
  });
};
