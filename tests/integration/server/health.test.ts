import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../sync/server/app.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { serverTestDatabases } from './support/server-databases.ts';

describe.each(serverTestDatabases())('GET /health on $name', (database) => {
  afterAll(() => database.cleanup());

  it('answers ok with the database kind', async () => {
    const app = await buildApp({ database: await openDatabase(await database.target()) });
    try {
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ ok: true, db: database.name });
    } finally {
      await app.close();
    }
  });
});
