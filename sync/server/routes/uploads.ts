import { Metadata, Server, type Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStorage } from '../blobs/storage.ts';
import { SHA256_HEX, sha256OfStream } from '../blobs/storage.ts';
import { errorBody, ServerError } from '../domain/server-error.ts';
import { deskOf } from '../plugins/desk-auth.ts';
import type { Desk } from '../repositories/desks.ts';
import {
  attachedMediaType,
  findBlob,
  MAX_ATTACHMENT_BYTES,
  recordBlob,
  unitHasAttached,
  unitHoldsDossier,
  type StoredBlob,
} from '../repositories/attachments.ts';

export const UPLOADS_PATH = '/api/uploads';

interface Creation {
  desk: Desk;
  dossierCode: string;
  hash: string;
  mediaType: string;
}

/** A tus refusal: status and our JSON error body (tus sends it as text, clients read it as JSON). */
function tusError(status: number, code: string, message: string): { status_code: number; body: string } {
  return { status_code: status, body: JSON.stringify(errorBody(code, message)) };
}

/**
 * tus 1.0 uploads of scanned papers (issue 22). A desk pushes the dossier's ATTACHED event first;
 * the creation is then checked against it here, in Fastify, where a refusal is our JSON error and a
 * content already stored is answered as done (`dedupAnswer`) without creating anything.
 */
