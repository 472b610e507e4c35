import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { BlobStorage } from '../blobs/storage.ts';
import { SHA256_HEX } from '../blobs/storage.ts';
import { ServerError } from '../domain/server-error.ts';
import { deskOf } from '../plugins/desk-auth.ts';
import { attachedMediaType, findBlob, logDownload, unitHoldsDossier } from '../repositories/attachments.ts';
import { parseWire } from './wire.ts';

const params = z.object({ hash: z.string().regex(SHA256_HEX) });
const query = z.object({ dossier: z.string().min(1).max(100) });

/**
 * A scanned paper for a desk of a unit that holds (or held) the dossier, and only as a paper of
 * that dossier: the hash alone opens nothing. Every download is logged.
 */
export const attachmentRoutes: FastifyPluginAsync<{ storage: BlobStorage }> = async (app, { storage }) => {
  app.addHook('preHandler', app.requireDesk);

  app.get('/api/attachments/:hash', { exposeHeadRoute: false, compress: false }, async (request, reply) => {
    const desk = deskOf(request);
    const { hash } = parseWire(params, request.params, 'Mã tệp');
    const { dossier } = parseWire(query, request.query, 'Tham số tải tệp');
    const db = app.database.db;
    if (!(await unitHoldsDossier(db, desk.unitId, dossier))) {
      throw new ServerError(403, 'attachment.forbidden', 'Đơn vị của quầy không giữ hồ sơ này.');
    }
    const blob = (await attachedMediaType(db, { dossierCode: dossier, hash })) === undefined ? undefined : await findBlob(db, hash);
    if (!blob) throw new ServerError(404, 'attachment.not_found', 'Hồ sơ không có tệp này hoặc tệp chưa được tải lên.');
    const body = await storage.readBlob(hash);
    await logDownload(db, { hash, dossierCode: dossier, deskId: desk.id, unitId: desk.unitId });
    return reply
      .header('Content-Type', blob.mediaType)
      .header('Content-Length', String(blob.size))
      .header('Cache-Control', 'private, no-store')
      .header('Content-Disposition', `attachment; filename="${hash}"`)
      .send(body);
  });
};
