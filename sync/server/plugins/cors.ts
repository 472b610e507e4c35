import cors from '@fastify/cors';
import fp from 'fastify-plugin';

/**
 * Desks call the server from another origin: `app://motcua` in Electron, the
 * Vite server's origin with `npm run web`. They authenticate with a Bearer
 * credential, never a cookie, so any origin may call, and no credentials are
 * allowed cross-origin: the dashboard's cookie session stays same-origin only.
 */
export const corsPlugin = fp(
  async (app) => {
    await app.register(cors, {
      origin: '*',
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Content-Encoding', 'X-Desk-Time', 'Last-Event-ID'],
      maxAge: 600,
    });
  },
  { name: 'cors' },
);
