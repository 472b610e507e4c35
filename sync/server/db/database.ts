import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { runMigrations } from './migrate.ts';
import { SerialisedPGliteDialect } from './serialised-pglite.ts';
import type { Schema } from './schema.ts';

export type { Schema } from './schema.ts';
export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<Schema>;
  /** PGlite only: the embedded instance, for LISTEN/NOTIFY in process. */
  pglite?: PGlite;
  /** PostgreSQL only: the connection string, for a dedicated LISTEN connection. */
  url?: string;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export interface OpenOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

// PostgreSQL sends bigint (int8) as text; sequences here stay far below 2^53, so read them as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

/** Opens the embedded PGlite database in `dataDir`, or PostgreSQL when a URL is given, and migrates it. */
export async function openDatabase(target: DatabaseTarget, { migrate = true }: OpenOptions = {}): Promise<Database> {
  const database = target.kind === 'postgres' ? openPostgres(target.url) : await openPglite(target.dataDir);
  if (migrate) {
    try {
      await runMigrations(database.db as Kysely<unknown>);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ended (restart, pg_terminate_backend) is dropped by the pool and
  // replaced on next use; without a listener its 'error' event would end the whole process.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, url, close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  const inMemory = dataDir === 'memory://';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const lock = inMemory ? null : acquireDataDirLock(dataDir);
  try {
    const pglite = await PGlite.create(dataDir);
    const db = new Kysely<Schema>({ dialect: new SerialisedPGliteDialect({ pglite }) });
    const close = async () => {
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    };
    return { kind: 'pglite', db, pglite, close };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** A cheap round trip proving the database answers. */
export async function pingDatabase(db: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(db);
}
