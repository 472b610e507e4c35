import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from './db/database.ts';
import { databasePlugin } from './plugins/database.ts';
import { healthRoutes } from './routes/health.ts';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the provincial server: external plugins first, then the app's, then routes. */
export async function buildApp({ database, logger = false }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger });
  await app.register(databasePlugin, { database });
  await app.register(healthRoutes);
  return app;
}
