import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPasswordVerifier } from '../../../src/auth/password-verifier.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { computeOfficialReport } from '../../../src/reports/official-report.ts';
import type { OfficialReport, ReportRow } from '../../../src/reports/official-report.ts';
import { buildApp } from '../../../sync/server/app.ts';
import { openDatabase } from '../../../sync/server/db/database.ts';
import type { Database } from '../../../sync/server/db/database.ts';
import { signAll } from '../../support/desk-session.ts';
import { ingestEvents } from '../../../sync/server/domain/ingest.ts';
import { addDesk, redeemEnrollmentCode } from '../../../sync/server/repositories/desks.ts';
import type { Desk } from '../../../sync/server/repositories/desks.ts';
import { FIRST_DATA_ROW } from '../../../sync/server/reports/workbook.ts';
import { loadReportDossiers } from '../../../renderer/reports/load-report-dossiers.ts';
import { generateReportDataset } from '../../support/report-dataset.ts';
import type { ReportDataset } from '../../support/report-dataset.ts';
import { dashboardLogin, openLoginForm, postForm } from '../server/support/dashboard.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { openTestStore } from '../store/fixtures.ts';
import { describeDigitisation } from '../../../src/reports/digitisation.ts';
import { describeLinkedGroupLine } from '../../../src/reports/linked-groups.ts';
import { expectedDigitisation, expectedFigures, expectedGroupLine } from './expected-figures.ts';
import type { ExpectedFigures } from './expected-figures.ts';
import { seedDesk, visibleTo } from './seed-desk.ts';

const figures = (row: ReportRow): ExpectedFigures => ({
  carriedOver: row.carriedOver, received: row.received, finished: row.finished, inProcessing: row.inProcessing,
  paused: row.paused, refused: row.refused, withdrawn: row.withdrawn, onTimeRate: row.onTimeRate,
});
const verifier = createPasswordVerifier({ randomBytes: (n) => new Uint8Array(randomBytes(n)) });
const PASSWORD = 'Mật-khẩu-báo-cáo-1';
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };
const AS_OF = '2025-12-31T17:00:00.000Z';

/**
 * Pushes the events as the desks would, in time order, one batch per run of one desk's events, each
 * signed in its officer's login session on that desk (every officer here has the verifier `hash`).
 */
async function syncAll(database: Database, dataset: ReportDataset, desks: ReadonlyMap<string, Desk>, hash: string): Promise<void> {
  const events = dataset.events();
  let run: DossierEvent[] = [];
  const flush = async () => {
    const first = run[0];
    if (!first) return;
    const desk = desks.get(first.deskId);
    if (!desk) throw new Error(`no desk ${first.deskId}`);
    const last = run[run.length - 1] as DossierEvent;
    await ingestEvents(database.db, { desk, documents: signAll(run, desk.id, () => hash), now: Date.parse(last.at) + 60_000, deskClock: null });
    run = [];
  };
  for (const event of events) {
    if (run.length > 0 && (run[0]?.deskId !== event.deskId || run.length >= 200)) await flush();
    run.push(event);
  }
  await flush();
}

