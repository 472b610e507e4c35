import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE_NAME } from '../../../sync/server/db/data-dir-lock.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { loadMigrations } from '../../../sync/server/db/migrate.ts';
import { startServerProcess } from '../../helpers/server-process.ts';
import { newPgliteDir, serverTestDatabases } from './support/server-databases.ts';

const migrationCount = loadMigrations().length;

describe.each(serverTestDatabases())('migrations on $name', (database) => {
  afterAll(() => database.cleanup());

  it('applies every numbered migration once and is idempotent on restart', async () => {
    const target = await database.target();
    const first = await openDatabase(target);
    const rows = await first.db.selectFrom('schema_migrations').select(['version', 'name']).orderBy('version').execute();
    expect(rows.map((row) => row.version)).toEqual(loadMigrations().map((migration) => migration.version));
    await first.close();

    const second = await openDatabase(target);
    const again = await second.db.selectFrom('schema_migrations').select('version').execute();
    expect(again).toHaveLength(migrationCount);
    await second.close();
  });

  it.runIf(database.name === 'postgres')('lets processes starting together take turns', async () => {
    const target = await database.target();
    const opened = await Promise.all([openDatabase(target), openDatabase(target), openDatabase(target)]);
    const rows = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(opened[0]!.db);
    expect(rows.rows[0]?.n).toBe(migrationCount);
    await Promise.all(opened.map((db) => db.close()));
  });
});

describe('the PGlite data-directory lock', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('refuses a second opening of the same directory and frees it on close', async () => {
    const dir = await newPgliteDir();
    dirs.push(dir);
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    const reopened = await openDatabase({ kind: 'pglite', dataDir: dir });
    await reopened.close();
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = await newPgliteDir();
    dirs.push(dir);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout);
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: deadPid, host: hostname() }));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    await database.close();
  });

  it('makes a second server process on the same directory exit with a clear message', async () => {
    const dir = await newPgliteDir();
    dirs.push(dir);
    const server = await startServerProcess(['--data', dir]);
    try {
      const second = startServerProcess(['--data', dir]);
      await expect(second).rejects.toThrow(/already used by process \d+/);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
    } finally {
      await server.stop();
    }
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
  });
});
