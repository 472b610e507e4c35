import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import { linkedGroupLine } from '../../../src/reports/linked-groups.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { OfficialReport, ReportGroupBy } from '../../../src/reports/official-report.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import type { ReportPeriod } from '../../../src/reports/report-period.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { Database } from '../../../sync/server/db/database.ts';
import { loadMigrations } from '../../../sync/server/db/migrate.ts';
import { saveProjection } from '../../../sync/server/repositories/events.ts';
import { serverOfficialReport } from '../../../sync/server/reports/official-report.ts';
import { generateReportDataset } from '../../support/report-dataset.ts';
import type { ReportDataset } from '../../support/report-dataset.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';

/**
 * The server's SQL report against the domain core: the same projected dossiers go into the
 * server's projection table (through saveProjection, as ingest writes it) and into
 * `computeOfficialReport`; every figure, label, row order, skipped dossier and the linked group
 * line must agree, for every grouping, the province and one unit, over periods with dossiers
 * carried over, and linked groups whose components count in other units than the receiving one.
 */

const GROUPINGS: ReportGroupBy[] = ['procedure', 'field', 'officer', 'unit', 'none'];
const PERIODS: Array<{ name: string; period: ReportPeriod; asOf?: string }> = [
  { name: 'năm 2025', period: { from: '2025-01-01', to: '2025-12-31' } },
  { name: 'quý II/2025, đánh giá giữa kỳ', period: { from: '2025-04-01', to: '2025-06-30' }, asOf: '2025-05-20T03:00:00.000Z' },
  { name: 'tháng 01/2026', period: { from: '2026-01-01', to: '2026-01-31' } },
  { name: 'ngày 15/01/2026', period: { from: '2026-01-15', to: '2026-01-15' } },
];

const iso = (text: string) => new Date(text).toISOString();

/**
 * Dossiers at the edges of the rules, added to the generated ones: received by the unit of index 0
 * (`unitId`); linked groups' components competent in `others` (the police, social insurance).
 */