describe.each(serverTestDatabases())('provincial report on $name', (target) => {
  let database: Database;
  let app: FastifyInstance;
  let dataset: ReportDataset;
  const credentials = new Map<string, string>();
  let cookie = '';

  beforeAll(async () => {
    dataset = generateReportDataset({ seed: 99, units: 3, perDay: 1.2, from: '2025-01-02', to: '2025-12-31' });
    database = await openDatabase(await target.target());
    const db = database.db;
    const hash = await verifier.create(PASSWORD);
    await db.insertInto('units').values({ id: '000.00.00.H23', name: 'Tỉnh Thử Nghiệm', level: 'province', parent_id: null }).execute();
    await db.insertInto('officers').values({ id: 'qt-tinh', unit_id: '000.00.00.H23', username: 'quantri', full_name: 'Quản Trị Tỉnh', role: 'admin', password_verifier: hash }).execute();
    const desks = new Map<string, Desk>();
    for (const unit of dataset.units) {
      await db.insertInto('units').values({ id: unit.id, name: unit.name, level: 'commune', parent_id: '000.00.00.H23' }).execute();
      const officers = [
        ...unit.receptionOfficers.map((id) => ({ id, role: 'reception' as const })),
        { id: unit.processingOfficer, role: 'processing' as const },
        { id: `ld-${unit.id}`, role: 'leader' as const },
      ];
      for (const o of officers) {
        await db.insertInto('officers').values({ id: o.id, unit_id: unit.id, username: o.id.startsWith('ld-') ? 'lanhdao' : o.id, full_name: `Cán bộ ${o.id}`, role: o.role, password_verifier: hash }).execute();
      }
      // Enrolled before the data set's first receipt: the server refuses receipts older than their desk.
      const enrolledAt = new Date('2025-01-01T00:00:00+07:00');
      const issued = await addDesk(db, { unitId: unit.id, slot: 1 }, enrolledAt);
      const enrolled = await redeemEnrollmentCode(db, issued.code, enrolledAt);
      desks.set(enrolled.desk.id, enrolled.desk);
      credentials.set(unit.id, enrolled.credential);
    }
    await syncAll(database, dataset, desks, hash);
    app = await buildApp({ database });
    cookie = await dashboardLogin(app, { unit: '000.00.00.H23', username: 'quantri', password: PASSWORD });
  }, 600_000);
  afterAll(async () => {
    await app?.close();
    await target.cleanup();
  });

  const official = async (query: string): Promise<OfficialReport> => {
    const response = await app.inject({ method: 'GET', url: `/api/reports/official?${query}`, headers: { cookie } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('gives every unit and the province the independently expected figures, each dossier once', async () => {
    const report = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=unit&asOf=${AS_OF}`);
    const plans = dataset.dossiers.map((d) => d.plan);
    expect(figures(report.total)).toEqual(expectedFigures(plans, PERIOD.from, PERIOD.to, Date.parse(AS_OF)));
    for (const unit of dataset.units) {
      const row = report.rows.find((r) => r.key === unit.id);
      expect(row?.label).toBe(unit.name);
      expect(figures(row as ReportRow)).toEqual(expectedFigures(plans.filter((p) => p.unitId === unit.id), PERIOD.from, PERIOD.to, Date.parse(AS_OF)));
    }
    // Transfers and linked pairs exist, and still: the units add up to the province.
    expect(plans.filter((p) => p.transferredTo !== null).length).toBeGreaterThan(10);
    expect(plans.filter((p) => p.linkedGroupId !== null).length).toBeGreaterThan(20);
    const sum = report.rows.reduce((acc, r) => acc + r.received.total + r.carriedOver, 0);
    expect(sum).toBe(report.total.received.total + report.total.carriedOver);
  });

  it('gives the province and every unit the independently expected linked group line', async () => {
    const plans = dataset.dossiers.map((d) => d.plan);
    const province = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=none&asOf=${AS_OF}`);
    expect(province.linkedGroups).toEqual(expectedGroupLine(plans, PERIOD.from, PERIOD.to));
    expect(province.linkedGroups.received).toBeGreaterThan(10);
    expect(province.linkedGroups.returned).toBeGreaterThan(0);
    expect(province.linkedGroups.returnedOnTime).toBeLessThanOrEqual(province.linkedGroups.returned);
    for (const unit of dataset.units) {
      const report = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=none&unit=${unit.id}&asOf=${AS_OF}`);
      expect(report.linkedGroups).toEqual(expectedGroupLine(plans.filter((p) => p.unitId === unit.id), PERIOD.from, PERIOD.to));
    }
    const quarter = { from: '2025-04-01', to: '2025-06-30' };
    const inQuarter = await official(`from=${quarter.from}&to=${quarter.to}&groupBy=none`);
    expect(inQuarter.linkedGroups).toEqual(expectedGroupLine(plans, quarter.from, quarter.to));
  });

  it('gives the province and every unit the independently expected digitisation rates', async () => {
    const plans = dataset.dossiers.map((d) => d.plan);
    const province = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=unit&asOf=${AS_OF}`);
    expect(province.digitisation).toMatchObject(expectedDigitisation(plans, PERIOD.from, PERIOD.to));
    expect(province.digitisation.papersDigitised).toBeGreaterThan(0);
    expect(province.digitisation.papersRate).toBeLessThan(100);
    expect(province.digitisation.resultsDigitised).toBeGreaterThan(0);
    expect(province.digitisation.resultsRate).toBeLessThan(100);
    for (const unit of dataset.units) {
      const report = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=procedure&unit=${unit.id}&asOf=${AS_OF}`);
      expect(report.digitisation).toMatchObject(expectedDigitisation(plans.filter((p) => p.unitId === unit.id), PERIOD.from, PERIOD.to));
    }
  });

  it('equals the desk of a unit after sync, procedure by procedure', async () => {
    const unit = dataset.units[1]?.id ?? '';
    const server = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=procedure&unit=${unit}&asOf=${AS_OF}`);
    const store = await openTestStore();
    try {
      await seedDesk(store, visibleTo(unit, dataset.dossiers).flatMap((d) => d.events));
      const dossiers = await loadReportDossiers(store, PERIOD, { unitId: unit });
      const desk = computeOfficialReport({ dossiers, period: PERIOD, groupBy: 'procedure', asOf: AS_OF });
      expect(server.rows.map((r) => [r.key, figures(r)])).toEqual(desk.rows.map((r) => [r.key, figures(r)]));
      expect(figures(server.total)).toEqual(figures(desk.total));
      expect(server.linkedGroups).toEqual(desk.linkedGroups);
      expect(server.digitisation).toEqual(desk.digitisation);
      expect(server.digitisation.papersDigitised).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  }, 300_000);

  it('exports the province table as .xlsx with numbers in cells', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/reports/official.xlsx?from=${PERIOD.from}&to=${PERIOD.to}&groupBy=unit&asOf=${AS_OF}`, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    const bytes = response.rawPayload;
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Báo cáo tổng hợp');
    if (!sheet) throw new Error('no sheet');
    const report = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=unit&asOf=${AS_OF}`);
    const total = sheet.getRow(FIRST_DATA_ROW + report.rows.length);
    expect(total.getCell(2).value).toBe('Tổng cộng');
    expect(total.getCell(3).value).toBe(report.total.carriedOver);
    expect(total.getCell(7).value).toBe(report.total.received.total);
    expect(total.getCell(8).value).toBe(report.total.finished.total);
    expect(total.getCell(18).value).toBe(report.total.onTimeRate);
    expect(sheet.getRow(FIRST_DATA_ROW).getCell(2).value).toBe(report.rows[0]?.label);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 });
    // The linked group line below the table, numbers in cells.
    const { received, returned, returnedOnTime } = report.linkedGroups;
    expect((sheet.getRow(FIRST_DATA_ROW + report.rows.length + 2).values as unknown[]).slice(2)).toEqual([
      'Nhóm hồ sơ liên thông: tiếp nhận', received, 'Trả đủ kết quả', returned, 'Trong đó đúng hạn', returnedOnTime,
    ]);
    // Then the digitisation rates, numbers in cells.
    const { papersRate, papersDigitised, resultsRate, resultsDigitised, resolved } = report.digitisation;
    expect((sheet.getRow(FIRST_DATA_ROW + report.rows.length + 3).values as unknown[]).slice(2)).toEqual([
      'Tỷ lệ số hóa hồ sơ (%)', papersRate, 'Hồ sơ có thành phần đã số hóa', papersDigitised, 'Hồ sơ tiếp nhận', report.total.received.total,
    ]);
    expect((sheet.getRow(FIRST_DATA_ROW + report.rows.length + 4).values as unknown[]).slice(2)).toEqual([
      'Tỷ lệ số hóa kết quả (%)', resultsRate, 'Kết quả đã số hóa', resultsDigitised, 'Hồ sơ đã giải quyết', resolved,
    ]);
  });

  it('requires a leader or administrator, and keeps a leader to their unit', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/reports/official?from=${PERIOD.from}&to=${PERIOD.to}` })).statusCode).toBe(401);
    const page = await app.inject({ method: 'GET', url: '/bao-cao' });
    expect(page.body).toContain('Đăng nhập');
    const unit = dataset.units[0]?.id ?? '';
    const reception = await postForm(app, '/bao-cao/dang-nhap', { form: await openLoginForm(app), fields: { unit, username: dataset.units[0]?.receptionOfficers[0] ?? '', password: PASSWORD } });
    expect(reception.statusCode).toBe(401);
    const leaderCookie = await dashboardLogin(app, { unit, username: 'lanhdao', password: PASSWORD });
    const own = await app.inject({ method: 'GET', url: `/api/reports/official?from=${PERIOD.from}&to=${PERIOD.to}&groupBy=unit&asOf=${AS_OF}`, headers: { cookie: leaderCookie } });
    expect((own.json() as OfficialReport).rows.map((r) => r.key)).toEqual([unit]);
    const other = await app.inject({ method: 'GET', url: `/api/reports/official?from=${PERIOD.from}&to=${PERIOD.to}&unit=${dataset.units[1]?.id}`, headers: { cookie: leaderCookie } });
    expect(other.statusCode).toBe(403);
  });

  it('shows the dashboard with desk health, highlighting silent desks', async () => {
    const unit = dataset.units[0]?.id ?? '';
    const health = await app.inject({
      method: 'POST', url: '/api/desks/health', headers: { authorization: `Bearer ${credentials.get(unit)}` },
      payload: { pendingEvents: 4, oldestPendingAt: new Date(Date.now() - 90 * 60_000).toISOString(), deskTime: new Date(Date.now() + 3 * 60_000).toISOString() },
    });
    expect(health.statusCode, health.body).toBe(200);
    const page = await app.inject({ method: 'GET', url: `/bao-cao?from=${PERIOD.from}&to=${PERIOD.to}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Báo cáo tình hình giải quyết hồ sơ – Toàn tỉnh');
    expect(page.body).toContain('data-testid="province-table"');
    // The linked group line in the desk's words.
    const report = await official(`from=${PERIOD.from}&to=${PERIOD.to}&groupBy=unit`);
    const line = describeLinkedGroupLine(report.linkedGroups);
    expect(line).toMatch(/^Nhóm hồ sơ liên thông: tiếp nhận \d+ nhóm; trả đủ kết quả \d+ nhóm, trong đó đúng hạn \d+\.$/);
    expect(page.body).toContain(`<p data-testid="linked-groups">${line}</p>`);
    const rates = describeDigitisation(report.digitisation);
    expect(rates).toMatch(/^Tỷ lệ số hóa hồ sơ: [\d.]+\/[\d.]+ \([\d,]+%\) · Tỷ lệ số hóa kết quả: [\d.]+\/[\d.]+ \([\d,]+%\)$/);
    expect(page.body).toContain(`<p data-testid="digitisation">${rates}</p>`);
    const reported = /<tr data-desk="([^"]+)">([\s\S]*?)<\/tr>/.exec(page.body);
    expect(reported?.[1]).toBe(`${unit}#1`);
    expect(reported?.[2]).toContain('<td class="n">4</td>');
    expect(reported?.[2]).toContain('1 giờ 30 phút');
    expect(reported?.[2]).toContain('nhanh 3 phút');
    // The other desks pushed their last events in 2025 and never reported: silent.
    expect(page.body.match(/<tr class="silent"/g)?.length).toBe(dataset.units.length - 1);
  });
});