export const uploadRoutes: FastifyPluginAsync<{ storage: BlobStorage }> = async (app, { storage }) => {
  // Who sent each request, for tus's hooks (they see the raw request, not Fastify's).
  const desks = new WeakMap<object, Desk>();
  const creations = new WeakMap<object, Creation>();
  const deskOfRaw = (req: { runtime?: { node?: { req: object } } }): Desk => {
    const raw = req.runtime?.node?.req;
    const desk = raw ? desks.get(raw) : undefined;
    if (!desk) throw tusError(401, 'desk.unauthorized', 'Quầy tiếp nhận chưa được xác thực.');
    return desk;
  };

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: storage.uploads,
    maxSize: MAX_ATTACHMENT_BYTES,
    relativeLocation: true,
    disableTerminationForFinishedUploads: true,
    onUploadCreate: async (req, upload) => {
      const raw = req.runtime?.node?.req;
      const creation = raw ? creations.get(raw) : undefined;
      if (!creation) throw tusError(401, 'desk.unauthorized', 'Quầy tiếp nhận chưa được xác thực.');
      // The desk's own claims are replaced by what the server checked.
      return {
        metadata: { ...upload.metadata, deskId: creation.desk.id, dossierCode: creation.dossierCode, hash: creation.hash, mediaType: creation.mediaType },
      };
    },
    onIncomingRequest: async (req, uploadId) => {
      const desk = deskOfRaw(req);
      if (req.method === 'POST') return;
      const upload = await storage.uploads.getUpload(uploadId).catch(() => undefined);
      // An unknown id is tus's 404 to give; someone else's upload is not this desk's to see.
      if (upload && upload.metadata?.deskId !== desk.id) {
        throw tusError(403, 'upload.forbidden', 'Tệp đang tải lên thuộc quầy khác.');
      }
    },
    onUploadFinish: async (_req, upload) => {
      await keepChecked(upload);
      return {};
    },
  });

  async function keepChecked(upload: Upload): Promise<void> {
    const hash = upload.metadata?.hash ?? '';
    const actual = await sha256OfStream(await storage.readUpload(upload.id));
    if (actual !== hash) {
      await storage.discard(upload.id);
      throw tusError(460, 'upload.checksum_mismatch', 'Nội dung tệp không khớp mã băm đã khai báo. Tệp đã bị hủy, vui lòng tải lên lại.');
    }
    await storage.keep(upload.id, hash);
    await recordBlob(app.database.db, { hash, size: upload.size ?? 0, mediaType: upload.metadata?.mediaType ?? 'application/octet-stream' });
  }

  async function checkCreation(request: FastifyRequest, desk: Desk): Promise<Creation & { stored?: StoredBlob }> {
    const length = Number(request.headers['upload-length']);
    if (!Number.isSafeInteger(length) || length <= 0) {
      throw new ServerError(400, 'upload.bad_length', 'Thiếu hoặc sai độ dài tệp (Upload-Length).');
    }
    if (length > MAX_ATTACHMENT_BYTES) throw new ServerError(413, 'upload.too_large', 'Tệp quá lớn (tối đa 50 MB).');
    let metadata: Record<string, string | null>;
    try {
      metadata = Metadata.parse(String(request.headers['upload-metadata'] ?? ''));
    } catch {
      throw new ServerError(400, 'upload.bad_metadata', 'Thông tin tệp (Upload-Metadata) không hợp lệ.');
    }
    const dossierCode = metadata.dossierCode ?? '';
    const hash = metadata.hash ?? '';
    if (dossierCode === '' || !SHA256_HEX.test(hash)) {
      throw new ServerError(400, 'upload.bad_metadata', 'Thông tin tệp phải có mã hồ sơ (dossierCode) và mã băm SHA-256 (hash).');
    }
    const db = app.database.db;
    if (!(await unitHoldsDossier(db, desk.unitId, dossierCode))) {
      throw new ServerError(403, 'attachment.forbidden', 'Đơn vị của quầy không giữ hồ sơ này.');
    }
    const mediaType = await attachedMediaType(db, { dossierCode, hash, size: length });
    if (mediaType === undefined) {
      throw new ServerError(404, 'attachment.not_attached', 'Hồ sơ chưa có sự kiện đính kèm tệp này (đồng bộ hồ sơ trước khi tải tệp lên).');
    }
    const stored = await findBlob(db, hash);
    return { desk, dossierCode, hash, mediaType, ...(stored ? { stored } : {}) };
  }

  /** A content already stored: the creation answers "all there" and points at the blob (see README). */
  function dedupAnswer(reply: FastifyReply, status: 201 | 200 | 204, blob: StoredBlob): FastifyReply {
    reply
      .code(status)
      .header('Tus-Resumable', '1.0.0')
      .header('Upload-Offset', String(blob.size))
      .header('Upload-Length', String(blob.size))
      .header('Cache-Control', 'no-store');
    if (status === 201) reply.header('Location', `${UPLOADS_PATH}/${blob.hash}`);
    // A PATCH to the blob's address: refuse the rest of its body rather than read it for nothing.
    if (status === 204) reply.header('Connection', 'close');
    return reply.send();
  }

  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
  app.addHook('preHandler', app.requireDesk);

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const desk = deskOf(request);
    const id = request.url.split('?')[0]?.slice(UPLOADS_PATH.length + 1) ?? '';
    if (request.method === 'POST' && id === '') {
      const creation = await checkCreation(request, desk);
      if (creation.stored) return dedupAnswer(reply, 201, creation.stored);
      creations.set(request.raw, creation);
    } else if (SHA256_HEX.test(id) && (request.method === 'HEAD' || request.method === 'PATCH')) {
      const blob = await findBlob(app.database.db, id);
      if (!blob || !(await unitHasAttached(app.database.db, desk.unitId, id))) {
        throw new ServerError(404, 'attachment.not_found', 'Không có tệp này.');
      }
      return dedupAnswer(reply, request.method === 'HEAD' ? 200 : 204, blob);
    }
    desks.set(request.raw, desk);
    reply.hijack();
    await tus.handle(request.raw, reply.raw);
    return reply;
  };
  app.all(UPLOADS_PATH, handle);
  app.all(`${UPLOADS_PATH}/*`, handle);

  // Uploads abandoned half-way (a desk replaced, a dossier withdrawn before its files went) would
  // otherwise fill the disk: swept at start and then every few hours.
  const sweep = () =>
    storage.removeExpiredUploads().then(
      (removed) => removed > 0 && app.log.info({ removed }, 'expired uploads removed'),
      (error: unknown) => app.log.warn({ err: error }, 'expired uploads not removed'),
    );
  const timer = setInterval(() => void sweep(), EXPIRED_UPLOAD_SWEEP_MS);
  timer.unref();
  app.addHook('onReady', async () => void sweep());
  app.addHook('onClose', async () => clearInterval(timer));
};

const EXPIRED_UPLOAD_SWEEP_MS = 6 * 60 * 60 * 1000;
