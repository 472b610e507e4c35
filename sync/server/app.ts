import Fastify, { type FastifyInstance, type FastifyServerOptions, type RouteOptions } from 'fastify';
import type { BlobStorage } from './blobs/storage.ts';
import type { TrustProxy } from './config.ts';
import type { Database } from './db/database.ts';
import { withSafeErrorLogging } from './logging.ts';
import { changeBusPlugin } from './plugins/change-bus.ts';
import { corsPlugin } from './plugins/cors.ts';
import { databasePlugin } from './plugins/database.ts';
import { deskAuthPlugin } from './plugins/desk-auth.ts';
import { deskStreamsPlugin, type DeskStreamOptions } from './plugins/desk-streams.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { formProtectionPlugin } from './plugins/form-protection.ts';
import { loginGuardPlugin, type LoginGuardOptions } from './plugins/login-guard.ts';
import { DEFAULT_RATE_LIMITS, rateLimitPlugin, type RateLimits } from './plugins/rate-limit.ts';
import { requestDecompressionPlugin } from './plugins/request-decompression.ts';
import { responseCompressionPlugin } from './plugins/response-compression.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { attachmentRoutes } from './routes/attachments.ts';
import { consultationRoutes } from './routes/consultations.ts';
import { enrollmentRoutes } from './routes/enrollment.ts';
import { healthRoutes } from './routes/health.ts';
import { officerLoginRoutes } from './routes/officer-login.ts';
import { publicLookupRoutes } from './routes/public-lookup.ts';
import { reportRoutes } from './routes/reports.ts';
import { syncRoutes } from './routes/sync.ts';
import { uploadRoutes } from './routes/uploads.ts';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  rateLimits?: Partial<RateLimits>;
  /** Serve HTTPS with this certificate chain and private key (PEM); plain HTTP without. */
  https?: { cert: Buffer | string; key: Buffer | string } | null;
  /** Believe `X-Forwarded-*` from these peers (a reverse proxy terminating TLS); see config.ts. */
  trustProxy?: TrustProxy;
  loginGuard?: Partial<LoginGuardOptions>;
  streams?: Partial<DeskStreamOptions>;
  /** Where uploaded papers go (main.ts: blobs/); without it the upload and download routes are absent. */
  blobStorage?: BlobStorage | null;
  /** Told of every route as it is added (before the hooks of later plugins run on it). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the provincial server: external plugins first, then the app's, then routes. */
export async function buildApp({
  database,
  logger = false,
  rateLimits = {},
  https = null,
  trustProxy = false,
  loginGuard = {},
  streams = {},
  blobStorage = null,
  onRoute,
}: AppOptions): Promise<FastifyInstance> {
  // Fastify's request log lines carry method and URL only: credentials in headers never reach the logs.
  // Errors are logged without the data they quote (logging.ts).
  const common = { logger: withSafeErrorLogging(logger), bodyLimit: 1024 * 1024, trustProxy };
  // The HTTPS server only differs in its raw server type, which nothing here reads.
  const app = (https ? Fastify({ ...common, https }) : Fastify(common)) as unknown as FastifyInstance;
  if (onRoute) app.addHook('onRoute', onRoute);
  const limits = { ...DEFAULT_RATE_LIMITS, ...rateLimits };
  await app.register(corsPlugin);
  await app.register(rateLimitPlugin);
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(responseCompressionPlugin);
  await app.register(requestDecompressionPlugin);
  await app.register(databasePlugin, { database });
  await app.register(changeBusPlugin);
  await app.register(deskAuthPlugin);
  await app.register(deskStreamsPlugin, streams);
  await app.register(loginGuardPlugin, { limits, ...loginGuard });
  await app.register(formProtectionPlugin);
  await app.register(healthRoutes);
  await app.register(enrollmentRoutes, { limits });
  await app.register(officerLoginRoutes);
  await app.register(syncRoutes);
  await app.register(consultationRoutes);
  await app.register(publicLookupRoutes, { limits });
  await app.register(reportRoutes);
  if (blobStorage) {
    await app.register(uploadRoutes, { storage: blobStorage });
    await app.register(attachmentRoutes, { storage: blobStorage });
  }
  return app;
}
