import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { pickBirthRegistration } from './support/counter.ts';
import { openFreshDesk } from './support/desk.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
/** Monday 24/11/2025 09:00 in Hà Nội. */
const MONDAY_9AM = new Date('2025-11-24T02:00:00Z');
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

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    ({ context, page } = await openFreshDesk(browser, { now: MONDAY_9AM }));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('guides one citizen (Mẫu 02) and refuses another (Mẫu 03) by keyboard, lists both, counts them on their own report line', async () => {
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
    await page.keyboard.type('Thiếu giấy chứng sinh bản chính do cơ sở y tế cấp');
    await page.screenshot({ path: join(artifacts, 'counter-guide-dialog.png') });
    await page.keyboard.press('Control+Enter');
    const guided = await printedForm(page, 'counter-supplement-request-sheet', 'counter-form02-barcode.png');
    await page.screenshot({ path: join(artifacts, 'counter-form02.png') });
    expect(guided.text).toContain('Mẫu 02');
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
    expect(refused.text).toContain('Mẫu 03');
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
    await page.screenshot({ path: join(artifacts, 'counter-report-line.png') });
  }, 180_000);
});
