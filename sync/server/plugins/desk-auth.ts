import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ServerError } from '../domain/server-error.ts';
import { findDeskByCredential, type Desk } from '../repositories/desks.ts';

declare module 'fastify' {
  interface FastifyRequest {
    desk: Desk | null;
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
    app.decorate('requireDesk', async (request: FastifyRequest) => {
      const match = BEARER.exec(request.headers.authorization ?? '');
      const desk = match?.[1] ? await findDeskByCredential(app.database.db, match[1]) : undefined;
      if (!desk) throw new ServerError(401, 'desk.unauthorized', 'Bàn tiếp nhận chưa được kích hoạt hoặc khóa truy cập không đúng.');
      request.desk = desk;
    });
  },
  { name: 'desk-auth', dependencies: ['database'] },
);

export function deskOf(request: FastifyRequest): Desk {
  if (!request.desk) throw new ServerError(401, 'desk.unauthorized', 'Bàn tiếp nhận chưa được xác thực.');
  return request.desk;
}
