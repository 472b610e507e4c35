import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ServerError } from '../domain/server-error.ts';
import { findDeskCredential, type Desk } from '../repositories/desks.ts';

declare module 'fastify' {
  interface FastifyRequest {
    desk: Desk | null;
    /** SHA-256 of the credential the desk authenticated with (open streams re-check it). */
    deskCredentialHash: string | null;
  }
  interface FastifyInstance {
    /** preHandler for desk endpoints: `Authorization: Bearer <desk credential>`. */
    requireDesk(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

export const deskAuthPlugin = fp(
  async (app) => {
    app.decorateRequest('desk', null);
    app.decorateRequest('deskCredentialHash', null);
    app.decorate('requireDesk', async (request: FastifyRequest) => {
      const match = BEARER.exec(request.headers.authorization ?? '');
      const found = match?.[1] ? await findDeskCredential(app.database.db, match[1]) : undefined;
      if (!found) throw new ServerError(401, 'desk.unauthorized', 'Quầy tiếp nhận chưa được kích hoạt hoặc khóa truy cập không đúng.');
      if (found.revoked) {
        throw new ServerError(403, 'desk.revoked', 'Quầy đã bị thu hồi quyền đồng bộ. Liên hệ quản trị viên tỉnh để được cấp mã kích hoạt mới.');
      }
      request.desk = found.desk;
      request.deskCredentialHash = found.credentialHash;
    });
  },
  { name: 'desk-auth', dependencies: ['database'] },
);

export function deskOf(request: FastifyRequest): Desk {
  if (!request.desk) throw new ServerError(401, 'desk.unauthorized', 'Quầy tiếp nhận chưa được xác thực.');
  return request.desk;
}
