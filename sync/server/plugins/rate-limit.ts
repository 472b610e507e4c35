import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import { ServerError } from '../domain/server-error.ts';

export interface RateLimits {
  /** Requests per minute per client address. */
  enroll: number;
  login: number;
  publicLookup: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { enroll: 10, login: 20, publicLookup: 60 };

/** Opt-in per route (`config.rateLimit`); a refusal is the usual JSON error with status 429. */
export const rateLimitPlugin = fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_request, context) =>
        new ServerError(429, 'request.rate_limited', `Quá nhiều yêu cầu. Vui lòng thử lại sau ${Math.ceil(context.ttl / 1000)} giây.`),
    });
  },
  { name: 'rate-limit' },
);
