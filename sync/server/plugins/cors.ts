import cors from '@fastify/cors';
import fp from 'fastify-plugin';

/**
 * Desks call the server from another origin: `app://motcua` in Electron, the
 * Vite server's origin with `npm run web`. They authenticate with a Bearer
 * credential, never a cookie, so any origin may call, and no credentials are
 * allowed cross-origin: the dashboard's cookie session stays same-origin only.
 */
const TUS_REQUEST_HEADERS = ['Tus-Resumable', 'Upload-Length', 'Upload-Metadata', 'Upload-Offset', 'Upload-Defer-Length', 'Upload-Concat'];
const TUS_RESPONSE_HEADERS = ['Location', 'Tus-Resumable', 'Tus-Version', 'Tus-Extension', 'Tus-Max-Size', 'Upload-Offset', 'Upload-Length', 'Upload-Expires'];

export const corsPlugin = fp(
  async (app) => {
    await app.register(cors, {
      origin: '*',
      credentials: false,
      // HEAD and PATCH, the tus headers in and out: the resumable uploads of scanned papers (routes/uploads.ts).
      methods: ['GET', 'POST', 'HEAD', 'PATCH'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Content-Encoding', 'X-Desk-Time', 'Last-Event-ID', ...TUS_REQUEST_HEADERS],
      exposedHeaders: TUS_RESPONSE_HEADERS,
      maxAge: 600,
    });
  },
  { name: 'cors' },
);
