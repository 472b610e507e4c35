import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Database } from './db/database.ts';
import { withSafeErrorLogging } from './logging.ts';
import { changeBusPlugin } from './plugins/change-bus.ts';
import { corsPlugin } from './plugins/cors.ts';
import { databasePlugin } from './plugins/database.ts';
import { deskAuthPlugin } from './plugins/desk-auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { DEFAULT_RATE_LIMITS, rateLimitPlugin, type RateLimits } from './plugins/rate-limit.ts';
import { requestDecompressionPlugin } from './plugins/request-decompression.ts';
import { responseCompressionPlugin } from './plugins/response-compression.ts';
import { enrollmentRoutes } from './routes/enrollment.ts';
import { healthRoutes } from './routes/health.ts';
import { officerLoginRoutes } from './routes/officer-login.ts';
import { publicLookupRoutes } from './routes/public-lookup.ts';
import { reportRoutes } from './routes/reports.ts';
import { syncRoutes } from './routes/sync.ts';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  rateLimits?: Partial<RateLimits>;
}

/** Builds the provincial server: external plugins first, then the app's, then routes. */
export async function buildApp({ database, logger = false, rateLimits = {} }: AppOptions): Promise<FastifyInstance> {
  // Fastify's request log lines carry method and URL only: credentials in headers never reach the logs,
  // and errors are logged without the data they quote (logging.ts).
  const app = Fastify({ logger: withSafeErrorLogging(logger), bodyLimit: 1024 * 1024 });
  const limits = { ...DEFAULT_RATE_LIMITS, ...rateLimits };
  await app.register(corsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(errorsPlugin);
  await app.register(responseCompressionPlugin);
  await app.register(requestDecompressionPlugin);
  await app.register(databasePlugin, { database });
  await app.register(changeBusPlugin);
  await app.register(deskAuthPlugin);
  await app.register(healthRoutes);
  await app.register(enrollmentRoutes, { limits });
  await app.register(officerLoginRoutes, { limits });
  await app.register(syncRoutes);
  await app.register(publicLookupRoutes, { limits });
  await app.register(reportRoutes);
  return app;
}
