import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import { AdvisoryLock } from './locks.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/** The numbered SQL files of `db/migrations`, in order. The same SQL runs on PGlite and PostgreSQL. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Migration file ${file} is not named NNNN_name.sql`);
      return { version: Number(match[1]), name: match[2] ?? '', statements: splitStatements(readFileSync(`${dir}/${file}`, 'utf8')) };
    });
  // Numbers are handed out per feature branch, so a branch may lack an earlier one until merged
  // (issue 18: 0007, 0008 and 0009 were written side by side); two files of one number are a mistake.
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1]?.version ?? 0;
    if (migration.version <= previous) throw new Error(`Migration ${migration.version} is out of sequence (after ${previous})`);
  });
  return migrations;
}

/**
 * PGlite's extended protocol takes one statement per query, so each file is cut at semicolons that
 * end a line. Migrations therefore must not contain such a semicolon inside a statement.
 */
export function splitStatements(text: string): string[] {
  const withoutComments = text.replace(/--.*$/gm, '');
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter((statement) => statement !== '');
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, each in its own transaction.
 * The advisory lock makes processes starting together on one PostgreSQL take turns.
 */
export async function runMigrations(db: Kysely<unknown>, migrations: Migration[] = loadMigrations()): Promise<number[]> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${AdvisoryLock.migrations})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${AdvisoryLock.migrations})`.execute(trx);
      const done = await sql<{ version: number }>`select version from schema_migrations where version = ${migration.version}`.execute(trx);
      if (done.rows.length > 0) return;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await sql`insert into schema_migrations (version, name) values (${migration.version}, ${migration.name})`.execute(trx);
      applied.push(migration.version);
    });
  }
  return applied;
}
