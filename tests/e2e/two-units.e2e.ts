import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { enrolAndLogIn } from './support/enrol-desk.ts';
import { logIn, openFreshDesk } from './support/desk.ts';
import { allSent, openDossier, openScreen, receiveBirthRegistration } from './support/counter.ts';
import { ADMIN_A, LEADER_A, PASSWORD, PROCESSING_B, RECEPTION_A, UNIT_A, UNIT_B, startHanoiServer } from './support/hanoi-units.ts';
import type { HanoiServer } from './support/hanoi-units.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const MINUTE = 60_000;

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
}



describe('two units and a real provincial server', () => {
  let browser: Browser;
  let hanoi: HanoiServer;
  let server: ServerProcess;
  const codes = { a1: '', b1: '', a2: '' };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    hanoi = await startHanoiServer({
      officers: [
        { unitId: UNIT_A, ...RECEPTION_A, role: 'reception' },
        { unitId: UNIT_B, ...PROCESSING_B, role: 'processing' },
        { unitId: UNIT_A, ...LEADER_A, role: 'leader' },
        ADMIN_A,
        { unitId: UNIT_B, username: 'quantri', fullName: 'Quản trị Hoàn Kiếm', role: 'admin' },
      ],
      desks: [{ unitId: UNIT_A, slot: 1 }, { unitId: UNIT_B, slot: 1 }, { unitId: UNIT_A, slot: 2 }],
    });
    server = hanoi.server;
    [codes.a1, codes.b1, codes.a2] = hanoi.deskCodes as [string, string, string];
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await hanoi?.stop();
  });

  it('after a transfer only the holder acts; it hands the result back and the receiving desk returns it', async () => {
    const deskA = await openFreshDesk(browser);
    const deskB = await openFreshDesk(browser);
    try {
      const a = deskA.page;
      const b = deskB.page;
      await enrolAndLogIn(a, server.url, codes.a1, RECEPTION_A.username, PASSWORD);
      const code = await receiveBirthRegistration(a, 'Nguyễn Văn An');

      // Ba Đình received it; Hoàn Kiếm is competent: transfer it there. The province's unit list
      // is kept on the desk: with the server unreachable and the page reloaded, it is still there.
      await allSent(a);
      await deskA.context.route(`${server.url}/**`, (route) => route.abort());
      await a.reload();
      await openDossier(a, code);
      const toolbarA = a.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbarA.locator('[data-action=TRANSFERRED]').click();
      // Units are picked by name, typed without accents, arrows and Enter (issue 20 point 3).
      const picker = a.getByRole('combobox', { name: 'Chuyển đến đơn vị' });
      await picker.focus();
      await a.keyboard.type('phuong hoan kiem', { delay: 30 });
      const options = a.getByRole('listbox', { name: 'Đơn vị' }).getByRole('option');
      await expect.poll(() => options.allTextContents()).toEqual([`UBND phường Hoàn Kiếm ${UNIT_B}`]);
      await a.screenshot({ path: join(artifacts, 'transfer-unit-picker.png') });
      await a.keyboard.press('Enter');
      expect(await picker.inputValue()).toBe('UBND phường Hoàn Kiếm');
      expect(await picker.getAttribute('data-unit-id')).toBe(UNIT_B);
      await expect.poll(() => a.getByRole('dialog').textContent()).toContain('UBND phường Hoàn Kiếm: hồ sơ sẽ do đơn vị đó nhận xử lý');
      // There is no way left to type an id.
      expect(await a.getByRole('dialog').locator('select, #toUnitId').count()).toBe(0);
      await a.getByRole('dialog').getByRole('button', { name: /Chuyển hồ sơ/ }).click();
      await a.getByTestId('held-elsewhere').waitFor();
      expect(await a.getByTestId('held-elsewhere').textContent()).toBe(
        'Hồ sơ đang do UBND phường Hoàn Kiếm giữ. Đơn vị này (UBND phường Ba Đình) chỉ xem được hồ sơ, không ghi thao tác hay in phiếu cho đến khi hồ sơ được chuyển về.',
      );
      expect(await toolbarA.locator('[data-action]').count()).toBe(0);
      // Nor are its papers digitised here while Hoàn Kiếm holds it.
      expect(await a.getByTestId('paper-row').count()).toBeGreaterThan(0);
      expect(await a.getByTestId('paper-capture').count()).toBe(0);
      // Every action and print is still shown, greyed with its reason (issue 19 point 7).
      expect(await toolbarA.locator('button:not([aria-disabled=true])').count()).toBe(0);
      await a.screenshot({ path: join(artifacts, 'holder-transferred-away.png') });
      await deskA.context.unroute(`${server.url}/**`);
      await allSent(a);

      // Hoàn Kiếm takes it, resolves it and hands the result back to Ba Đình.
      await enrolAndLogIn(b, server.url, codes.b1, PROCESSING_B.username, PASSWORD);
      // A processing officer does not receive: the screen says so instead of the province refusing it later.
      await openScreen(b, 'Tiếp nhận hồ sơ');
      await expect.poll(() => b.getByTestId('receive-not-for-role').textContent()).toContain('Cán bộ thụ lý không tiếp nhận hồ sơ');
      await openDossier(b, code);
      // Its whole history, units and counters by name.
      const route = b.getByTestId('route');
      await expect.poll(() => route.textContent()).toContain(`Đến UBND phường Hoàn Kiếm (${UNIT_B})`);
      expect(await route.textContent()).toContain('Quầy 1 – UBND phường Ba Đình');
      expect(await route.textContent()).not.toContain('đơn vị 000.');
      await b.screenshot({ path: join(artifacts, 'holder-received-by-b.png') });
      const toolbarB = b.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbarB.locator('[data-action=ACCEPTED]').click();
      await b.getByRole('dialog').waitFor();
      await b.keyboard.press('Enter');
      await toolbarB.locator('[data-action=RESOLVED]').click();
      await b.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
      const handBack = toolbarB.locator('[data-action=TRANSFERRED]');
      await expect.poll(() => handBack.textContent()).toContain('Chuyển trả kết quả về đơn vị tiếp nhận');

      // The process control slip: the hand-over from Ba Đình to Hoàn Kiếm by name, with who signs it.
      await b.locator('[data-print=process-control]').click();
      const preview = b.frameLocator('iframe.print-preview');
      const slip = preview.getByTestId('process-control-sheet');
      await slip.waitFor();
      const slipText = (await slip.textContent()) ?? '';
      expect(slipText).toContain('Giao: UBND phường Ba ĐìnhNhận: UBND phường Hoàn Kiếm');
      expect(slipText).toContain(`Cơ quan đang giải quyết: UBND phường Hoàn Kiếm`);
      // Ba Đình's officer is not known at Hoàn Kiếm: a line to sign by hand, never an id.
      expect(slipText).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      // Early or on time: a same-day dossier received before 15:00 (Vietnam time) is due that very day.
      expect(slipText).toMatch(new RegExp(`${PROCESSING_B.fullName}(Trước hạn|Đúng hạn)`));
      expect(slipText).not.toContain(UNIT_B);
      await b.screenshot({ path: join(artifacts, 'transfer-process-control-slip.png') });
      const slipBarcode = await preview.getByTestId('barcode').first().screenshot({ path: join(artifacts, 'transfer-process-control-barcode.png') });
      expect((await decodeBarcodes(new Uint8Array(slipBarcode))).map((result) => [result.format, result.text])).toContainEqual(['Code128', code]);
      await closeDialog(b);

      expect(await toolbarB.locator('[data-action]').count()).toBe(1);
      await handBack.click();
      // The hand-back goes to the receiving unit and nowhere else: shown, not chosen.
      const fixedUnit = b.getByRole('dialog').locator('#toUnitFixed');
      expect(await fixedUnit.textContent()).toBe('UBND phường Ba Đình');
      expect(await fixedUnit.getAttribute('data-unit-id')).toBe(UNIT_A);
      await b.screenshot({ path: join(artifacts, 'holder-hand-back.png') });
      await b.getByRole('dialog').getByRole('button', { name: /Chuyển hồ sơ/ }).click();
      await b.getByTestId('held-elsewhere').waitFor();
      expect(await toolbarB.locator('[data-action]').count()).toBe(0);
      await allSent(b);

      // Back at Ba Đình: the citizen's receipt is scanned and the result returned.
      await a.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trả kết quả' }).click();
      await expect
        .poll(
          async () => {
            await a.getByLabel('Mã hồ sơ').fill(code);
            await a.getByLabel('Mã hồ sơ').press('Enter');
            await a.getByTestId('return-card').waitFor();
            return (await a.getByTestId('return-blocked').count()) === 0 && (await a.getByLabel('Người nhận kết quả').count()) === 1;
          },
          { timeout: 60_000, interval: 1000 },
        )
        .toBe(true);
      await a.getByLabel('Người nhận kết quả').press('Enter');
      await expect.poll(() => a.getByTestId('return-done').textContent()).toContain(code);
      await allSent(a);

      const lookup = await fetch(`${server.url}/api/public/dossiers/${encodeURIComponent(code)}`);
      expect(await lookup.json()).toMatchObject({ code, status: 10, currentUnit: { id: UNIT_A } });
    } finally {
      await deskA.context.close();
      await deskB.context.close();
    }
  }, 300_000);

  it('warns at login and before printing when the desk clock is 12 minutes fast; the province sees the flagged events', async () => {
    const desk = await openFreshDesk(browser, { now: Date.now() + 12 * MINUTE });
    try {
      const page = desk.page;
      await enrolAndLogIn(page, server.url, codes.a2, RECEPTION_A.username, PASSWORD);

      // The sync told the desk the server's time: the next login shows the warning.
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      const atLogin = page.getByTestId('clock-warning');
      await atLogin.waitFor({ timeout: 60_000 });
      expect(await atLogin.textContent()).toMatch(/Đồng hồ máy tính đang chạy nhanh 1[12] phút so với máy chủ tỉnh\. Giờ tiếp nhận và ngày hẹn trên phiếu có thể sai\. Hãy chỉnh lại đồng hồ trước khi in\./);
      await page.screenshot({ path: join(artifacts, 'clock-warning-login.png') });
      // It does not block: the officer logs in.
      await logIn(page, RECEPTION_A.username, PASSWORD);

      // The receipt dialog warns, and printing asks first.
      const code = await receiveBirthRegistration(page, 'Trần Thị Bình', { keepPrintDialog: true });
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('print-clock-warning').waitFor();
      await dialog.getByRole('button', { name: /^In/ }).click();
      const confirm = dialog.getByTestId('print-clock-confirm');
      await confirm.waitFor();
      expect(await confirm.textContent()).toContain('Đồng hồ máy tính đang lệch: vẫn in phiếu?');
      expect(await dialog.getByRole('status').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'clock-warning-print.png') });
      await confirm.getByRole('button', { name: /Vẫn in/ }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Đã gửi lệnh in');
      // Once confirmed, the dialog prints again without asking.
      await dialog.getByRole('button', { name: /^In/ }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('(bản sao)');
      expect(await confirm.count()).toBe(0);
      await closeDialog(page);
      await allSent(page);

      // The province's dashboard lists this desk's events with their doubtful time.
      const dashboard = await desk.context.newPage();
      await dashboard.goto(`${server.url}/bao-cao`);
      await dashboard.getByLabel('Mã đơn vị').fill(UNIT_A);
      await dashboard.getByLabel('Tên đăng nhập').fill(LEADER_A.username);
      await dashboard.getByLabel('Mật khẩu').fill(PASSWORD);
      await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
      const flagged = dashboard.getByTestId('flagged-events');
      await flagged.waitFor();
      const rows = flagged.locator(`tr:has-text("${code}")`);
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      expect(await rows.first().textContent()).toContain('Đồng hồ của quầy lệch quá 10 phút khi gửi');
      await dashboard.screenshot({ path: join(artifacts, 'clock-flagged-dashboard.png'), fullPage: true });
      await dashboard.close();
    } finally {
      await desk.context.close();
    }
  }, 300_000);
});
