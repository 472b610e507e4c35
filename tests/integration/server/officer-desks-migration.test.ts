import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { loadMigrations, runMigrations } from '../../../sync/server/db/migrate.ts';
import { pullReferenceDocs } from '../../../sync/server/repositories/reference-docs.ts';
import { serverTestDatabases } from './support/server-databases.ts';

const UNIT = '000.00.12.H23';
// Made with a cheap cost (m=1024): only its form matters here.
const VERIFIER = '$argon2id$v=19$m=1024,t=1,p=1$AQEBAQEBAQEBAQEBAQEBAQ$AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';
const H = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8';

/**
 * Migration 0009 on a database a server before issue 18 left: officers' reference documents carried
 * the password verifier (H) to every desk of the unit. They are sent again without it, and
 * leaders and administrators start with no desk.
 */
describe.each(serverTestDatabases())('migration 0009 (officer desks) on $name', (database) => {
  afterAll(() => database.cleanup());

  it('re-sends officer documents without the verifier, and gives leaders and administrators no desk', async () => {
    const opened = await openDatabase(await database.target(), { migrate: false });
    try {
      const db = opened.db as unknown as Kysely<unknown>;
      const migrations = loadMigrations();
      await runMigrations(db, migrations.filter((migration) => migration.version < 9));
      await sql`insert into units (id, name, level) values (${UNIT}, 'UBND xã Tân Lập', 'commune')`.execute(db);
      for (const [id, role] of [
        ['officer-reception', 'reception'],
        ['officer-leader', 'leader'],
      ] as const) {
        await sql`insert into officers (id, unit_id, username, full_name, role, password_verifier) values (${id}, ${UNIT}, ${id}, ${`Cán bộ ${role}`}, ${role}, ${VERIFIER})`.execute(db);
        const body = { id, unitId: UNIT, fullName: `Cán bộ ${role}`, username: id, role, verifier: VERIFIER, active: true };
        await sql`insert into reference_docs (kind, key, unit_id, body, body_hash, seq) values ('officer', ${id}, ${UNIT}, ${JSON.stringify(body)}::jsonb, 'old', nextval('reference_seq'))`.execute(db);
      }
      // What the old server sent every desk of the unit: H.
      const { rows: oldRows } = await sql<{ body: unknown }>`select body from reference_docs`.execute(db);
      expect(JSON.stringify(oldRows)).toContain(H);

      await runMigrations(db, migrations);
      const { rows } = await sql<{ key: string; body: Record<string, unknown>; seq: string | number }>`select key, body, seq from reference_docs where kind = 'officer' order by key`.execute(db);
      expect(rows.map((row) => [row.key, row.body.deskAccess, 'verifier' in row.body])).toEqual([
        ['officer-leader', 'none', false],
        ['officer-reception', 'all', false],
      ]);
      // New sequence numbers: every desk is sent them again and replaces what it holds.
      expect(rows.every((row) => Number(row.seq) > 2)).toBe(true);
      const { rows: access } = await sql<{ id: string; desk_access: string }>`select id, desk_access from officers order by id`.execute(db);
      expect(access).toEqual([
        { id: 'officer-leader', desk_access: 'none' },
        { id: 'officer-reception', desk_access: 'all' },
      ]);
      const pulled = await pullReferenceDocs(opened.db, { unitId: UNIT, deskSlot: 1, afterSeq: 2, limit: 100 });
      expect(JSON.stringify(pulled)).not.toContain(H);
      const verifiers = pulled.documents.map((doc) => [doc.key, (doc.body as { verifier: string | null }).verifier?.slice(0, 16) ?? null]);
      expect(verifiers.sort()).toEqual([
        ['officer-leader', null],
        ['officer-reception', '$motcua-desk-v1$'],
      ]);
    } finally {
      await opened.close();
    }
  });
});
