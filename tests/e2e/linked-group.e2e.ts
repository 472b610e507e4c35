import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync/server/db/database.ts';
import { addDesk } from '../../sync/server/repositories/desks.ts';
import { addOfficer } from '../../sync/server/repositories/officers.ts';
import { addUnit } from '../../sync/server/repositories/units.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { newPgliteDir } from '../integration/server/support/server-databases.ts';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { allSent, openDossier, openScreen } from './support/counter.ts';
import { scanWithKeyboard } from './support/scanner.ts';
import { logIn, openFreshDesk } from './support/desk.ts';
import { enrolAndLogIn } from './support/enrol-desk.ts';
import { PASSWORD, PROVINCE, RECEPTION_A, UNIT_A, addHanoiUnits, verifiers } from './support/hanoi-units.ts';

/**
 * Issue 21 point 2: a commune desk receives the birth group (khai sinh, thường trú, thẻ BHYT) once:
 * the shared data entered once, one dossier per component with its own code and appointment, one
 * receipt listing them.
 */

const artifacts = join(import.meta.dirname, 'artifacts');
const POLICE = '000.00.41.H23';
const PROCESSING_A = { username: 'hoa.pt', fullName: 'Phạm Thị Hòa' };
const INSURANCE = '000.00.51.H23';
const POLICE_OFFICER = { username: 'tuan.lv', fullName: 'Lê Văn Tuấn' };
const INSURANCE_OFFICER = { username: 'ha.dt', fullName: 'Đỗ Thị Hà' };
const PROVINCE_ADMIN = { username: 'quantri.tinh', fullName: 'Quản trị tỉnh' };



/** The desk's own report of this month: what its total row counts for a figure. */
async function deskReportFigure(page: Page, figure: string): Promise<string | null> {
  return page.getByTestId('official-table').locator(`tr[data-row-key="total"] td[data-figure="${figure}"]`).textContent();
}

