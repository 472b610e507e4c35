import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DossierEvent, PayloadInput } from '../../../src/dossier/events.ts';
import { projectDossier } from '../../../src/dossier/projection.ts';
import { cashUp, feeTotals } from '../../../src/fees/cash-up.ts';
import { formatDong } from '../../../src/fees/format-dong.ts';
import { localDateOf } from '../../../src/time/vn-time.ts';
import { dashboardLogin } from './support/dashboard.ts';
import { officerCashUp, unitFeeTotals } from '../../../sync/server/reports/fee-report.ts';
import { setUnitBankAccount } from '../../../sync/server/repositories/units.ts';
import { serverTestDatabases } from './support/server-databases.ts';
import { worldPerSuite } from './support/suite-world.ts';
import { authed, makeEvent, newDossierCode, PASSWORD, push, receivedPayload, UNIT_A, type TestDesk, type World } from './support/world.ts';

const issued = (symbol: string, number: number, amount: number, method: 'cash' | 'vietqr' | 'bank-transfer'): PayloadInput<'FEE_RECEIPT_ISSUED'> => ({
  symbol,
  number,
  amount,
  description: 'Lệ phí đăng ký khai sinh',
  method,
  payer: { fullName: 'Nguyễn Văn An' },
});

async function storedIds(world: World, code: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`select id::text as id from events where dossier_code = ${code} order by seq`.execute(world.database.db);
  return rows.rows.map((row) => row.id);
}

async function feeRowCount(world: World): Promise<number> {
  const rows = await sql<{ n: string | number }>`select count(*) as n from fee_receipts`.execute(world.database.db);
  return Number(rows.rows[0]?.n ?? 0);
}

