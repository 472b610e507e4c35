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

  it('answers a cross-origin health check', async () => {
    const response = await app.inject({ method: 'GET', url: '/health', headers: { origin: 'http://localhost:5173' } });
    expect(response.headers['access-control-allow-origin']).toBe('*');
  });
});
