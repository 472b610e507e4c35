import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/server-process.ts';
import { launchChromium } from './support/chromium.ts';
import { logIn, openFreshDesk, TEST_DESK } from './support/desk.ts';
import { receiveBirthRegistration } from './support/counter.ts';
import { ADMIN_A, LEADER_A, PASSWORD, RECEPTION_A, UNIT_A, UNIT_B, startHanoiServer } from './support/hanoi-units.ts';
import type { HanoiServer } from './support/hanoi-units.ts';

/**
 * Issue 19 points 6 and 7 at 1366×768: names, not ids (route, facts, transfer dialog, day-end
 * report, the server's pages) and keys that keep their meaning (one key per action whatever the
 * status, greyed actions with their reason, the F1 help, a labelled day-end button).
 */

const artifacts = join(import.meta.dirname, 'artifacts');

async function openDossier(page: Page, code: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, `/ho-so/${encodeURIComponent(code)}`);
  await expect.poll(() => page.getByTestId('detail-code').textContent(), { timeout: 60_000 }).toBe(code);
}

/** Each action button of the bar (available or greyed) with the key it shows. */
async function keysOnBar(toolbar: Locator): Promise<Record<string, string>> {
  return toolbar.locator('[data-action], [data-unavailable-action]').evaluateAll((buttons) =>
    Object.fromEntries(
      buttons.map((button) => [button.getAttribute('data-action') ?? button.getAttribute('data-unavailable-action') ?? '?', button.querySelector('kbd')?.textContent ?? '']),
    ),
  );
}

