import type { onRequestAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_THROTTLE_POLICY, type ThrottlePolicy } from '../../../src/auth/login-throttle.ts';
import { createLoginGuard, type LoginGuard } from '../domain/login-guard.ts';
import { createMemoryThrottleStore } from '../domain/login-throttle-store.ts';
import { createVerificationGate } from '../domain/verification-gate.ts';
import type { RateLimits } from './rate-limit.ts';

declare module 'fastify' {
  interface FastifyInstance {
    loginGuard: LoginGuard & {
      /** onRequest hook of every login route: one budget per client address, shared by them all. */
      limitAddress: onRequestAsyncHookHandler;
    };
  }
}

export interface LoginGuardOptions {
  limits: RateLimits;
  policy: ThrottlePolicy;
  /** Password verifications at once, and waiting, per server process (see verification-gate.ts). */
  maxRunning: number;
  maxQueued: number;
  /** Accounts whose failed logins are remembered at most. */
  maxAccounts: number;
  now: () => number;
}

export const DEFAULT_LOGIN_GUARD = { policy: DEFAULT_THROTTLE_POLICY, maxRunning: 2, maxQueued: 8, maxAccounts: 10_000 } as const;

/** Throttles every login (desk officers' `POST /api/officers/login`, the dashboard's form) alike. */
export const loginGuardPlugin = fp<Partial<LoginGuardOptions> & { limits: RateLimits }>(
  async (app, options) => {
    const { limits, policy, maxRunning, maxQueued, maxAccounts, now } = { ...DEFAULT_LOGIN_GUARD, now: Date.now, ...options };
    const guard = createLoginGuard({
      throttle: createMemoryThrottleStore({ maxAccounts, now }),
      gate: createVerificationGate({ maxRunning, maxQueued }),
      now,
      policy,
    });
    const limitAddress = app.rateLimit({ max: limits.login, timeWindow: 60_000 }) as unknown as onRequestAsyncHookHandler;
    app.decorate('loginGuard', Object.assign(guard, { limitAddress }));
  },
  { name: 'login-guard', dependencies: ['rate-limit'] },
);