function edgeCases(template: ProjectedDossier, unitId: string, others: readonly [string, string]): ProjectedDossier[] {
  const [police, insurance] = others;
  const at = (code: string, patch: Partial<ProjectedDossier>): ProjectedDossier => ({
    ...template,
    code: `${unitId}-260115-${code}`,
    receivingUnitId: unitId,
    holderUnitId: unitId,
    reportUnitId: unitId,
    linkedGroupId: null,
    supplementRequestCount: 0,
    returnedAt: null,
    ...patch,
  });
  const received = iso('2026-01-05T02:00:00Z');
  // Due 15/01/2026 17:00 in Vietnam (10:00 UTC): the Vietnam date decides, not the hour.
  const due = iso('2026-01-15T10:00:00Z');
  const resolved = { status: DossierStatus.Resolved, receivedAt: received, dueAt: due, originalDueAt: due };
  return [
    at('9001', { ...resolved, finishedAt: iso('2026-01-15T16:59:59.999Z') }), // 23:59 on the due date: on time
    at('9002', { ...resolved, finishedAt: iso('2026-01-15T17:00:00.000Z') }), // 00:00 the next day: late
    at('9003', { ...resolved, finishedAt: iso('2026-01-14T17:00:00.000Z') }), // 00:00 of the due date: on time
    at('9004', { ...resolved, finishedAt: iso('2026-01-14T16:59:59.999Z') }), // the day before: early
    at('9005', { ...resolved, finishedAt: iso('2026-01-10T03:00:00Z'), supplementRequestCount: 2 }), // early, but two supplements: late
    at('9006', { ...resolved, status: DossierStatus.Withdrawn, finishedAt: iso('2026-01-20T03:00:00Z'), supplementRequestCount: 3 }), // withdrawn: on time
    at('9007', { ...resolved, status: DossierStatus.Stopped, finishedAt: iso('2026-02-03T03:00:00Z') }), // stopped after January: in processing then
    at('9008', { ...resolved, status: DossierStatus.Returned, finishedAt: iso('2025-12-31T17:00:00.000Z'), receivedAt: iso('2025-12-20T02:00:00Z') }), // finished at the very start of 2026
    at('9009', { ...resolved, status: DossierStatus.Received, finishedAt: null, receivedAt: iso('2025-12-31T17:00:00.000Z'), channel: 'post' }), // received at the very start of 2026
    at('9010', { ...resolved, status: DossierStatus.FinancialObligationPending, finishedAt: null, channel: 'online' }),
    // Not placeable: no due date; resolved without a finishing time. Listed as skipped, counted nowhere.
    at('9011', { ...resolved, dueAt: '', finishedAt: iso('2026-01-12T03:00:00Z') }),
    at('9012', { ...resolved, finishedAt: null }),
    // Linked: a component the report cannot place is skipped; its group is received, never returned.
    at('9013', { ...resolved, dueAt: '', finishedAt: null, status: DossierStatus.InProcessing, linkedGroupId: 'LT-EDGE-1' }),
    at('9014', { ...resolved, finishedAt: iso('2026-01-13T03:00:00Z'), receivedAt: iso('2026-01-05T02:05:00Z'), returnedAt: iso('2026-01-14T03:00:00Z'), linkedGroupId: 'LT-EDGE-1' }),
    // Linked, received at the same instant: both count; resolved, not collected, so the group is not returned.
    at('9016', { ...resolved, finishedAt: iso('2026-01-13T03:00:00Z'), procedureCode: '2.000986', linkedGroupId: 'LT-EDGE-2' }),
    at('9015', { ...resolved, finishedAt: iso('2026-01-13T03:00:00Z'), linkedGroupId: 'LT-EDGE-2' }),
    // Linked, received in 2025: one component finished then, the other is carried over into 2026.
    at('9017', { ...resolved, receivedAt: iso('2025-12-10T02:00:00Z'), finishedAt: iso('2025-12-11T03:00:00Z'), linkedGroupId: 'LT-EDGE-3' }),
    at('9018', { ...resolved, receivedAt: iso('2025-12-10T02:05:00Z'), status: DossierStatus.InProcessing, finishedAt: null, linkedGroupId: 'LT-EDGE-3' }),
    // A group whose components count at the police and social insurance (transferred there while
    // open; the police's result came back here to be returned). Its last hand-over is on 15/01
    // 23:59 in Vietnam, its latest due date: returned on time, in the period of that one day too.
    at('9022', { ...resolved, status: DossierStatus.Returned, receivedAt: iso('2026-01-06T02:00:00Z'), finishedAt: iso('2026-01-08T03:00:00Z'), returnedAt: iso('2026-01-09T03:00:00Z'), linkedGroupId: 'LT-EDGE-4' }),
    at('9023', { ...resolved, status: DossierStatus.Returned, receivedAt: iso('2026-01-06T02:00:00Z'), finishedAt: iso('2026-01-14T03:00:00Z'), returnedAt: iso('2026-01-15T16:59:59.999Z'), linkedGroupId: 'LT-EDGE-4', reportUnitId: police, procedureCode: '1.004222' }),
    at('9024', { ...resolved, status: DossierStatus.Refused, receivedAt: iso('2026-01-06T02:01:00Z'), finishedAt: iso('2026-01-06T03:00:00Z'), linkedGroupId: 'LT-EDGE-4', reportUnitId: insurance, holderUnitId: insurance }),
    // Its police component withdrawn in February: the group is returned then, not in January.
    at('9025', { ...resolved, status: DossierStatus.Returned, receivedAt: iso('2026-01-20T02:00:00Z'), dueAt: iso('2026-01-27T10:00:00Z'), finishedAt: iso('2026-01-21T03:00:00Z'), returnedAt: iso('2026-01-22T03:00:00Z'), linkedGroupId: 'LT-EDGE-5' }),
    at('9026', { ...resolved, status: DossierStatus.Withdrawn, receivedAt: iso('2026-01-20T02:00:00Z'), dueAt: iso('2026-01-27T10:00:00Z'), finishedAt: iso('2026-02-02T03:00:00Z'), linkedGroupId: 'LT-EDGE-5', reportUnitId: police, holderUnitId: police }),
    // Received in December 2025, both components elsewhere; the last hand-over on 06/01, a day after the latest due date: late.
    at('9027', { ...resolved, status: DossierStatus.Returned, receivedAt: iso('2025-12-29T02:00:00Z'), dueAt: iso('2026-01-05T10:00:00Z'), finishedAt: iso('2026-01-05T03:00:00Z'), returnedAt: iso('2026-01-05T17:00:00Z'), linkedGroupId: 'LT-EDGE-6', reportUnitId: police }),
    at('9028', { ...resolved, status: DossierStatus.Returned, receivedAt: iso('2025-12-29T02:00:00Z'), dueAt: iso('2026-01-02T10:00:00Z'), finishedAt: iso('2026-01-02T03:00:00Z'), returnedAt: iso('2026-01-02T04:00:00Z'), linkedGroupId: 'LT-EDGE-6', reportUnitId: insurance }),
    // Components received by two units: each unit's line sees its own (returned here, open there).
    at('9029', { ...resolved, status: DossierStatus.Returned, receivedAt: iso('2026-01-08T02:00:00Z'), finishedAt: iso('2026-01-09T03:00:00Z'), returnedAt: iso('2026-01-10T03:00:00Z'), linkedGroupId: 'LT-EDGE-7' }),
    at('9030', { ...resolved, status: DossierStatus.InProcessing, receivedAt: iso('2026-01-08T02:00:00Z'), finishedAt: null, linkedGroupId: 'LT-EDGE-7', receivingUnitId: police, holderUnitId: police, reportUnitId: police }),
    // No field and no procedure name: labelled '(không rõ)' and by code. A renamed procedure: the latest name wins.
    at('9019', { ...resolved, finishedAt: iso('2026-01-13T03:00:00Z'), field: '', procedureCode: '9.999999', procedureName: '' }),
    at('9020', { ...resolved, finishedAt: iso('2026-01-13T03:00:00Z'), procedureName: 'Tên thủ tục mới', receivedAt: iso('2026-01-30T02:00:00Z') }),
    // Received after the data set's end: never in a period here.
    at('9021', { ...resolved, receivedAt: iso('2026-02-10T02:00:00Z'), finishedAt: null, status: DossierStatus.InProcessing }),
  ];
}

