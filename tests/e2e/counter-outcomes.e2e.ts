import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/time/vn-time.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { pickBirthRegistration } from './support/counter.ts';
import { newDeskContext, openFreshDesk } from './support/desk.ts';
import { enrolAndLogIn } from './support/enrol-desk.ts';
import { LEADER_A, PASSWORD, RECEPTION_A, UNIT_A, startHanoiServer } from './support/hanoi-units.ts';
import type { HanoiServer } from './support/hanoi-units.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const openScreen = (page: Page, name: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();

/** The required papers of the birth registration the officer leaves unticked: what the citizen lacks. */
async function untickFirstPaper(page: Page): Promise<string> {
  const box = page.getByRole('checkbox', { name: /^Đã nộp: / }).first();
  const label = (await box.getAttribute('aria-label')) ?? '';
  await box.uncheck();
  return label.replace(/^Đã nộp: /, '');
}

/** Reads the printed form in the preview: its text, and what ZXing decodes from its barcode. */
async function printedForm(page: Page, sheet: string, png: string): Promise<{ text: string; decoded: string[] }> {
  const preview = page.frameLocator('iframe.print-preview');
  await preview.getByTestId(sheet).waitFor();
  const text = (await preview.getByTestId(sheet).textContent()) ?? '';
  const barcode = await preview.getByTestId('barcode').screenshot({ path: join(artifacts, png) });
  const decoded = (await decodeBarcodes(new Uint8Array(barcode))).filter((r) => r.format === 'Code128').map((r) => r.text);
  return { text, decoded };
}

