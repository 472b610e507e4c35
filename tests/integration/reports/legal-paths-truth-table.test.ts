import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { OfficialReport } from '../../../src/reports/official-report.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { Database } from '../../../sync/server/db/database.ts';
import { saveProjections } from '../../../sync/server/repositories/events.ts';
import { serverOfficialReport } from '../../../sync/server/reports/official-report.ts';
import { columnsOf, legalPaths, projectPaths, rowsByPath, TRUTH_PERIOD, TRUTH_UNIT } from '../../support/legal-paths.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';

/**
 * Issue 20, point 8, on the server: the projections of the truth table's events, saved as ingest
 * saves them, give the server's SQL report the very rows the desk computes, each path in its one
 * column (the desk's side: tests/unit/reports/legal-paths-truth-table.test.ts).
 */
describe.each(serverTestDatabases())("the official report's truth table on the server ($name)", (target) => {
  const paths = legalPaths();
  const states = projectPaths(paths);
  let database: Database;
  let server: OfficialReport;

  beforeAll(async () => {
    database = await openDatabase(await target.target());
    await database.db.insertInto('units').values({ id: TRUTH_UNIT, name: 'UBND phường Ba Đình', level: 'commune', parent_id: null }).execute();
    await database.db.transaction().execute((trx) => saveProjections(trx, states.map((dossier, index) => ({ dossier, lastSeq: index + 1 }))));
    server = await serverOfficialReport(database.db, { period: TRUTH_PERIOD, groupBy: 'procedure' });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await target.cleanup();
  });

  it('gives the rows and the total the desk computes from the same events', () => {
    const desk = computeOfficialReport({ dossiers: states, period: TRUTH_PERIOD, groupBy: 'procedure' });
    expect({ ...server, skipped: [] }).toEqual({ ...desk, skipped: [] });
    expect(server.skipped).toEqual([]);
  });

  it.each(paths.map((path) => [path.key, path] as const))('%s lands in one intake and one outcome column', (key, path) => {
    const row = rowsByPath(server).get(key);
    expect(row, `no report row for ${key}`).toBeDefined();
    expect(columnsOf(row!), path.name).toEqual({ intake: [path.intake], outcome: [path.outcome] });
  });
});
