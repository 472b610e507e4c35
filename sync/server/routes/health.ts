import type { FastifyPluginAsync } from 'fastify';
import { pingDatabase } from '../db/database.ts';

export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', async (_request, reply) => {
    try {
      await pingDatabase(app.database.db);
      return { ok: true, db: app.database.kind };
    } catch (error) {
      app.log.error({ err: error }, 'database ping failed');
      return reply.code(503).send({ ok: false, db: app.database.kind, error: 'database_unavailable' });
    }
  });
};
