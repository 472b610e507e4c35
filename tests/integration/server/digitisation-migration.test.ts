import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { loadMigrations, runMigrations } from '../../../sync/server/db/migrate.ts';
import { serverOfficialReport } from '../../../sync/server/reports/official-report.ts';
import { serverTestDatabases } from './support/server-databases.ts';

const UNIT = '000.00.12.H23';
const DESK = `${UNIT}#1`;
const FORM = { name: 'Tờ khai', originals: 1, copies: 0 };
const BIRTH = { name: 'Giấy chứng sinh', originals: 1, copies: 0 };
const ID_CARD = { name: 'Căn cước', originals: 0, copies: 0, presentedOnly: true };
const scan = (paper: string) => ({ role: 'paper', paper });
const RESULT = { role: 'result' };

interface OldRow {
  code: string;
  status: number;
  /** The papers of each RECEIVED, in server order (a second one is an anomaly the projection never applied). */
  received: object[][];
  attachments: object[] | null;
}

/**
 * Migration 0017 on a database a server before it left: dossiers projected with their attachments
 * but without the digitisation flags. Each gets the flags of `digitisationFlags` from its
 * attachments and the papers of its first RECEIVED; the report counts them.
 */
describe.each(serverTestDatabases())('migration 0017 (digitisation) on $name', (database) => {
  afterAll(() => database.cleanup());

  it('gives old rows the digitisation flags of their attachments and first receipt, and the report its rates', async () => {
    const opened = await openDatabase(await database.target(), { migrate: false });
    try {
      const db = opened.db as unknown as Kysely<unknown>;
      const migrations = loadMigrations();
      await runMigrations(db, migrations.filter((migration) => migration.version < 17));
      await sql`insert into units (id, name, level) values (${UNIT}, 'UBND xã Tân Lập', 'commune')`.execute(db);
      const rows: OldRow[] = [
        // Projected before attachments existed: no field at all.
        { code: 'A-NONE', status: 4, received: [[FORM]], attachments: null },
        // Both papers kept scanned (the ID card was only shown), and the result: resolved.
        { code: 'B-ALL', status: 9, received: [[FORM, BIRTH, ID_CARD]], attachments: [scan('Tờ khai'), scan('Giấy chứng sinh'), RESULT] },
        { code: 'C-PART', status: 4, received: [[FORM, BIRTH]], attachments: [scan('Tờ khai')] },
        // Nothing kept: digitised once some paper is scanned.
        { code: 'D-SHOWN', status: 4, received: [[ID_CARD]], attachments: [scan('Căn cước')] },
        { code: 'E-SECOND', status: 4, received: [[FORM], [FORM, BIRTH]], attachments: [scan('Tờ khai')] },
        { code: 'F-EMPTY', status: 4, received: [[FORM]], attachments: [] },
      ];
      let eventNumber = 0;
      for (const row of rows) {
        const finishedAt = row.status === 9 ? '2026-01-12T03:00:00.000Z' : null;
        const state = {
          code: row.code, receivingUnitId: UNIT, holderUnitId: UNIT, reportUnitId: UNIT, status: row.status, receivedAt: '2026-01-05T02:00:00.000Z',
          dueAt: '2026-01-15T10:00:00.000Z', finishedAt, ...(row.attachments ? { attachments: row.attachments } : {}),
        };
        await sql`insert into dossiers (code, receiving_unit_id, holder_unit_id, report_unit_id, status, procedure_code, received_at, due_at, finished_at, state, last_event_seq)
          values (${row.code}, ${UNIT}, ${UNIT}, ${UNIT}, ${row.status}, '1.001193', ${state.receivedAt}::timestamptz, ${state.dueAt}::timestamptz,
            ${finishedAt}::timestamptz, ${JSON.stringify(state)}::jsonb, 1)`.execute(db);
        for (const [index, papers] of row.received.entries()) {
          eventNumber += 1;
          const id = `0194a000-0000-7000-8000-${String(eventNumber).padStart(12, '0')}`;
          const body = { id, dossierCode: row.code, type: 'RECEIVED', unitId: UNIT, deskId: DESK, officerId: 'can-bo', payload: { papers } };
          await sql`insert into events (id, dossier_code, type, unit_id, desk_id, officer_id, body, body_hash, server_at)
            values (${id}::uuid, ${row.code}, 'RECEIVED', ${UNIT}, ${DESK}, 'can-bo', ${JSON.stringify(body)}::jsonb, 'old', ${`2026-01-05T0${2 + index}:00:00Z`}::timestamptz)`.execute(db);
        }
      }

      await runMigrations(db, migrations);
      const { rows: flags } = await sql<{ code: string; papers_digitised: boolean; result_digitised: boolean; in_state: unknown }>`
        select code, papers_digitised, result_digitised, state->'papersDigitised' as in_state from dossiers order by code`.execute(db);
      expect(flags).toEqual([
        { code: 'A-NONE', papers_digitised: false, result_digitised: false, in_state: null },
        { code: 'B-ALL', papers_digitised: true, result_digitised: true, in_state: true },
        { code: 'C-PART', papers_digitised: false, result_digitised: false, in_state: false },
        { code: 'D-SHOWN', papers_digitised: true, result_digitised: false, in_state: true },
        { code: 'E-SECOND', papers_digitised: true, result_digitised: false, in_state: true },
        { code: 'F-EMPTY', papers_digitised: false, result_digitised: false, in_state: null },
      ]);
      const { rows: indexes } = await sql<{ indexdef: string }>`
        select indexdef from pg_indexes where schemaname = current_schema() and tablename = 'dossiers' and indexname = 'dossiers_report'`.execute(db);
      expect(indexes[0]?.indexdef).toMatch(/INCLUDE \(.*papers_digitised, result_digitised\)/);

      const report = await serverOfficialReport(opened.db, { period: { from: '2026-01-01', to: '2026-01-31' }, groupBy: 'none' });
      expect(report.digitisation).toEqual({ received: 6, papersDigitised: 3, papersRate: 50, resolved: 1, resultsDigitised: 1, resultsRate: 100 });
    } finally {
      await opened.close();
    }
  });
});
