import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { PayloadInput } from '../../../src/dossier/events.ts';
import type { OfficialReport } from '../../../src/reports/official-report.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { addUnit } from '../../../sync/server/repositories/units.ts';
import { dashboardLogin } from './support/dashboard.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { makeEvent, newDossierCode, PASSWORD, PROVINCE, push, receivedPayload, UNIT_A } from './support/world.ts';

const POLICE = '000.00.41.H23';
const GROUP = { procedureCode: '2.000986', procedureName: 'Liên thông thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi' };

/**
 * Issue 21 point 6 through the server: a group received at commune A, its residence component sent
 * to the police. Each component is a dossier of the unit competent for it; the group is a line of
 * the commune's report, in the JSON, on the dashboard and in the workbook.
 */
describe.each(serverTestDatabases())('linked group in the provincial report on $name', (database) => {
  const suite = worldPerSuite(database);

  it("counts the residence component in the police's report and the group in the commune's line", async () => {
    const { app, deskA, officers } = suite.world;
    const reception = officers.receptionA!;
    await addUnit(suite.world.database.db, { id: POLICE, name: 'Công an xã Tân Lập', level: 'commune', parentId: PROVINCE, kind: 'police' });
    const [birth, residence] = [newDossierCode(deskA), newDossierCode(deskA)] as [string, string];
    const base = receivedPayload();
    const members = [
      { dossierCode: birth, procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh', unitKind: 'people-committee' as const, dueAt: base.dueAt },
      { dossierCode: residence, procedureCode: '1.004222', procedureName: 'Đăng ký thường trú', unitKind: 'police' as const, dueAt: base.dueAt },
    ];
    const component = (code: string, awaits: boolean): PayloadInput<'RECEIVED'> => ({
      ...base,
      ...(code === residence ? { procedureCode: '1.004222', procedureName: 'Đăng ký thường trú' } : {}),
      linkedGroupId: birth,
      group: { ...GROUP, members, data: { childName: 'Trần Minh Khang' }, ...(awaits ? { awaits: ['birthRegistrationNumber' as const] } : {}) },
    });
    const events = [
      makeEvent(deskA, reception, 'RECEIVED', birth, component(birth, false)),
      makeEvent(deskA, reception, 'RECEIVED', residence, component(residence, true)),
      makeEvent(deskA, reception, 'TRANSFERRED', residence, { toUnitId: POLICE, groupData: { birthRegistrationNumber: '125/2026' } }),
    ];
    const pushed = await push(app, deskA, events);
    expect(pushed.statusCode, pushed.body).toBe(200);
    const stored = await suite.world.database.db.selectFrom('dossiers').select(['code', 'report_unit_id']).where('code', 'in', [birth, residence]).orderBy('code').execute();
    expect(new Map(stored.map((row) => [row.code, row.report_unit_id]))).toEqual(new Map([[birth, UNIT_A], [residence, POLICE]]));

    const cookie = await dashboardLogin(app, { unit: UNIT_A, username: 'admina', password: PASSWORD });
    const today = localDateOf(Date.now());
    const official = async (query: string): Promise<OfficialReport> => {
      const response = await app.inject({ method: 'GET', url: `/api/reports/official?from=${today}&to=${today}&${query}`, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const province = await official('groupBy=unit');
    expect(province.rows.map((row) => [row.key, row.received.total])).toEqual([[UNIT_A, 1], [POLICE, 1]]);
    expect(province.linkedGroups).toEqual({ received: 1, returned: 0, returnedOnTime: 0 });
    const commune = await official(`groupBy=procedure&unit=${UNIT_A}`);
    expect(commune.rows.map((row) => [row.key, row.received.total])).toEqual([['1.001193', 1]]);
    expect(commune.linkedGroups).toEqual({ received: 1, returned: 0, returnedOnTime: 0 });
    const police = await official(`groupBy=procedure&unit=${POLICE}`);
    expect(police.rows.map((row) => [row.key, row.received.total])).toEqual([['1.004222', 1]]);
    expect(police.linkedGroups).toEqual({ received: 0, returned: 0, returnedOnTime: 0 });

    const line = 'Nhóm hồ sơ liên thông: tiếp nhận 1 nhóm; trả đủ kết quả 0 nhóm, trong đó đúng hạn 0.';
    const page = await app.inject({ method: 'GET', url: `/bao-cao?from=${today}&to=${today}&unit=${UNIT_A}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<p data-testid="linked-groups">${line}</p>`);
    // The police received no group: no line.
    const policePage = await app.inject({ method: 'GET', url: `/bao-cao?from=${today}&to=${today}&unit=${POLICE}`, headers: { cookie } });
    expect(policePage.statusCode).toBe(200);
    expect(policePage.body).toContain('data-testid="province-table"');
    expect(policePage.body).not.toContain('data-testid="linked-groups"');

    const xlsx = await app.inject({ method: 'GET', url: `/api/reports/official.xlsx?from=${today}&to=${today}&groupBy=procedure&unit=${UNIT_A}`, headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const values: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => values.push((row.values as unknown[]).slice(2)));
    expect(values).toContainEqual(['Nhóm hồ sơ liên thông: tiếp nhận', 1, 'Trả đủ kết quả', 0, 'Trong đó đúng hạn', 0]);
  });
});