describe('names and keys', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('keeps one key per action across statuses, greys what cannot be done and says why, and lists every key on F1', async () => {
    const { context, page } = await openFreshDesk(browser);
    try {
      const code = await receiveBirthRegistration(page, 'Trần Thị Ngọc Anh');
      await openDossier(page, code);
      const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbar.locator('[data-action=ACCEPTED]').waitFor();

      // Received (status 2): resolving and returning are greyed, with their reason.
      const received = await keysOnBar(toolbar);
      expect(received).toMatchObject({ ACCEPTED: 'Alt+N', TRANSFERRED: 'Alt+C', RESOLVED: 'Alt+G', RETURNED: 'Alt+T' });
      const resolve = toolbar.locator('[data-unavailable-action=RESOLVED]');
      expect(await resolve.getAttribute('aria-disabled')).toBe('true');
      expect(await resolve.getAttribute('title')).toBe('Hồ sơ chưa được nhận xử lý.');
      expect(await toolbar.locator('[data-unavailable-action=RETURNED]').getAttribute('title')).toBe('Hồ sơ chưa giải quyết xong.');

      // The key of an unavailable action says why and opens nothing.
      await page.keyboard.press('Alt+KeyG');
      await expect.poll(() => page.getByTestId('action-unavailable').textContent()).toBe('Hoàn thành giải quyết: Hồ sơ chưa được nhận xử lý.');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.keyboard.press('Alt+KeyT');
      await expect.poll(() => page.getByTestId('action-unavailable').textContent()).toBe('Trả kết quả: Hồ sơ chưa giải quyết xong.');
      expect(await page.getByRole('dialog').count()).toBe(0);

      // Names, not ids: the counter that received it, and a free fee said once.
      expect(await page.getByTestId('received-at-counter').textContent()).toBe(`Quầy ${TEST_DESK.slot} – ${TEST_DESK.unitName} ${TEST_DESK.agencyId}#${TEST_DESK.slot}`);
      expect(await page.getByTestId('fee-text').textContent()).toBe('Miễn phí');
      expect(await page.getByTestId('route-who').first().textContent()).toContain(`Quầy ${TEST_DESK.slot} – ${TEST_DESK.unitName}`);
      await page.screenshot({ path: join(artifacts, 'words-detail-received.png') });

      // Alt+N takes it: in processing (status 4) every action keeps its key, and Alt+G now resolves.
      await page.keyboard.press('Alt+KeyN');
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Enter');
      await toolbar.locator('[data-action=RESOLVED]').waitFor();
      const inProcessing = await keysOnBar(toolbar);
      expect(inProcessing).toEqual(received);
      expect(await toolbar.locator('[data-unavailable-action=ACCEPTED]').getAttribute('title')).toBe('Hồ sơ đã được nhận xử lý, không có lần chuyển nào chờ nhận.');
      expect(await page.getByTestId('action-unavailable').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'words-detail-in-processing.png') });
      await page.keyboard.press('Alt+KeyG');
      await page.getByRole('dialog').getByRole('heading', { name: 'Hoàn thành giải quyết' }).waitFor();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // F1: every shortcut of the app, from the same table.
      await page.keyboard.press('F1');
      const help = page.getByTestId('shortcut-help');
      await help.waitFor();
      const helpText = (await help.textContent()) ?? '';
      for (const expected of ['Alt+G', 'Hoàn thành giải quyết', 'Alt+C', 'Ctrl+Shift+S', 'Đồng bộ cuối ngày', 'F2', 'Tìm thủ tục hành chính', 'F1 hoặc ?']) {
        expect(helpText).toContain(expected);
      }
      await page.screenshot({ path: join(artifacts, 'words-shortcut-help.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // "?" typed in a text field is text; outside one it opens the help.
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
      const search = page.getByLabel('Nhận từ ngày (dd/mm/yyyy)');
      await search.click();
      await page.keyboard.type('?');
      expect(await search.inputValue()).toBe('?');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.getByRole('heading', { name: 'Hồ sơ', level: 1 }).click();
      await page.keyboard.press('Shift+Slash');
      await help.waitFor();
    } finally {
      await context.close();
    }
  }, 180_000);

  describe('with a provincial server', () => {
    let hanoi: HanoiServer;
    let server: ServerProcess;
    let enrollCode = '';

    beforeAll(async () => {
      hanoi = await startHanoiServer({
        officers: [{ unitId: UNIT_A, ...RECEPTION_A, role: 'reception' }, { unitId: UNIT_A, ...LEADER_A, role: 'leader' }, ADMIN_A],
        desks: [{ unitId: UNIT_A, slot: 1 }],
      });
      server = hanoi.server;
      enrollCode = hanoi.deskCodes[0]!;
    }, 300_000);

    afterAll(async () => {
      await hanoi?.stop();
    });

    it('names units and counters on the desk, counts dossiers at day end, and dates the dashboard dd/MM/yyyy in an English browser', async () => {
      const received = { code: '' };
      const { context, page } = await openFreshDesk(browser);
      try {
        await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết nối máy chủ' }).click();
        await page.getByLabel('Địa chỉ máy chủ').fill(server.url);
        await page.getByLabel('Mã kích hoạt').fill(enrollCode);
        await page.getByLabel('Mã kích hoạt').press('Enter');
        await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
        await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
        await page.reload();
        await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
        await logIn(page, RECEPTION_A.username, PASSWORD);
        await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-phase'), { timeout: 30_000 }).toBe('online');

        // Transfer by name: the unit list names every unit of the province.
        const code = await receiveBirthRegistration(page, 'Lê Văn Cường');
        await openDossier(page, code);
        const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
        const dialog = page.getByRole('dialog');
        const unitPicker = dialog.getByRole('combobox', { name: 'Chuyển đến đơn vị' });
        // A key pressed before the detail's actions are live does nothing: pressed again until the dialog opens.
        await toolbar.locator('[data-action=TRANSFERRED]').waitFor();
        await expect
          .poll(
            async () => {
              if ((await dialog.count()) === 0) await page.keyboard.press('Alt+KeyC');
              return unitPicker.isVisible();
            },
            { timeout: 30_000 },
          )
          .toBe(true);
        // Every unit of the province by name (issue 20 point 3: a searchable picker, no typed id).
        await unitPicker.press('ArrowDown');
        await expect
          .poll(() => dialog.getByRole('listbox', { name: 'Đơn vị' }).getByRole('option').allTextContents())
          .toEqual(expect.arrayContaining([`UBND phường Ba Đình ${UNIT_A}`, `UBND phường Hoàn Kiếm ${UNIT_B}`]));
        await unitPicker.fill('hoàn kiếm');
        await unitPicker.press('Enter');
        await expect.poll(() => dialog.textContent()).toContain('UBND phường Hoàn Kiếm: hồ sơ sẽ do đơn vị đó nhận xử lý');
        await page.screenshot({ path: join(artifacts, 'words-transfer-dialog.png') });
        await dialog.getByRole('button', { name: /Chuyển hồ sơ/ }).click();
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

        // The route and the facts by name; every action greyed with the holder rule's reason.
        await page.getByTestId('held-elsewhere').waitFor();
        expect(await page.getByTestId('held-elsewhere').textContent()).toContain('Hồ sơ đang do UBND phường Hoàn Kiếm giữ. Đơn vị này (UBND phường Ba Đình)');
        const route = (await page.getByTestId('route').textContent()) ?? '';
        expect(route).toContain(`Đến UBND phường Hoàn Kiếm (${UNIT_B})`);
        expect(route).toContain('Quầy 1 – UBND phường Ba Đình');
        expect(route).not.toContain('đơn vị 000.');
        expect(await page.getByTestId('holder-unit').textContent()).toBe(`UBND phường Hoàn Kiếm ${UNIT_B}`);
        expect(await toolbar.locator('[data-unavailable-action=TRANSFERRED]').getAttribute('title')).toBe('Chỉ đơn vị đang giữ hồ sơ mới thao tác được.');
        await page.keyboard.press('Alt+KeyC');
        await expect.poll(() => page.getByTestId('action-unavailable').textContent()).toBe('Chuyển hồ sơ: Chỉ đơn vị đang giữ hồ sơ mới thao tác được.');
        await page.screenshot({ path: join(artifacts, 'words-detail-held-elsewhere.png') });

        // Day-end: a labelled button, reached by keyboard; the report counts dossiers and actions.
        const dayEnd = page.getByRole('button', { name: 'Đồng bộ cuối ngày' });
        await dayEnd.focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('day-end-start').click();
        const report = page.getByTestId('day-end-report');
        await report.waitFor({ timeout: 60_000 });
        const sentActions = Number(await page.getByTestId('day-end-sent').textContent());
        expect(sentActions).toBeGreaterThanOrEqual(2);
        expect(await page.getByTestId('day-end-summary').textContent()).toBe(`Hôm nay đã gửi 1 hồ sơ, ${sentActions} thao tác; chưa nhận thao tác nào từ các quầy khác.`);
        await page.screenshot({ path: join(artifacts, 'words-day-end.png') });
        await report.getByRole('button', { name: 'Đóng' }).click();
        received.code = code;
      } finally {
        await context.close();
      }

      // The dashboard in an English browser: dates stay dd/MM/yyyy, desks are named "Quầy".
      const english = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US', timezoneId: 'Asia/Ho_Chi_Minh' });
      try {
        const dashboard = await english.newPage();
        await dashboard.goto(`${server.url}/bao-cao`);
        await dashboard.getByLabel('Mã đơn vị').fill(UNIT_A);
        await dashboard.getByLabel('Tên đăng nhập').fill(LEADER_A.username);
        await dashboard.getByLabel('Mật khẩu').fill(PASSWORD);
        await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
        await dashboard.getByTestId('desk-health').waitFor();
        const from = dashboard.getByLabel('Từ ngày');
        expect(await from.getAttribute('type')).toBe('text');
        expect(await from.inputValue()).toMatch(/^01\/\d{2}\/\d{4}$/);
        await from.fill('01/01/2026');
        await dashboard.getByLabel('Đến ngày').fill('31/12/2026');
        await dashboard.getByRole('button', { name: 'Xem báo cáo' }).click();
        await dashboard.getByRole('heading', { name: /Từ ngày 01\/01\/2026 đến ngày 31\/12\/2026/ }).waitFor();
        expect(await dashboard.getByLabel('Từ ngày').inputValue()).toBe('01/01/2026');
        const health = (await dashboard.getByTestId('desk-health').textContent()) ?? '';
        expect(health).toContain(`Quầy 1 ${UNIT_A}#1`);
        expect(await dashboard.locator('body').textContent()).toContain('Tình trạng quầy tiếp nhận');
        await dashboard.screenshot({ path: join(artifacts, 'words-dashboard-en-browser.png'), fullPage: true });

        // The citizen's lookup: the unit that holds the dossier by name, dates dd/MM/yyyy.
        await dashboard.goto(`${server.url}/tra-cuu?ma=${encodeURIComponent(received.code)}`);
        const result = dashboard.locator('section.result');
        await result.waitFor();
        expect(await result.textContent()).toContain('UBND phường Hoàn Kiếm');
        expect(await result.textContent()).not.toContain(UNIT_B);
        expect(await result.textContent()).toMatch(/ngày \d{2}\/\d{2}\/\d{4}/);
      } finally {
        await english.close();
      }
    }, 300_000);
  });
});