/** The server renames unit and officer rows from its tables; the domain keeps ids. */
function withNames(report: OfficialReport, names: ReadonlyMap<string, string>): OfficialReport {
  if (report.groupBy !== 'unit' && report.groupBy !== 'officer') return report;
  return { ...report, rows: report.rows.map((row) => ({ ...row, label: names.get(row.key ?? '') ?? row.label })) };
}

const comparable = (report: OfficialReport) => ({
  ...report,
  skipped: report.skipped.map((s) => ({ code: s.code, reason: s.error.code, message: s.error.message })),
});

describe.each(serverTestDatabases())('SQL report equals the domain core on $name', (target) => {
  let database: Database;
  let dataset: ReportDataset;
  let states: ProjectedDossier[];
  const names = new Map<string, string>();

  beforeAll(async () => {
    dataset = generateReportDataset({ seed: 4_242, units: 3, perDay: 1.5 });
    const [unit0, unit1, unit2] = dataset.units.map((unit) => unit.id) as [string, string, string];
    const generated = dataset.dossiers.map((d) => projectDossier(d.events));
    states = [...generated, ...edgeCases(generated[0] as ProjectedDossier, unit0, [unit1, unit2])];
    database = await openDatabase(await target.target());
    const db = database.db;
    for (const unit of dataset.units) {
      await db.insertInto('units').values({ id: unit.id, name: unit.name, level: 'commune', parent_id: null }).execute();
      names.set(unit.id, unit.name);
    }
    // Officers with names for the first unit only: the others keep their ids as labels.
    const unit = dataset.units[0];
    for (const id of unit?.receptionOfficers ?? []) {
      await db.insertInto('officers').values({ id, unit_id: unit0, username: id, full_name: `Cán bộ ${id.toUpperCase()}`, role: 'reception', password_verifier: 'x' }).execute();
      names.set(id, `Cán bộ ${id.toUpperCase()}`);
    }
    // Saved newest first: a linked group's later components arrive before its first one.
    const order = [...states].sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : -1));
    await db.transaction().execute(async (trx) => {
      for (const [index, state] of order.entries()) await saveProjection(trx, state, index + 1);
    });
  }, 300_000);
  afterAll(async () => {
    await database?.close();
    await target.cleanup();
  });

  /**
   * The domain over every dossier in code order (the server's order for ties), for the province or
   * one unit, the skipped ones of the period's rows.
   */
  function expected(period: ReportPeriod, groupBy: ReportGroupBy, asOf: string | undefined, unitId?: string): OfficialReport {
    const dossiers: DossierState[] = [...states].sort((a, b) => (a.code < b.code ? -1 : 1));
    const options = { period, groupBy, ...(asOf ? { asOf } : {}), ...(unitId === undefined ? {} : { unitId }) };
    const report = computeOfficialReport({ dossiers, ...options });
    const window = periodWindow(period);
    const inPeriod = dossiers.filter((d) => Date.parse(d.receivedAt) < window.endMs && (d.finishedAt === null || Date.parse(d.finishedAt) >= window.startMs));
    const { skipped } = computeOfficialReport({ dossiers: inPeriod, ...options });
    return withNames({ ...report, skipped }, names);
  }

  it('has linked groups, transfers, carried-over dossiers and unplaceable ones to count', () => {
    expect(states.filter((d) => d.linkedGroupId !== null).length).toBeGreaterThan(20);
    expect(states.filter((d) => d.linkedGroupId !== null && d.reportUnitId !== d.receivingUnitId).length).toBeGreaterThan(4);
    expect(states.filter((d) => d.receivingUnitId !== d.holderUnitId).length).toBeGreaterThan(20);
    const january = expected({ from: '2026-01-01', to: '2026-01-31' }, 'none', undefined);
    expect(january.total.carriedOver).toBeGreaterThan(5);
    expect(january.skipped.map((s) => s.code)).toHaveLength(3);
    expect(january.linkedGroups.received).toBeGreaterThan(4);
    expect(january.linkedGroups.returned).toBeGreaterThan(january.linkedGroups.returnedOnTime);
    expect(january.linkedGroups.returnedOnTime).toBeGreaterThan(0);
    expect(expected({ from: '2026-01-15', to: '2026-01-15' }, 'none', undefined).linkedGroups).toMatchObject({ returned: 1, returnedOnTime: 1 });
  });

  for (const { name, period, asOf } of PERIODS) {
    it.each(GROUPINGS)(`${name}, province, by %s`, async (groupBy) => {
      const server = await serverOfficialReport(database.db, { period, groupBy, ...(asOf ? { asOf } : {}) });
      expect(comparable(server)).toEqual(comparable(expected(period, groupBy, asOf)));
    });
  }

  it.each(GROUPINGS)('January 2026, one unit, by %s', async (groupBy) => {
    const period = { from: '2026-01-01', to: '2026-01-31' };
    const unitId = dataset.units[0]?.id ?? '';
    const server = await serverOfficialReport(database.db, { period, groupBy, unitIds: [unitId] });
    expect(server.total.received.total).toBeGreaterThan(0);
    expect(server.linkedGroups.received).toBeGreaterThan(0);
    expect(comparable(server)).toEqual(comparable(expected(period, groupBy, undefined, unitId)));
  });

  it.each(GROUPINGS)('January 2026, the unit competent for components received elsewhere, by %s', async (groupBy) => {
    const period = { from: '2026-01-01', to: '2026-01-31' };
    const unitId = dataset.units[1]?.id ?? '';
    const server = await serverOfficialReport(database.db, { period, groupBy, unitIds: [unitId] });
    const codes = new Set(states.filter((d) => d.reportUnitId === unitId && d.receivingUnitId !== unitId).map((d) => d.code));
    expect(codes.size).toBeGreaterThan(2);
    expect(comparable(server)).toEqual(comparable(expected(period, groupBy, undefined, unitId)));
  });

  it('reports on several units: the dossiers they are competent for, the groups they received', async () => {
    const period = { from: '2026-01-01', to: '2026-01-31' };
    const unitIds = [dataset.units[1]?.id ?? '', dataset.units[2]?.id ?? ''];
    const server = await serverOfficialReport(database.db, { period, groupBy: 'unit', unitIds });
    const province = expected(period, 'unit', undefined);
    expect(server.rows).toEqual(province.rows.filter((row) => unitIds.includes(row.key ?? '')));
    const window = periodWindow(period);
    expect(server.linkedGroups).toEqual(linkedGroupLine(states.filter((d) => unitIds.includes(d.receivingUnitId)), window));
  });

  it('counts nothing for an empty list of units', async () => {
    const server = await serverOfficialReport(database.db, { period: { from: '2025-01-01', to: '2025-12-31' }, groupBy: 'unit', unitIds: [] });
    expect(server.rows).toEqual([]);
    expect(server.total.received.total + server.total.carriedOver).toBe(0);
  });

  it('rejects a bad period, grouping or asOf with the domain errors', async () => {
    await expect(serverOfficialReport(database.db, { period: { from: '2025-02-01', to: '2025-01-01' }, groupBy: 'unit' })).rejects.toMatchObject({ code: 'report.bad_period' });
    await expect(serverOfficialReport(database.db, { period: { from: '2025-01-01', to: '2025-01-31' }, groupBy: 'desk' as ReportGroupBy })).rejects.toMatchObject({ code: 'report.bad_group_by' });
    await expect(serverOfficialReport(database.db, { period: { from: '2025-01-01', to: '2025-01-31' }, groupBy: 'unit', asOf: 'hôm qua' })).rejects.toMatchObject({ code: 'report.bad_as_of' });
  });

  it('fills the report columns of rows projected before migrations 0005 and 0015 from their state', async () => {
    const db = database.db;
    const period = { from: '2026-01-01', to: '2026-01-31' };
    const before = await serverOfficialReport(db, { period, groupBy: 'unit' });
    await db
      .updateTable('dossiers')
      .set((eb) => ({ channel: 'in-person', field: '', procedure_name: '', received_by_officer_id: '', supplement_request_count: 0, linked_group_id: null, report_unit_id: eb.ref('receiving_unit_id') }))
      .execute();
    const backfill = (version: number) => loadMigrations().find((m) => m.version === version)?.statements.filter((statement) => /^update\b/i.test(statement)) ?? [];
    // 0005's second update set report_counted, which 0015 drops.
    const statements = [backfill(5)[0] ?? '', ...backfill(15)];
    expect(statements).toHaveLength(2);
    for (const statement of statements) await sql.raw(statement).execute(db);
    expect(await serverOfficialReport(db, { period, groupBy: 'unit' })).toEqual(before);
    expect(comparable(before)).toEqual(comparable(expected(period, 'unit', undefined)));
  });
});
