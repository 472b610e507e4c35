import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DatabaseTarget } from '../../../../sync/server/db/database.ts';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

export interface AdminResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `sync/server/admin/cli.ts` as a real process against `target`, feeding `stdin`. */
export function runAdmin(target: DatabaseTarget, args: string[], stdin = ''): Promise<AdminResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  const dataArgs = target.kind === 'pglite' ? ['--data', target.dataDir] : [];
  if (target.kind === 'postgres') env.DATABASE_URL = target.url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'sync/server/admin/cli.ts', ...args, ...dataArgs], {
    cwd: repoRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function enrollmentCodeFrom(stdout: string): string {
  const match = /Mã kích hoạt[^:]*:\s*([A-Z0-9-]{19})/.exec(stdout);
  if (!match?.[1]) throw new Error(`no enrollment code in:\n${stdout}`);
  return match[1];
}
