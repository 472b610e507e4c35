import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL cluster of this run only, in a temporary folder, on a free local port: for
 * `bench:reports` when BENCH_DATABASE_URL is not set. Needs `initdb` and `pg_ctl` (on PATH or
 * under /usr/lib/postgresql/<version>/bin); as root, runs them as the `postgres` user.
 */
export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

function findBinDir(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(join(root, version, 'bin', 'initdb'))) return join(root, version, 'bin');
  throw new Error(
    'bench:reports needs PostgreSQL: set BENCH_DATABASE_URL=postgres://… (a database it may fill and drop a schema in), ' +
      'or install PostgreSQL so that initdb and pg_ctl are found (PATH or /usr/lib/postgresql/<version>/bin).',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startThrowawayPostgres(log: (text: string) => void): Promise<ThrowawayPostgres> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'motcua-bench-pg-'));
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]) => {
    const command = join(bin, tool);
    // initdb refuses to run as root.
    if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
    else execFileSync(command, args, { stdio: 'pipe' });
  };
  try {
    if (asRoot) {
      chmodSync(dir, 0o755);
      execFileSync('chown', ['postgres', dir]);
    }
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, 'start']);
    log(`started a throwaway PostgreSQL (${bin}) on port ${port} in ${dir}`);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => {
        try {
          run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error);
    throw new Error(`bench:reports could not start a throwaway PostgreSQL (set BENCH_DATABASE_URL instead): ${detail.trim()}`, { cause: error });
  }
}
