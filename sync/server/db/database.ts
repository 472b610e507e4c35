import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';

export type DatabaseKind = 'pglite' | 'postgres';

/** Table types grow with the migrations of later features. */
export type Schema = Record<string, never>;

export interface Database {
  kind: DatabaseKind;
  db: Kysely<Schema>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Opens the embedded PGlite database in `dataDir`, or PostgreSQL when a URL is given. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { kind: 'postgres', db, close: () => db.destroy() };
  }
  if (target.dataDir !== 'memory://') mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir);
  const db = new Kysely<Schema>({ dialect: new PGliteDialect({ pglite }) });
  return { kind: 'pglite', db, close: () => db.destroy() };
}

/** A cheap round trip proving the database answers. */
export async function pingDatabase(db: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(db);
}
