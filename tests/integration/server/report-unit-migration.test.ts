import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../sync/server/db/database.ts';
import { loadMigrations, runMigrations } from '../../../sync/server/db/migrate.ts';
import { serverOfficialReport } from '../../../sync/server/reports/official-report.ts';
import { serverTestDatabases } from './support/server-databases.ts';

const COMMUNE = '000.00.12.H23';
const POLICE = '000.00.41.H23';
const INSURANCE = '000.00.51.H23';
const DESK = `${COMMUNE}#1`;

interface OldRow {
  code: string;
  holder: string;
  status: number;
  finishedAt: string | null;
  linkedGroupId: string | null;
  /** A component's membership, as the RECEIVED of a linked group records it (null: none). */
  group: boolean;
  /** report_counted as the server before 0015 kept it. */
  counted: boolean;
  /** Written by a server that already had the field (not before 0015, but the rule takes it first). */
  reportUnitId?: string;
}

/**
 * Migration 0015 on a database a server before it left: dossiers projected without `reportUnitId`,
 * a linked partner left out of the report by `report_counted`. Each gets the unit whose report
 * counts it; the group's second member is counted again.
 */
describe.each(serverTestDatabases())('migration 0015 (report unit) on $name', (database) => {
  afterAll(() => database.cleanup());

  it('gives old rows their receiving unit, a group component transferred while open the unit it went to, and drops report_counted', async () => {
    const opened = await openDatabase(await database.target(), { migrate: false });
    try {
      const db = opened.db as unknown as Kysely<unknown>;
      const migrations = loadMigrations();
      await runMigrations(db, migrations.filter((migration) => migration.version < 15));
      for (const [id, name] of [[COMMUNE, 'UBND xã Tân Lập'], [POLICE, 'Công an xã Tân Lập'], [INSURANCE, 'Bảo hiểm xã hội huyện']]) {
        await sql`insert into units (id, name, level) values (${id}, ${name}, 'commune')`.execute(db);
      }
      const finished = '2026-01-12T03:00:00.000Z';
      const rows: OldRow[] = [
        { code: 'A-PLAIN', holder: COMMUNE, status: 4, finishedAt: null, linkedGroupId: null, group: false, counted: true },
        // A pair linked before components: the second member was not counted; now it is, at the commune.
        { code: 'B-FIRST', holder: COMMUNE, status: 4, finishedAt: null, linkedGroupId: 'B-FIRST', group: false, counted: true },
        { code: 'B-PARTNER', holder: POLICE, status: 4, finishedAt: null, linkedGroupId: 'B-FIRST', group: false, counted: false },
        // Components: sent to the police, resolved there, the result sent back → the police's.
        { code: 'C-RESIDENCE', holder: COMMUNE, status: 9, finishedAt: finished, linkedGroupId: 'C-BIRTH', group: true, counted: false },
        // Sent to social insurance, twice (the first to the wrong unit), still open → social insurance's.
        { code: 'C-INSURANCE', holder: INSURANCE, status: 4, finishedAt: null, linkedGroupId: 'C-BIRTH', group: true, counted: false },
        // Resolved at the commune, sent afterwards → still the commune's.
        { code: 'C-BIRTH', holder: POLICE, status: 9, finishedAt: finished, linkedGroupId: 'C-BIRTH', group: true, counted: true },
        { code: 'D-NEWER', holder: COMMUNE, status: 4, finishedAt: null, linkedGroupId: null, group: false, counted: true, reportUnitId: POLICE },
      ];
      for (const row of rows) {
        const state = {
          code: row.code, receivingUnitId: COMMUNE, holderUnitId: row.holder, status: row.status, receivedAt: '2026-01-05T02:00:00.000Z',
          dueAt: '2026-01-15T10:00:00.000Z', finishedAt: row.finishedAt, linkedGroupId: row.linkedGroupId,
          group: row.group ? { procedureCode: '2.000986', procedureName: 'Liên thông đăng ký khai sinh, thường trú, cấp thẻ BHYT', members: [] } : null,
          ...(row.reportUnitId ? { reportUnitId: row.reportUnitId } : {}),
        };
        await sql`insert into dossiers (code, receiving_unit_id, holder_unit_id, status, procedure_code, received_at, due_at, finished_at, state, last_event_seq, linked_group_id, report_counted)
          values (${row.code}, ${COMMUNE}, ${row.holder}, ${row.status}, '1.001193', ${state.receivedAt}::timestamptz, ${state.dueAt}::timestamptz,
            ${row.finishedAt}::timestamptz, ${JSON.stringify(state)}::jsonb, 1, ${row.linkedGroupId}, ${row.counted})`.execute(db);
      }
      // The components' events, in server time: what the projection applied, in its order.
      const events: Array<[string, string, string, string | null]> = [
        ['B-PARTNER', 'TRANSFERRED', '2026-01-05T03:00:00Z', POLICE],
        ['C-RESIDENCE', 'TRANSFERRED', '2026-01-05T03:00:00Z', POLICE],
        ['C-RESIDENCE', 'RESOLVED', '2026-01-12T03:00:00Z', null],
        ['C-RESIDENCE', 'TRANSFERRED', '2026-01-12T04:00:00Z', COMMUNE],
        ['C-INSURANCE', 'TRANSFERRED', '2026-01-05T03:00:00Z', POLICE],
        ['C-INSURANCE', 'TRANSFERRED', '2026-01-05T03:30:00Z', INSURANCE],
        ['C-BIRTH', 'RESOLVED', '2026-01-12T03:00:00Z', null],
        ['C-BIRTH', 'TRANSFERRED', '2026-01-12T04:00:00Z', POLICE],
      ];
      for (const [index, [code, type, at, toUnitId]] of events.entries()) {
        const id = `0194a000-0000-7000-8000-${String(index + 1).padStart(12, '0')}`;
        const body = { id, dossierCode: code, type, at, unitId: COMMUNE, deskId: DESK, officerId: 'can-bo', payload: toUnitId ? { toUnitId } : {} };
        await sql`insert into events (id, dossier_code, type, unit_id, desk_id, officer_id, body, body_hash, server_at)
          values (${id}::uuid, ${code}, ${type}, ${COMMUNE}, ${DESK}, 'can-bo', ${JSON.stringify(body)}::jsonb, 'old', ${at}::timestamptz)`.execute(db);
      }

      await runMigrations(db, migrations);
      const { rows: units } = await sql<{ code: string; report_unit_id: string }>`select code, report_unit_id from dossiers order by code`.execute(db);
      expect(units).toEqual([
        { code: 'A-PLAIN', report_unit_id: COMMUNE },
        { code: 'B-FIRST', report_unit_id: COMMUNE },
        { code: 'B-PARTNER', report_unit_id: COMMUNE },
        { code: 'C-BIRTH', report_unit_id: COMMUNE },
        { code: 'C-INSURANCE', report_unit_id: INSURANCE },
        { code: 'C-RESIDENCE', report_unit_id: POLICE },
        { code: 'D-NEWER', report_unit_id: POLICE },
      ]);
      const { rows: columns } = await sql<{ column_name: string; is_nullable: string }>`
        select column_name, is_nullable from information_schema.columns
        where table_schema = current_schema() and table_name = 'dossiers' and column_name in ('report_counted', 'report_unit_id')`.execute(db);
      expect(columns).toEqual([{ column_name: 'report_unit_id', is_nullable: 'NO' }]);
      const { rows: indexes } = await sql<{ indexname: string; indexdef: string }>`
        select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = 'dossiers' and indexname in ('dossiers_report', 'dossiers_linked_group') order by indexname`.execute(db);
      expect(indexes.map((index) => index.indexname)).toEqual(['dossiers_linked_group', 'dossiers_report']);
      expect(indexes[1]?.indexdef).toMatch(/INCLUDE \(.*report_unit_id, receiving_unit_id/);

      // Every row counts once, where its report unit is; the group line is the commune's.
      const report = await serverOfficialReport(opened.db, { period: { from: '2026-01-01', to: '2026-01-31' }, groupBy: 'unit' });
      expect(report.rows.map((row) => [row.key, row.received.total])).toEqual([
        [COMMUNE, 4],
        [POLICE, 2],
        [INSURANCE, 1],
      ]);
      expect(report.linkedGroups).toEqual({ received: 2, returned: 0, returnedOnTime: 0 });
    } finally {
      await opened.close();
    }
  });
});
