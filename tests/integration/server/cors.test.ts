import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../sync/server/app.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { serverTestDatabases } from './support/server-databases.ts';

const [pglite] = serverTestDatabases();

describe('cross-origin desks', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ database: await openDatabase(await pglite!.target()) });
  });
  afterAll(async () => {
    await app.close();
    pglite!.cleanup();
  });

  it('lets a desk on app://motcua preflight a push with its Bearer credential', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/api/sync/events/push',
      headers: {
        origin: 'app://motcua',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-desk-time',
      },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-headers']).toLowerCase()).toContain('x-desk-time');
    expect(response.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('lets a desk preflight the resumable upload of a scanned paper (tus: HEAD, PATCH and its headers)', async () => {
    for (const method of ['POST', 'HEAD', 'PATCH']) {
      const response = await app.inject({
        method: 'OPTIONS',
        url: '/api/uploads/0123abcd',
        headers: {
          origin: 'app://motcua',
          'access-control-request-method': method,
          'access-control-request-headers': 'authorization,tus-resumable,upload-length,upload-metadata,upload-offset,content-type',
        },
      });
      expect(response.statusCode).toBe(204);
      expect(String(response.headers['access-control-allow-methods'])).toContain(method);
      const allowed = String(response.headers['access-control-allow-headers']).toLowerCase();
      for (const header of ['tus-resumable', 'upload-length', 'upload-metadata', 'upload-offset']) expect(allowed).toContain(header);
    }
    const answer = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'app://motcua' } });
    const exposed = String(answer.headers['access-control-expose-headers']).toLowerCase();
    for (const header of ['location', 'upload-offset', 'upload-length', 'tus-resumable']) expect(exposed).toContain(header);
  });

  it('answers a cross-origin health check', async () => {
    const response = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'http://localhost:5173' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});