describe.each(serverTestDatabases())('fee receipts on the server, on $name', (database) => {
  const suite = worldPerSuite(database);

  async function pushOk(desk: TestDesk, events: DossierEvent[]): Promise<void> {
    const response = await push(suite.world.app, desk, events);
    expect(response.statusCode, response.body).toBe(200);
  }

  it('stores issue and void, refuses a second void and a reused number with 409 in Vietnamese, and its totals are the desk’s', async () => {
    const { world } = suite;
    const { deskA, deskA2, officers } = world;
    const reception = officers.receptionA!;
    const first = newDossierCode(deskA);
    const second = newDossierCode(deskA);
    const received1 = makeEvent(deskA, reception, 'RECEIVED', first, receivedPayload());
    const received2 = makeEvent(deskA, reception, 'RECEIVED', second, receivedPayload());
    const cash = makeEvent(deskA, reception, 'FEE_RECEIPT_ISSUED', first, issued('BL26-Q1', 1, 8000, 'cash'));
    const qr = makeEvent(deskA, reception, 'FEE_RECEIPT_ISSUED', second, issued('BL26-Q1', 2, 25000, 'vietqr'));
    const voided = makeEvent(deskA, reception, 'FEE_RECEIPT_VOIDED', first, { symbol: 'BL26-Q1', number: 1, reason: 'Thu nhầm số tiền' });
    // Desk 2 of the same unit has its own book: its number 1 is another receipt.
    const otherDesk = makeEvent(deskA2, reception, 'RECEIVED', newDossierCode(deskA2), receivedPayload());
    const otherDeskReceipt = makeEvent(deskA2, reception, 'FEE_RECEIPT_ISSUED', otherDesk.dossierCode, issued('BL26-Q2', 1, 5000, 'bank-transfer'));
    await pushOk(deskA, [received1, received2, cash, qr, voided]);
    await pushOk(deskA2, [otherDesk, otherDeskReceipt]);
    expect(await feeRowCount(world)).toBe(3);

    const before = { first: await storedIds(world, first), second: await storedIds(world, second), rows: await feeRowCount(world) };
    const voidAgain = makeEvent(deskA, reception, 'FEE_RECEIPT_VOIDED', first, { symbol: 'BL26-Q1', number: 1, reason: 'Hủy lần nữa' });
    const again = await push(world.app, deskA, [voidAgain]);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json()).toEqual({
      error: { code: 'fee.receipt_already_voided', message: 'Biên lai BL26-Q1 số 0000001 đã bị hủy trước đó, không hủy lại.', eventId: voidAgain.id },
    });

    // Number 2 of BL26-Q1 is on the second dossier: the same number on the first is refused, and
    // a good event in the same batch is not stored either.
    const note = makeEvent(deskA, reception, 'NOTE', second, { text: 'Công dân hỏi biên lai' });
    const duplicate = makeEvent(deskA, reception, 'FEE_RECEIPT_ISSUED', first, issued('BL26-Q1', 2, 8000, 'cash'));
    const reused = await push(world.app, deskA, [note, duplicate]);
    expect(reused.statusCode, reused.body).toBe(409);
    expect(reused.json()).toEqual({
      error: {
        code: 'fee.receipt_number_taken',
        message: `Số biên lai BL26-Q1 số 0000002 của đơn vị ${UNIT_A} đã được dùng cho hồ sơ ${second}: không cấp trùng số biên lai.`,
        eventId: duplicate.id,
        path: 'payload.number',
      },
    });
    expect({ first: await storedIds(world, first), second: await storedIds(world, second), rows: await feeRowCount(world) }).toEqual(before);

    // The desk's figures, from the same events through the desk's projection.
    const deskReceipts = [...projectDossier([received1, cash, voided]).feeReceipts, ...projectDossier([received2, qr]).feeReceipts];
    const today = localDateOf(Date.now());
    const deskTotals = feeTotals(deskReceipts);
    expect(deskTotals).toEqual({ byMethod: { cash: 0, 'bank-transfer': 0, vietqr: 25000 }, total: 25000, count: 1, voidedCount: 1 });
    const serverTotals = await unitFeeTotals(world.database.db, [UNIT_A], { from: today, to: today });
    expect(serverTotals).toEqual({ byMethod: { cash: 0, 'bank-transfer': 5000, vietqr: 25000 }, total: 30000, count: 2, voidedCount: 1 });
    // Desk 1's own receipts: the server's cash-up of the officer equals the desk's.
    const serverCashUp = await officerCashUp(world.database.db, UNIT_A, reception.id, today);
    const deskCashUp = cashUp([...deskReceipts, ...projectDossier([otherDesk, otherDeskReceipt]).feeReceipts], reception.id, today);
    expect(serverCashUp.totals).toEqual(deskCashUp.totals);
    expect(serverCashUp.receipts.map((r) => [r.symbol, r.number, r.voided !== null])).toEqual(deskCashUp.receipts.map((r) => [r.symbol, r.number, r.voided !== null]));
  });

  it('refuses a receipt on a refused dossier (409) and from a processing officer (403)', async () => {
    const { world } = suite;
    const { deskA, officers } = world;
    const code = newDossierCode(deskA);
    await pushOk(deskA, [
      makeEvent(deskA, officers.receptionA!, 'RECEIVED', code, receivedPayload()),
      makeEvent(deskA, officers.receptionA!, 'REFUSED', code, { reason: 'Không thuộc thẩm quyền' }),
    ]);
    const late = makeEvent(deskA, officers.receptionA!, 'FEE_RECEIPT_ISSUED', code, issued('BL26-Q1', 50, 8000, 'cash'));
    const refused = await push(world.app, deskA, [late]);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'transition.illegal', message: 'Không thể "Thu phí, lệ phí" khi hồ sơ đang ở trạng thái "Từ chối".' } });
    const open = newDossierCode(deskA);
    await pushOk(deskA, [makeEvent(deskA, officers.receptionA!, 'RECEIVED', open, receivedPayload())]);
    const byProcessing = await push(world.app, deskA, [makeEvent(deskA, officers.processingA!, 'FEE_RECEIPT_ISSUED', open, issued('BL26-Q1', 51, 8000, 'cash'))]);
    expect(byProcessing.statusCode, byProcessing.body).toBe(403);
    expect(byProcessing.json()).toMatchObject({ error: { code: 'event.role_forbidden' } });
  });

  it("puts the desk's fee totals in the official report JSON, the workbook's fee sheet and the leaders' cash-ups on /bao-cao", async () => {
    const { world } = suite;
    const { deskA, officers } = world;
    const reception = officers.receptionA!;
    const cookie = await dashboardLogin(world.app, { unit: UNIT_A, username: 'leadera', password: PASSWORD });
    const today = localDateOf(Date.now());
    const official = async () => {
      const response = await world.app.inject({ method: 'GET', url: `/api/reports/official?from=${today}&to=${today}&groupBy=none`, headers: { cookie } });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { fees: ReturnType<typeof feeTotals> }).fees;
    };
    const before = await official();

    const code = newDossierCode(deskA);
    const events = [
      makeEvent(deskA, reception, 'RECEIVED', code, receivedPayload()),
      makeEvent(deskA, reception, 'FEE_RECEIPT_ISSUED', code, issued('BL26-Q1', 200, 8000, 'cash')),
      makeEvent(deskA, reception, 'FEE_RECEIPT_ISSUED', code, issued('BL26-Q1', 201, 40000, 'bank-transfer')),
      makeEvent(deskA, reception, 'FEE_RECEIPT_ISSUED', code, issued('BL26-Q1', 202, 12000, 'vietqr')),
      makeEvent(deskA, reception, 'FEE_RECEIPT_VOIDED', code, { symbol: 'BL26-Q1', number: 201, reason: 'Thu nhầm hình thức' }),
      makeEvent(deskA, reception, 'FEE_RECEIPT_VOIDED', code, { symbol: 'BL26-Q1', number: 203, reason: 'Mất điện khi in', reservedOnly: true }),
    ];
    await pushOk(deskA, events);
    const desk = feeTotals(projectDossier(events).feeReceipts);
    expect(desk).toEqual({ byMethod: { cash: 8000, 'bank-transfer': 0, vietqr: 12000 }, total: 20000, count: 2, voidedCount: 2 });
    const after = await official();
    // What the server added for these events is exactly the desk's figures.
    expect({
      byMethod: { cash: after.byMethod.cash - before.byMethod.cash, 'bank-transfer': after.byMethod['bank-transfer'] - before.byMethod['bank-transfer'], vietqr: after.byMethod.vietqr - before.byMethod.vietqr },
      total: after.total - before.total,
      count: after.count - before.count,
      voidedCount: after.voidedCount - before.voidedCount,
    }).toEqual(desk);

    const xlsx = await world.app.inject({ method: 'GET', url: `/api/reports/official.xlsx?from=${today}&to=${today}&groupBy=none`, headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Thu phí, lệ phí');
    const values: unknown[][] = [];
    sheet?.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    expect(values.slice(2)).toEqual([
      ['Hình thức thanh toán', 'Số tiền (đồng)'],
      ['Tiền mặt', after.byMethod.cash],
      ['Chuyển khoản', after.byMethod['bank-transfer']],
      ['VietQR', after.byMethod.vietqr],
      ['Tổng cộng', after.total],
      ['Số biên lai đã thu', after.count],
      ['Số biên lai, số giữ chỗ đã hủy (không cộng tiền)', after.voidedCount],
    ]);

    const page = await world.app.inject({ method: 'GET', url: `/bao-cao?from=${today}&to=${today}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`Tổng cộng: <strong>${formatDong(after.total)}</strong>`);
    const officerDay = await officerCashUp(world.database.db, UNIT_A, reception.id, today);
    const row = new RegExp(`<tr data-officer="${reception.id}" data-date="${today}">(.*?)</tr>`).exec(page.body)?.[1] ?? '';
    expect(row).toContain(reception.fullName);
    expect(row).toContain(`<strong>${formatDong(officerDay.totals.total)}</strong>`);
    expect(row.endsWith(`<td class="n">${officerDay.totals.voidedCount}</td>`)).toBe(true);
  });

  it("sends the unit's bank account to its desks with the unit's reference document", async () => {
    const { world } = suite;
    await setUnitBankAccount(world.database.db, UNIT_A, { bankBin: '970415', accountNumber: '0011001932418', accountName: 'UBND XA TAN LAP' });
    const pulled = await world.app.inject({ method: 'GET', url: '/api/sync/reference/pull?checkpoint=0&limit=1000', headers: authed(world.deskA) });
    const documents = (pulled.json() as { documents: Array<{ kind: string; key: string; body: Record<string, unknown> }> }).documents;
    const unit = documents.filter((d) => d.kind === 'unit' && d.key === UNIT_A).at(-1);
    expect(unit?.body).toMatchObject({ id: UNIT_A, bankAccount: { bankBin: '970415', accountNumber: '0011001932418', accountName: 'UBND XA TAN LAP' } });
  });
});
