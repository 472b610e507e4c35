import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseTarget } from '../../../../sync/server/db/database.ts';
import { LOCK_FILE_NAME } from '../../../../sync/server/db/data-dir-lock.ts';

/**
 * Like tests/helpers/databases.ts, with two savings for the many server tests:
 * - a new PGlite directory is copied from a once-initialised template (initdb takes ~20 s here);
 * - each PostgreSQL target is a fresh schema of TEST_DATABASE_URL, dropped by `cleanup`, so test
 *   files sharing one database in CI never see each other's rows.
 */
export interface ServerTestDatabase {
  name: 'pglite' | 'postgres';
  target(): Promise<DatabaseTarget>;
  cleanup(): Promise<void>;
}

const TEMPLATE_DIR = join(tmpdir(), `motcua-pglite-template-${process.versions.node}`);

async function pgliteTemplate(): Promise<string> {
  if (existsSync(join(TEMPLATE_DIR, 'PG_VERSION'))) return TEMPLATE_DIR;
  const building = `${TEMPLATE_DIR}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const pglite = await PGlite.create(building);
  await pglite.close();
  try {
    renameSync(building, TEMPLATE_DIR);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return TEMPLATE_DIR;
}

export async function newPgliteDir(): Promise<string> {
  const template = await pgliteTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pglite-'));
  cpSync(template, dir, { recursive: true, filter: (source) => !source.endsWith(LOCK_FILE_NAME) });
  return dir;
}

export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

export async function newPostgresSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema ${schema}`);
  } finally {
    await client.end();
  }
  return {
    url: withSearchPath(url, schema),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      try {
        await dropper.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export function serverTestDatabases(): ServerTestDatabase[] {
  const dirs: string[] = [];
  const schemas: Array<() => Promise<void>> = [];
  const list: ServerTestDatabase[] = [
    {
      name: 'pglite',
      target: async () => {
        const dir = await newPgliteDir();
        dirs.push(dir);
        return { kind: 'pglite', dataDir: dir };
      },
      cleanup: async () => {
        for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    list.push({
      name: 'postgres',
      target: async () => {
        const schema = await newPostgresSchema(url);
        schemas.push(schema.drop);
        return { kind: 'postgres', url: schema.url };
      },
      cleanup: async () => {
        for (const drop of schemas.splice(0)) await drop();
      },
    });
  }
  return list;
}
