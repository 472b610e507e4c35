import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../../sync/server/db/database.ts';
import { onInterrupt } from './cleanup.ts';
import { newPgliteDir, withSearchPath } from '../../integration/server/support/server-databases.ts';

/**
 * Where the sync bench's servers keep their data. Every scenario gets a fresh, empty target:
 * - PostgreSQL (`BENCH_DATABASE_URL`, or a throwaway cluster started here): one new database per
 *   run, dropped at the end, with one schema per scenario;
 * - PGlite (smoke): a fresh data directory per scenario, copied from the tests' template.
 */
export interface BenchDatabases {
  kind: 'pglite' | 'postgres';
  /** What the figures were measured on, for the report. */
  description: string;
  scenario(name: string): Promise<DatabaseTarget>;
  close(): Promise<void>;
}

export async function benchDatabases(options: { smoke: boolean; url: string | undefined; log: (text: string) => void }): Promise<BenchDatabases> {
  // Smoke runs in CI on PGlite, whatever the environment says.
  if (options.smoke) return pgliteDatabases();
  if (options.url) return postgresDatabases(options.url, 'BENCH_DATABASE_URL', null);
  const cluster = startThrowawayCluster(options.log);
  try {
    return await postgresDatabases(cluster.url, 'a throwaway cluster started by the bench', cluster.stop);
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

function pgliteDatabases(): BenchDatabases {
  const dirs: string[] = [];
  const removeAll = () => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  };
  const forget = onInterrupt(removeAll);
  return {
    kind: 'pglite',
    description: 'PGlite (embedded, one connection)',
    async scenario() {
      const dir = await newPgliteDir();
      dirs.push(dir);
      return { kind: 'pglite', dataDir: dir };
    },
    async close() {
      forget();
      removeAll();
    },
  };
}

async function postgresDatabases(url: string, source: string, stopCluster: (() => void) | null): Promise<BenchDatabases> {
  const name = `motcua_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let version: string;
  try {
    version = String((await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?');
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const drop = async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists ${name} with (force)`);
    } finally {
      await dropper.end();
    }
  };
  const forget = onInterrupt(async () => {
    await drop().catch(() => undefined);
    stopCluster?.();
  });
  return {
    kind: 'postgres',
    description: `PostgreSQL ${version} (${source}; database ${name}, dropped after the run)`,
    async scenario(scenario) {
      const schema = scenario.replace(/\W/g, '_').toLowerCase();
      const client = new pg.Client({ connectionString: databaseUrl.toString() });
      await client.connect();
      try {
        await client.query(`create schema ${schema}`);
      } finally {
        await client.end();
      }
      return { kind: 'postgres', url: withSearchPath(databaseUrl.toString(), schema) };
    },
    async close() {
      forget();
      try {
        await drop();
      } finally {
        stopCluster?.();
      }
    },
  };
}

/** A PostgreSQL cluster in a temporary folder, as `.ci/run` starts one (as `postgres` when root). */
function startThrowawayCluster(log: (text: string) => void): { url: string; stop(): void } {
  const binDirs = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b)) : [];
  const latest = binDirs.at(-1);
  const bin = latest ? join('/usr/lib/postgresql', latest, 'bin') : null;
  if (!bin || !existsSync(join(bin, 'initdb'))) {
    throw new Error(
      'bench:sync needs PostgreSQL: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:54329/postgres), ' +
        'install the postgresql package (initdb is started from /usr/lib/postgresql/*/bin), or run with --smoke (PGlite).',
    );
  }
  const root = process.getuid?.() === 0;
  const asOwner = (command: string, args: string[]) => (root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [string, string[]];
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-pg-'));
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  const port = freePortSync();
  const run = (command: string, args: string[]) => {
    const [file, argv] = asOwner(command, args);
    const result = spawnSync(file, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  };
  log(`starting a throwaway PostgreSQL cluster in ${dir} on port ${port} (BENCH_DATABASE_URL is not set)`);
  run(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  // Durable settings (fsync on), as production would run; enough connections for the desks' server pool.
  run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', `-h 127.0.0.1 -p ${port} -k ${dir} -c max_connections=200`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } catch {
        // Already gone: nothing to stop.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A free loopback port, found synchronously (a child process listens on port 0 and prints it). */
function freePortSync(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}