describe('a linked group received once at the commune desk', () => {
  let browser: Browser;
  let server: ServerProcess;
  let dataDir = '';
  let deskCode = '';
  let policeDeskCode = '';
  let secondDeskCode = '';
  let insuranceDeskCode = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dataDir = await newPgliteDir();
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await addHanoiUnits(database.db);
      await addUnit(database.db, { id: POLICE, name: 'Công an phường Ba Đình', level: 'commune', parentId: PROVINCE, kind: 'police' });
      await addUnit(database.db, { id: INSURANCE, name: 'Bảo hiểm xã hội khu vực Ba Đình', level: 'commune', parentId: PROVINCE, kind: 'social-insurance' });
      await addOfficer(database.db, { unitId: UNIT_A, ...RECEPTION_A, role: 'reception', verifier: await verifiers.create(PASSWORD) });
      await addOfficer(database.db, { unitId: UNIT_A, ...PROCESSING_A, role: 'processing', verifier: await verifiers.create(PASSWORD) });
      await addOfficer(database.db, { unitId: POLICE, ...POLICE_OFFICER, role: 'processing', verifier: await verifiers.create(PASSWORD) });
      await addOfficer(database.db, { unitId: INSURANCE, ...INSURANCE_OFFICER, role: 'processing', verifier: await verifiers.create(PASSWORD) });
      await addOfficer(database.db, { unitId: PROVINCE, ...PROVINCE_ADMIN, role: 'admin', verifier: await verifiers.create(PASSWORD) });
      deskCode = (await addDesk(database.db, { unitId: UNIT_A, slot: 1 })).code;
      policeDeskCode = (await addDesk(database.db, { unitId: POLICE, slot: 1 })).code;
      secondDeskCode = (await addDesk(database.db, { unitId: UNIT_A, slot: 2 })).code;
      insuranceDeskCode = (await addDesk(database.db, { unitId: INSURANCE, slot: 1 })).code;
    } finally {
      await database.close();
    }
    server = await startServerProcess(['--data', dataDir]);
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('receives the birth group with its three components, each its own dossier, on one receipt', async () => {
    const desk = await openFreshDesk(browser);
    try {
      const page = desk.page;
      await enrolAndLogIn(page, server.url, deskCode, RECEPTION_A.username, PASSWORD);
      await openScreen(page, 'Tiếp nhận hồ sơ');
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
      await page.keyboard.press('F2');
      await page.keyboard.type('lien thong khai sinh', { delay: 40 });
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('selected-procedure').textContent()).toContain('2.000986');
      const group = page.getByTestId('linked-group');
      await group.waitFor();

      // The declarant, then the components: the birth registration is required, the other two ticked.
      await page.getByLabel('Họ và tên', { exact: true }).fill('Nguyễn Thị Mai');
      await group.getByLabel(/Đăng ký thường trú/).check();
      await group.getByLabel(/Cấp thẻ bảo hiểm y tế/).check();

      // Bad input: nothing typed for the child; saving names what is missing and for which component.
      await page.getByRole('button', { name: /Lưu và in biên nhận/ }).click();
      await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain('Hồ sơ chưa lưu');
      const childNameError = group.getByRole('alert').filter({ hasText: 'họ, chữ đệm và tên của trẻ' });
      expect(await childNameError.textContent()).toContain('cần cho mọi thủ tục đã chọn');
      expect(await group.getByRole('alert').filter({ hasText: 'nơi đăng ký khám bệnh' }).textContent()).toContain('cần cho Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi');
      await page.screenshot({ path: join(artifacts, 'linked-group-missing.png') });

      await group.getByLabel('Họ, chữ đệm và tên của trẻ', { exact: true }).fill('Trần Minh Khang');
      await group.getByLabel('Ngày sinh của trẻ', { exact: true }).fill('01/12/2026');
      await group.getByLabel('Giới tính của trẻ', { exact: true }).selectOption('Nam');
      await group.getByLabel('Nơi sinh của trẻ', { exact: true }).fill('Bệnh viện Phụ sản Hà Nội');
      // The mother's citizen ID card, scanned once the declarant is filled, fills the mother and the residence.
      // (ASCII, as a scanner in keyboard mode that cannot type Vietnamese letters sends it.)
      await group.getByLabel('Nơi đăng ký khám bệnh, chữa bệnh ban đầu', { exact: true }).click();
      await scanWithKeyboard(page, '001195012349|123456789|Nguyen Thi Mai|01021995|Nu|So 5 pho Doi Can, Phuong Ba Dinh, Ha Noi|01072021', 10);
      await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain('Đã điền thông tin người mẹ từ thẻ căn cước của Nguyen Thi Mai');
      expect(await group.getByLabel('Họ và tên người mẹ', { exact: true }).inputValue()).toBe('Nguyen Thi Mai');
      expect(await group.getByLabel('Số định danh cá nhân của người mẹ', { exact: true }).inputValue()).toBe('001195012349');
      expect(await group.getByLabel('Nơi thường trú', { exact: true }).inputValue()).toBe('So 5 pho Doi Can, Phuong Ba Dinh, Ha Noi');
      expect(await page.getByLabel('Họ và tên', { exact: true }).inputValue()).toBe('Nguyễn Thị Mai');
      await group.getByLabel('Nơi đăng ký khám bệnh, chữa bệnh ban đầu', { exact: true }).fill('Trạm y tế phường Ba Đình');
      await page.screenshot({ path: join(artifacts, 'linked-group-receive.png') });
      await page.getByRole('button', { name: /Lưu và in biên nhận/ }).click();

      const notice = page.getByTestId('receive-notice').filter({ hasText: 'nhóm hồ sơ liên thông' });
      await notice.waitFor({ timeout: 30_000 });
      const codes = /thành phần: ([^)]+)\)/.exec((await notice.textContent()) ?? '')?.[1]?.split(', ') ?? [];
      expect(codes).toHaveLength(3);

      // One receipt: the group's code (its first component's) as barcode, a line per component.
      const preview = page.frameLocator('iframe.print-preview');
      const sheet = preview.getByTestId('receipt-sheet').first();
      await sheet.waitFor({ timeout: 30_000 });
      expect(await sheet.textContent()).toContain('Liên thông thủ tục hành chính: đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế');
      const lines = sheet.getByTestId('receipt-group-line');
      expect(await lines.count()).toBe(3);
      expect(await lines.nth(0).textContent()).toContain(codes[0]);
      expect(await lines.nth(0).textContent()).toContain('Ủy ban nhân dân');
      expect(await lines.nth(1).textContent()).toContain('Công an');
      expect(await lines.nth(2).textContent()).toContain('Bảo hiểm xã hội');
      expect(await sheet.getByTestId('form-number').textContent()).toMatch(/^Mẫu số/);
      const barcodePng = await sheet.getByTestId('barcode').screenshot({ path: join(artifacts, 'linked-group-barcode.png') });
      expect((await decodeBarcodes(new Uint8Array(barcodePng))).map((r) => r.text)).toContain(codes[0]);
      await page.screenshot({ path: join(artifacts, 'linked-group-receipt.png') });
      await sheet.screenshot({ path: join(artifacts, 'linked-group-receipt-sheet.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // Each component is a dossier of its own.
      for (const [index, name] of ['Đăng ký khai sinh', 'Đăng ký thường trú', 'Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi'].entries()) {
        await openDossier(page, codes[index]!);
        expect(await page.locator('main').textContent()).toContain(name);
        const members = page.getByTestId('linked-member');
        await expect.poll(() => members.count()).toBe(3);
        expect(await members.nth(index).getAttribute('class')).toBe('current');
      }
      await page.screenshot({ path: join(artifacts, 'linked-group-detail.png') });

      // The insurance component (open now) goes only to a social-insurance unit: the picker offers no other.
      const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbar.locator('[data-action=TRANSFERRED]').click();
      const picker = page.getByRole('combobox', { name: 'Chuyển đến đơn vị' });
      await picker.focus();
      await page.keyboard.type('ba dinh', { delay: 30 });
      const options = page.getByRole('listbox', { name: 'Đơn vị' }).getByRole('option');
      await expect.poll(() => options.allTextContents()).toEqual([`Bảo hiểm xã hội khu vực Ba Đình ${INSURANCE}`]);
      await page.screenshot({ path: join(artifacts, 'linked-group-transfer-picker.png') });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // The residence component needs the birth registration's results: it cannot go before they exist.
      const openCode = (code: string) => openDossier(page, code);
      const transferTo = async (typed: string, option: string) => {
        await toolbar.locator('[data-action=TRANSFERRED]').click();
        await picker.focus();
        await page.keyboard.type(typed, { delay: 30 });
        await expect.poll(() => options.allTextContents()).toEqual([option]);
        await page.keyboard.press('Enter');
        await page.getByRole('dialog').getByRole('button', { name: /Chuyển hồ sơ/ }).click();
      };
      const transferToPolice = () => transferTo('phuong ba dinh', `Công an phường Ba Đình ${POLICE}`);
      await openCode(codes[1]!);
      await transferToPolice();
      await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Chưa chuyển được "Đăng ký thường trú": cần số đăng ký khai sinh, số định danh cá nhân của trẻ');
      await page.screenshot({ path: join(artifacts, 'linked-group-awaits-results.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // The commune's processing officer registers the birth and enters its results once.
      const switchOfficer = async (username: string) => {
        await page.getByRole('button', { name: 'Đăng xuất' }).click();
        await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
        await logIn(page, username, PASSWORD);
      };
      await switchOfficer(PROCESSING_A.username);
      await openCode(codes[0]!);
      await toolbar.locator('[data-action=ACCEPTED]').click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => toolbar.locator('[data-action=RESOLVED]').count()).toBe(1);
      await toolbar.locator('[data-action=RESOLVED]').click();
      const resolve = page.getByRole('dialog');
      await resolve.getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
      await expect.poll(() => resolve.textContent()).toContain('Chưa nhập số đăng ký khai sinh');
      await resolve.getByLabel('Số đăng ký khai sinh', { exact: true }).fill('125/2026');
      await resolve.getByLabel('Số định danh cá nhân của trẻ', { exact: true }).fill('001226012345');
      await page.screenshot({ path: join(artifacts, 'linked-group-resolve-results.png') });
      await resolve.getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
      await expect.poll(() => page.getByRole('dialog').count(), { timeout: 30_000 }).toBe(0);

      // Back at reception, the residence component goes to the police carrying those results.
      await switchOfficer(RECEPTION_A.username);
      await openCode(codes[1]!);
      await transferToPolice();
      await page.getByTestId('held-elsewhere').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('held-elsewhere').textContent()).toContain('Công an phường Ba Đình');
      // It carries its shared data and the birth registration's results, entered once.
      await expect.poll(() => page.getByTestId('linked-data').textContent()).toContain('Số đăng ký khai sinh125/2026');
      expect(await page.getByTestId('linked-data').textContent()).toContain('Số định danh cá nhân của trẻ001226012345');
      expect(await page.getByTestId('linked-data').textContent()).toContain('Ngày sinh của trẻ01/12/2026');
      expect(await page.getByTestId('linked-data').textContent()).not.toContain('Trạm y tế');
      await page.screenshot({ path: join(artifacts, 'linked-group-carried-data.png') });

      // The card component goes to social insurance, carrying the child's personal ID.
      await openCode(codes[2]!);
      await transferTo('ba dinh', `Bảo hiểm xã hội khu vực Ba Đình ${INSURANCE}`);
      await page.getByTestId('held-elsewhere').waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('linked-data').textContent()).toContain('Số định danh cá nhân của trẻ001226012345');
      expect(await page.getByTestId('linked-data').textContent()).toContain('Nơi đăng ký khám bệnh, chữa bệnh ban đầuTrạm y tế phường Ba Đình');

      // From the birth component, the group shows where each component is.
      await page.getByTestId('linked-member').nth(0).getByRole('link').click();
      await expect.poll(() => page.getByTestId('detail-code').textContent(), { timeout: 30_000 }).toBe(codes[0]);
      await expect.poll(() => page.getByTestId('linked-member').nth(1).textContent()).toContain('Công an phường Ba Đình');
      // What was said about the component just transferred is not said about this one.
      expect(await page.getByTestId('action-done').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'linked-group-after-transfer.png') });

      // After the day-end sync, the citizen's lookup shows each component's progress.
      await page.getByTestId('sync-indicator').click();
      await page.getByTestId('day-end-start').click();
      const dayEnd = page.getByTestId('day-end-report');
      await dayEnd.waitFor({ timeout: 60_000 });
      expect(await dayEnd.textContent()).toContain('Đồng bộ xong');
      expect(await page.getByTestId('day-end-rejected').textContent()).toBe('0');
      await dayEnd.getByRole('button', { name: 'Đóng' }).click();
      const lookup = await desk.context.newPage();
      await lookup.setViewportSize({ width: 1366, height: 768 });
      await lookup.goto(`${server.url}/tra-cuu/${encodeURIComponent(codes[2]!)}`);
      const rows = lookup.locator('table.group tbody tr');
      expect(await rows.count()).toBe(3);
      expect(await lookup.locator('h3').textContent()).toContain(`Hồ sơ liên thông ${codes[0]}`);
      expect(await rows.nth(0).textContent()).toContain('UBND phường Ba Đình');
      expect(await rows.nth(1).textContent()).toContain('Công an phường Ba Đình');
      expect(await rows.nth(2).textContent()).toContain('Bảo hiểm xã hội khu vực Ba Đình');
      await lookup.screenshot({ path: join(artifacts, 'linked-group-lookup.png'), fullPage: true });
      await lookup.close();

      // The return counter shows the group from its receipt's code: the birth certificate is ready,
      // the others are not; the citizen takes it now (a partial return) and comes back for the rest.
      await openScreen(page, 'Trả kết quả');
      const openForReturn = async () => {
        await page.getByLabel('Mã hồ sơ', { exact: true }).fill(codes[0]!);
        await page.getByLabel('Mã hồ sơ', { exact: true }).press('Enter');
      };
      await openForReturn();
      const members = page.getByTestId('group-return-member');
      const readiness = () => Promise.all([0, 1, 2].map((i) => members.nth(i).getAttribute('data-readiness')));
      await expect.poll(() => members.count(), { timeout: 30_000 }).toBe(3);
      await expect.poll(readiness).toEqual(['ready', 'waiting', 'waiting']);
      expect(await page.getByTestId('group-return').textContent()).toContain(`Hồ sơ liên thông ${codes[0]}: 3 thủ tục; đã trả 0, sẵn sàng trả 1.`);
      await page.screenshot({ path: join(artifacts, 'linked-group-return.png') });
      await page.getByRole('button', { name: /Xác nhận trả kết quả/ }).click();
      await expect.poll(() => page.getByTestId('return-done').textContent(), { timeout: 30_000 }).toContain(codes[0]);
      await openForReturn();
      await expect.poll(readiness, { timeout: 30_000 }).toEqual(['returned', 'waiting', 'waiting']);
      expect(await page.getByTestId('group-return').textContent()).toContain('đã trả 1, sẵn sàng trả 0.');
      await allSent(page);

      // The police desk and the social-insurance desk, each enrolled in its own unit, find their
      // component with the data it carries, resolve it and hand the result back to the commune.
      const resolveAtUnit = async (unitDeskCode: string, username: string, code: string, carried: string, shot: string) => {
        const unitDesk = await openFreshDesk(browser);
        try {
          const p = unitDesk.page;
          await enrolAndLogIn(p, server.url, unitDeskCode, username, PASSWORD);
          await openDossier(p, code);
          await expect.poll(() => p.getByTestId('linked-data').textContent()).toContain(carried);
          const actions = p.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
          await actions.locator('[data-action=ACCEPTED]').click();
          await p.getByRole('dialog').waitFor();
          await p.keyboard.press('Enter');
          await expect.poll(() => actions.locator('[data-action=RESOLVED]').count()).toBe(1);
          await actions.locator('[data-action=RESOLVED]').click();
          await p.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
          await expect.poll(() => p.getByRole('dialog').count(), { timeout: 30_000 }).toBe(0);
          const handBack = actions.locator('[data-action=TRANSFERRED]');
          await expect.poll(() => handBack.textContent()).toContain('Chuyển trả kết quả về đơn vị tiếp nhận');
          await handBack.click();
          expect(await p.getByRole('dialog').locator('#toUnitFixed').textContent()).toBe('UBND phường Ba Đình');
          await p.getByRole('dialog').getByRole('button', { name: /Chuyển hồ sơ/ }).click();
          await p.getByTestId('held-elsewhere').waitFor({ timeout: 30_000 });
          await p.screenshot({ path: join(artifacts, `${shot}.png`) });
          await allSent(p);
          // This unit's report counts its own component once, finished.
          await openScreen(p, 'Báo cáo');
          await expect.poll(() => deskReportFigure(p, 'received.total'), { timeout: 30_000 }).toBe('1');
          expect(await deskReportFigure(p, 'finished.total')).toBe('1');
          await p.screenshot({ path: join(artifacts, `${shot}-report.png`) });
        } finally {
          await unitDesk.context.close();
        }
      };
      await resolveAtUnit(policeDeskCode, POLICE_OFFICER.username, codes[1]!, 'Số đăng ký khai sinh125/2026', 'linked-group-police-desk');
      await resolveAtUnit(insuranceDeskCode, INSURANCE_OFFICER.username, codes[2]!, 'Nơi đăng ký khám bệnh, chữa bệnh ban đầuTrạm y tế phường Ba Đình', 'linked-group-insurance-desk');

      // Back at the commune after the sync: both results are here; each is returned, the first as a partial return.
      await expect
        .poll(
          async () => {
            await openForReturn();
            await expect.poll(() => members.count(), { timeout: 30_000 }).toBe(3);
            return readiness();
          },
          { timeout: 90_000, interval: 2000 },
        )
        .toEqual(['returned', 'ready', 'ready']);
      await page.screenshot({ path: join(artifacts, 'linked-group-return-all-ready.png') });
      // One confirmation hands over both: the other ready result is offered with the one picked.
      await members.nth(1).getByRole('button', { name: 'Trả thủ tục này' }).click();
      await expect.poll(() => page.getByTestId('return-card').locator('.return-code').first().textContent()).toBe(codes[1]);
      const together = page.getByTestId('return-with-group');
      await expect.poll(() => together.textContent()).toContain(`Cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi (${codes[2]})`);
      expect(await together.getByRole('checkbox').isChecked()).toBe(true);
      await page.screenshot({ path: join(artifacts, 'linked-group-return-together.png') });
      await page.getByRole('button', { name: /Xác nhận trả kết quả/ }).click();
      await expect.poll(() => page.getByTestId('return-done').textContent(), { timeout: 30_000 }).toContain(`${codes[1]}, ${codes[2]}`);
      await openForReturn();
      await expect.poll(readiness, { timeout: 30_000 }).toEqual(['returned', 'returned', 'returned']);

      // Each return is on the component's route; the first says what was still to come (a partial return).
      await openCode(codes[0]!);
      await expect.poll(() => page.getByTestId('route').textContent()).toContain(`Trả một phần hồ sơ liên thông: còn chờ trả ${codes[1]}, ${codes[2]}`);
      for (const code of [codes[1]!, codes[2]!]) {
        await openCode(code);
        await expect.poll(() => page.getByTestId('route').textContent()).toContain('Người nhận');
        expect(await page.getByTestId('route').textContent()).not.toContain('Trả một phần');
      }
      await allSent(page);

      // The commune's report counts its own component (the birth registration) once, and the group on its line.
      await openScreen(page, 'Báo cáo');
      await expect.poll(() => deskReportFigure(page, 'received.total'), { timeout: 30_000 }).toBe('1');
      expect(await deskReportFigure(page, 'finished.total')).toBe('1');
      expect(await page.getByTestId('report-linked-groups').textContent()).toContain('Nhóm hồ sơ liên thông: tiếp nhận 1 nhóm; trả đủ kết quả 1 nhóm, trong đó đúng hạn 1');
      await page.screenshot({ path: join(artifacts, 'linked-group-desk-report.png') });

      // The province counts each component once, in its own unit, and the group once on its line.
      const dashboard = await desk.context.newPage();
      await dashboard.setViewportSize({ width: 1366, height: 768 });
      await dashboard.goto(`${server.url}/bao-cao`);
      await dashboard.getByLabel('Mã đơn vị').fill(PROVINCE);
      await dashboard.getByLabel('Tên đăng nhập').fill(PROVINCE_ADMIN.username);
      await dashboard.getByLabel('Mật khẩu').fill(PASSWORD);
      await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
      const table = dashboard.getByTestId('province-table');
      await table.waitFor();
      // Columns: STT, unit, carried over, in person, online, post, newly received, finished…
      const receivedOf = (key: string) => table.locator(`tr[data-row-key="${key}"] td:nth-child(7)`).textContent();
      expect(await receivedOf(UNIT_A)).toBe('1');
      expect(await receivedOf(POLICE)).toBe('1');
      expect(await receivedOf(INSURANCE)).toBe('1');
      expect(await receivedOf('total')).toBe('3');
      expect(await dashboard.getByTestId('linked-groups').textContent()).toContain('Nhóm hồ sơ liên thông: tiếp nhận 1 nhóm; trả đủ kết quả 1 nhóm, trong đó đúng hạn 1');
      await dashboard.screenshot({ path: join(artifacts, 'linked-group-province-report.png'), fullPage: true });
      await dashboard.close();
    } finally {
      await desk.context.close();
    }
  }, 600_000);

  it('receives the death group with the residence removal ticked: two components, the deceased filled from the card', async () => {
    const desk = await openFreshDesk(browser);
    try {
      const page = desk.page;
      await enrolAndLogIn(page, server.url, secondDeskCode, RECEPTION_A.username, PASSWORD);
      await openScreen(page, 'Tiếp nhận hồ sơ');
      await page.keyboard.press('F2');
      await page.keyboard.type('1.006714', { delay: 40 });
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('selected-procedure').textContent()).toContain('1.006714');
      const group = page.getByTestId('linked-group');
      await group.waitFor();
      await page.getByLabel('Họ và tên', { exact: true }).fill('Trần Văn Nam');
      await group.getByLabel(/Xóa đăng ký thường trú/).check();
      // The deceased's citizen ID card fills the deceased and the residence.
      await group.getByLabel('Nơi chết', { exact: true }).click();
      await scanWithKeyboard(page, '001045012345|123456780|Tran Van Ba|05031945|Nam|So 7 ngo Giang Vo, Phuong Ba Dinh, Ha Noi|01072021', 10);
      await expect.poll(() => group.getByLabel('Họ và tên người chết', { exact: true }).inputValue()).toBe('Tran Van Ba');
      expect(await group.getByLabel('Số định danh cá nhân của người chết', { exact: true }).inputValue()).toBe('001045012345');
      expect(await group.getByLabel('Ngày sinh của người chết', { exact: true }).inputValue()).toBe('05/03/1945');
      expect(await group.getByLabel('Nơi thường trú', { exact: true }).inputValue()).toBe('So 7 ngo Giang Vo, Phuong Ba Dinh, Ha Noi');
      await group.getByLabel('Ngày chết', { exact: true }).fill('05/12/2026');
      await group.getByLabel('Nơi chết', { exact: true }).fill('Bệnh viện Bạch Mai');
      await page.screenshot({ path: join(artifacts, 'linked-group-death-receive.png') });
      await page.getByRole('button', { name: /Lưu và in biên nhận/ }).click();

      const notice = page.getByTestId('receive-notice').filter({ hasText: 'nhóm hồ sơ liên thông' });
      await notice.waitFor({ timeout: 30_000 });
      const codes = /thành phần: ([^)]+)\)/.exec((await notice.textContent()) ?? '')?.[1]?.split(', ') ?? [];
      expect(codes).toHaveLength(2);
      const sheet = page.frameLocator('iframe.print-preview').getByTestId('receipt-sheet').first();
      await sheet.waitFor({ timeout: 30_000 });
      expect(await sheet.textContent()).toContain('khai tử');
      const lines = sheet.getByTestId('receipt-group-line');
      expect(await lines.count()).toBe(2);
      expect(await lines.nth(0).textContent()).toContain('Đăng ký khai tử');
      expect(await lines.nth(1).textContent()).toContain('Xóa đăng ký thường trú');
      expect(await lines.nth(1).textContent()).toContain('Công an');
      await sheet.screenshot({ path: join(artifacts, 'linked-group-death-receipt-sheet.png') });
      await page.keyboard.press('Escape');
      await openDossier(page, codes[1]!);
      await expect.poll(() => page.getByTestId('linked-member').count()).toBe(2);
      expect(await page.getByTestId('linked-data').textContent()).toContain('Họ và tên người chếtTran Van Ba');
    } finally {
      await desk.context.close();
    }
  }, 300_000);
});
