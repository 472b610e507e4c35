import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { ingestEvents } from '../domain/ingest.ts';
import { deskOf } from '../plugins/desk-auth.ts';
import { latestFeedSeq, pullUnitEvents } from '../repositories/events.ts';
import { pullReferenceDocs } from '../repositories/reference-docs.ts';
import { serveStream } from './event-stream.ts';
import { parseWire } from './wire.ts';

export const MAX_PUSH_BYTES = 1024 * 1024;

const pullQuery = z.object({
  checkpoint: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * `own=stamps`: the asking desk's own events come back as `{id, serverAt, stampOnly}`. It pushed
 * them and only lacks the server time; their bodies would cross a slow link a second time.
 */
const ownQuery = z.object({ own: z.enum(['full', 'stamps']).default('full') });
const eventsPullQuery = pullQuery.extend(ownQuery.shape);

interface EventPageOnWire {
  documents: Array<Record<string, unknown>>;
  checkpoint: { seq: number };
}

function withOwnAsStamps(page: EventPageOnWire, deskId: string): EventPageOnWire {
  return {
    ...page,
    documents: page.documents.map((doc) => (doc.deskId === deskId ? { id: doc.id, serverAt: doc.serverAt, stampOnly: true, _deleted: false } : doc)),
  };
}

const pushBody = z
  .array(z.strictObject({ assumedMasterState: z.unknown().optional(), newDocumentState: z.unknown() }))
  .max(1000);

/** An ISO instant or Unix milliseconds: the desk's clock when it sent the request. */
const deskTimeHeader = z.union([z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)), z.coerce.number().int().positive()]);

/**
 * RxDB replication endpoints (tech-notes: pull handler, push handler, `pull.stream$`).
 * Checkpoints are `{seq}`: the position in the desk's unit feed (events) or the reference sequence.
 */
export const syncRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', app.requireDesk);

  app.get('/api/sync/events/pull', async (request) => {
    const desk = deskOf(request);
    const { checkpoint, limit, own } = parseWire(eventsPullQuery, request.query, 'Tham số kéo dữ liệu');
    const page = await pullUnitEvents(app.database.db, { unitId: desk.unitId, afterSeq: checkpoint, limit });
    return own === 'stamps' ? withOwnAsStamps(page, desk.id) : page;
  });

  app.post('/api/sync/events/push', { bodyLimit: MAX_PUSH_BYTES }, async (request) => {
    const desk = deskOf(request);
    const rows = parseWire(pushBody, request.body, 'Lô sự kiện gửi lên');
    const rawDeskTime = request.headers['x-desk-time'];
    const deskClock = typeof rawDeskTime === 'string' ? parseWire(deskTimeHeader, rawDeskTime, 'Tiêu đề X-Desk-Time') : null;
    const now = Date.now();
    const result = await ingestEvents(app.database.db, { desk, documents: rows.map((row) => row.newDocumentState), now, deskClock });
    if (result.clockSkewed) request.log.warn({ deskId: desk.id, clockSkewMs: result.clockSkewMs }, 'desk clock is off');
    return {
      // Events are append-only: a push never conflicts; a tampered one is refused with 409 instead.
      conflicts: [],
      accepted: result.accepted.length,
      duplicates: result.duplicates.length,
      serverTime: new Date(now).toISOString(),
      clockSkewMs: result.clockSkewMs,
      clockSkewed: result.clockSkewed,
    };
  });

  app.get('/api/sync/events/stream', async (request, reply) => {
    const desk = deskOf(request);
    const { own } = parseWire(ownQuery, request.query, 'Tham số kênh cập nhật');
    await serveStream(request, reply, app.changes, app.deskStreams, {
      topic: 'events',
      start: () => latestFeedSeq(app.database.db, desk.unitId),
      pull: async (afterSeq, limit) => {
        const page = await pullUnitEvents(app.database.db, { unitId: desk.unitId, afterSeq, limit });
        return own === 'stamps' ? withOwnAsStamps(page, desk.id) : page;
      },
    });
  });

  app.get('/api/sync/reference/pull', async (request) => {
    const desk = deskOf(request);
    const { checkpoint, limit } = parseWire(pullQuery, request.query, 'Tham số kéo dữ liệu');
    return pullReferenceDocs(app.database.db, { unitId: desk.unitId, deskSlot: desk.slot, afterSeq: checkpoint, limit });
  });

  app.get('/api/sync/reference/stream', async (request, reply) => {
    const desk = deskOf(request);
    await serveStream(request, reply, app.changes, app.deskStreams, {
      topic: 'reference',
      start: async () => {
        const row = await app.database.db.selectFrom('reference_docs').select((eb) => eb.fn.max('seq').as('max')).executeTakeFirst();
        return Number(row?.max ?? 0);
      },
      pull: (afterSeq, limit) => pullReferenceDocs(app.database.db, { unitId: desk.unitId, deskSlot: desk.slot, afterSeq, limit }),
    });
  });
};