describe('counter outcomes: guided to supplement, refused at the counter, never received', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let hanoi: HanoiServer;
  let server: ServerProcess;
  let deskCode = '';

  // A desk of Ba Đình enrolled against a real provincial server, as at a commune.
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    hanoi = await startHanoiServer({
      officers: [{ unitId: UNIT_A, ...RECEPTION_A, role: 'reception' }, { unitId: UNIT_A, ...LEADER_A, role: 'leader' }],
      desks: [{ unitId: UNIT_A, slot: 1 }],
    });
    server = hanoi.server;
    deskCode = hanoi.deskCodes[0]!;
    browser = await launchChromium();
    ({ context, page } = await openFreshDesk(browser));
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await hanoi?.stop();
  });

  it('guides one citizen (Mẫu 02) and refuses another (Mẫu 03) by keyboard, lists both, counts them on their own report line', async () => {
    await enrolAndLogIn(page, server.url, deskCode, RECEPTION_A.username, PASSWORD);

    // Guided: papers missing, Alt+B, the missing paper prefilled, a reason, Ctrl+Enter.
    await pickBirthRegistration(page);
    await page.getByLabel('Họ và tên').fill('Lê Văn Cường');
    const missing = await untickFirstPaper(page);
    await page.screenshot({ path: join(artifacts, 'counter-receive-buttons.png') });
    await page.getByLabel('Họ và tên').focus();
    await page.keyboard.press('Alt+B');
    const form = page.getByTestId('counter-outcome-form');
    await form.waitFor();
    expect(await page.getByLabel(/Giấy tờ cần bổ sung, hoàn thiện/).inputValue()).toBe(missing);
    expect(await form.getByRole('button', { name: /Ghi và in phiếu/ }).textContent()).toContain('Ghi và in phiếu Mẫu số 02');
    await page.keyboard.type('Thiếu giấy chứng sinh bản chính do cơ sở y tế cấp');
    await page.screenshot({ path: join(artifacts, 'counter-guide-dialog.png') });
    await page.keyboard.press('Control+Enter');
    const guided = await printedForm(page, 'counter-supplement-request-sheet', 'counter-form02-barcode.png');
    await page.screenshot({ path: join(artifacts, 'counter-form02.png') });
    // Numbered and headed like the dossier forms: the one table's number, the unit's kind.
    expect(await page.frameLocator('iframe.print-preview').getByTestId('form-number').allTextContents()).toEqual(['Mẫu số 02']);
    expect(guided.text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    expect(guided.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(guided.text).toContain('Lê Văn Cường');
    expect(guided.text).toContain(missing);
    expect(guided.text).toContain('Thiếu giấy chứng sinh bản chính');
    const guidedRef = /TQ-[0-9A-F]{12}/.exec(guided.text)?.[0];
    expect(guidedRef).toBeDefined();
    expect(guided.decoded).toEqual([guidedRef]);
    await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain(`không cấp mã hồ sơ), số phiếu ${guidedRef}`);
    await page.keyboard.press('Control+P');
    await expect.poll(() => page.getByRole('dialog').getByRole('status').textContent()).toContain('Đã gửi lệnh in');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Refused: Alt+U, a reason, the refusal slip.
    await pickBirthRegistration(page);
    await page.getByLabel('Họ và tên').fill('Phạm Thị Dung');
    await page.getByLabel('Họ và tên').focus();
    await page.keyboard.press('Alt+U');
    await page.getByTestId('counter-outcome-form').waitFor();
    await page.keyboard.type('Người yêu cầu không cư trú tại phường, không thuộc thẩm quyền');
    await page.keyboard.press('Control+Enter');
    const refused = await printedForm(page, 'counter-refusal-sheet', 'counter-form03-barcode.png');
    await page.screenshot({ path: join(artifacts, 'counter-form03.png') });
    expect(await page.frameLocator('iframe.print-preview').getByTestId('form-number').allTextContents()).toEqual(['Mẫu số 03']);
    expect(refused.text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH');
    expect(refused.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refused.text).toContain('Phạm Thị Dung');
    expect(refused.text).toContain('không thuộc thẩm quyền');
    const refusedRef = /TQ-[0-9A-F]{12}/.exec(refused.text)?.[0];
    expect(refused.decoded).toEqual([refusedRef]);
    await page.keyboard.press('Escape');

    // A guide without a name is refused on the form, in Vietnamese, and saves nothing.
    await pickBirthRegistration(page);
    await page.keyboard.press('Alt+B');
    await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain('sửa thông tin người nộp');
    expect(await page.getByTestId('counter-outcome-form').count()).toBe(0);

    // Neither is a dossier.
    await openScreen(page, 'Hồ sơ');
    await expect.poll(() => page.getByText('Lê Văn Cường').count()).toBe(0);
    expect(await page.getByText('Phạm Thị Dung').count()).toBe(0);

    // Both are in the consultation list, found by name without accents, and reprint as copies.
    await openScreen(page, 'Hướng dẫn tại quầy');
    await expect.poll(() => page.getByTestId('consultation-row').count()).toBe(2);
    await page.screenshot({ path: join(artifacts, 'counter-consultation-list.png') });
    // At 1366 the reprint button reads on one line ("In lại", not "In" over "lại"), as tall as the top bar's.
    const reprintHeight = (await page.getByTestId('consultation-row').first().getByRole('button', { name: 'In lại' }).boundingBox())?.height ?? 0;
    const logoutHeight = (await page.getByRole('button', { name: 'Đăng xuất' }).boundingBox())?.height ?? 0;
    expect(reprintHeight).toBeGreaterThan(0);
    expect(reprintHeight).toBeLessThanOrEqual(logoutHeight + 2);
    await page.getByTestId('consultation-search').fill('pham thi');
    await expect.poll(() => page.getByTestId('consultation-row').count()).toBe(1);
    await page.getByTestId('consultation-search').fill(guidedRef ?? '');
    await expect.poll(() => page.getByTestId('consultation-row').textContent()).toContain('Lê Văn Cường');
    await page.getByTestId('consultation-row').getByRole('button', { name: 'In lại' }).click();
    await expect.poll(() => page.frameLocator('iframe.print-preview').getByTestId('reprint-mark').count()).toBe(1);
    await page.keyboard.press('Escape');

    // The report: nothing received, both on their own line.
    await openScreen(page, 'Báo cáo');
    await page.getByTestId('report-consultations').waitFor();
    await expect.poll(() => page.getByTestId('report-consultations-total').textContent()).toBe('2');
    expect(await page.getByTestId('report-consultations-guided').textContent()).toBe('1');
    expect(await page.getByTestId('report-consultations-refused').textContent()).toBe('1');
    const deskTotal = page.getByTestId('official-table').locator('tr[data-row-key="total"]');
    expect(await deskTotal.locator('td[data-figure="received.total"]').textContent()).toBe('0');
    expect(await deskTotal.locator('td[data-figure="refused"]').textContent()).toBe('0');
    await page.screenshot({ path: join(artifacts, 'counter-report-line.png') });
  }, 300_000);

  it('syncs both to the provincial server, whose official report counts them on their own line and nothing received', async () => {
    const indicator = page.getByTestId('sync-indicator');
    await indicator.click();
    await page.getByTestId('day-end-start').click();
    const dayEnd = page.getByTestId('day-end-report');
    await dayEnd.waitFor({ timeout: 60_000 });
    expect(await dayEnd.textContent()).toContain('Đồng bộ xong');
    expect(await page.getByTestId('day-end-rejected').textContent()).toBe('0');
    await dayEnd.getByRole('button', { name: 'Đóng' }).click();

    // The unit's leader, logged in on the server's report page, reads the official report as JSON.
    const leader = await newDeskContext(browser);
    try {
      const dashboard = await leader.newPage();
      await dashboard.goto(`${server.url}/bao-cao`);
      await dashboard.getByLabel('Mã đơn vị').fill(UNIT_A);
      await dashboard.getByLabel('Tên đăng nhập').fill(LEADER_A.username);
      await dashboard.getByLabel('Mật khẩu').fill(PASSWORD);
      await dashboard.getByRole('button', { name: 'Đăng nhập' }).click();
      await dashboard.getByRole('heading', { name: /Báo cáo tình hình giải quyết hồ sơ/ }).waitFor();
      const today = localDateOf(Date.now());
      const official = async () => {
        const response = await dashboard.request.get(`${server.url}/api/reports/official?from=${today}&to=${today}&groupBy=none`);
        expect(response.status()).toBe(200);
        return (await response.json()) as { counterConsultations: unknown; total: { received: { total: number }; refused: number } };
      };
      await expect.poll(async () => (await official()).counterConsultations, { timeout: 60_000 }).toEqual({ total: 2, guided: 1, refused: 1 });
      const report = await official();
      expect(report.total.received.total).toBe(0);
      expect(report.total.refused).toBe(0);
      // The leader's page shows the same line, apart from the dossiers.
      await dashboard.reload();
      const line = dashboard.getByTestId('counter-consultations');
      expect(await line.textContent()).toContain('Hướng dẫn, từ chối tại quầy (không tiếp nhận): 2 (hướng dẫn bổ sung 1, từ chối tiếp nhận 1)');
      await dashboard.setViewportSize({ width: 1366, height: 768 });
      await line.scrollIntoViewIfNeeded();
      await dashboard.screenshot({ path: join(artifacts, 'counter-consultations-dashboard.png') });
    } finally {
      await leader.close();
    }
  }, 180_000);
});
