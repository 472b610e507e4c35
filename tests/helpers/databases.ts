import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseTarget } from '../../sync/server/db/database.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  target(): DatabaseTarget;
  cleanup(): void;
}

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL points at a throwaway server. */
export function testDatabases(): TestDatabase[] {
  const dirs: string[] = [];
  const list: TestDatabase[] = [
    {
      name: 'pglite',
      target: () => {
        const dir = mkdtempSync(join(tmpdir(), 'motcua-pglite-'));
        dirs.push(dir);
        return { kind: 'pglite', dataDir: dir };
      },
      cleanup: () => {
        for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: 'postgres', target: () => ({ kind: 'postgres', url }), cleanup: () => {} });
  return list;
}
