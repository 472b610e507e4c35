import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { logIn, newDeskContext, openFreshDesk, TEST_ADMIN, TEST_DESK } from './support/desk.ts';
import { openScreen, pickBirthRegistration } from './support/counter.ts';
import { describeGaps, scanWithKeyboard } from './support/scanner.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
/** A code another system issued: its NNNN is outside the desks' slot scheme. */
const FOREIGN_CODE = `${TEST_DESK.agencyId}-251122-0007`;
const POLICE_UNIT = 'Công an phường Ba Đình';

/** The stand-alone first-run set-up of a ward police desk (its kind comes from its name). */
async function setUpPoliceDesk(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Thiết lập quầy tiếp nhận' }).waitFor();
  await page.getByRole('radio', { name: /Dùng riêng, chưa kết nối tỉnh/ }).check();
  await page.getByLabel('Tỉnh, thành phố').selectOption(TEST_DESK.provinceCode);
  await page.getByLabel('Xã, phường, đặc khu (đơn vị tiếp nhận)').fill(POLICE_UNIT);
  await page.getByLabel('Mã định danh cơ quan (QCVN 102)').fill(TEST_DESK.agencyId);
  await page.getByLabel('Số quầy').selectOption('2');
  await page.getByLabel('Họ và tên').fill(TEST_ADMIN.fullName);
  await page.getByLabel('Tên đăng nhập').fill(TEST_ADMIN.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_ADMIN.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: /Hoàn tất thiết lập/ }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

/** The Code 128 of the open preview's sheet, decoded by ZXing. */
async function decodedBarcode(preview: FrameLocator, sheet: string, file: string): Promise<string[]> {
  const png = await preview.getByTestId(sheet).first().getByTestId('barcode').first().screenshot({ path: join(artifacts, file) });
  return (await decodeBarcodes(new Uint8Array(png))).filter((result) => result.format === 'Code128').map((result) => result.text);
}

describe('issue 20: codes from elsewhere and forms that conform', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a scanned or typed code issued elsewhere is valid but not on this desk, said in Vietnamese', async () => {
    const { context, page } = await openFreshDesk(browser, { now: new Date('2025-11-24T02:00:00Z') });
    try {
      await page.locator('body').click({ position: { x: 5, y: 700 } });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const gaps = await scanWithKeyboard(page, FOREIGN_CODE, 8);
      const error = page.getByTestId('detail-error');
      await expect.poll(() => error.textContent(), { message: describeGaps(gaps) }).toContain(`Mã hồ sơ ${FOREIGN_CODE} hợp lệ nhưng chưa có trên quầy này`);
      expect(await error.textContent()).toContain('có thể do cơ quan/hệ thống khác cấp');
      await page.screenshot({ path: join(artifacts, 'forms-foreign-code-scan.png') });

      await openScreen(page, 'Trả kết quả');
      await page.getByLabel('Mã hồ sơ').fill(FOREIGN_CODE);
      await page.getByLabel('Mã hồ sơ').press('Enter');
      await expect.poll(() => page.getByTestId('return-error').textContent()).toContain(`Mã hồ sơ ${FOREIGN_CODE} hợp lệ nhưng chưa có trên quầy này`);
      await page.screenshot({ path: join(artifacts, 'forms-foreign-code-return.png') });

      // A malformed code still gets its exact reason, never "not on this desk".
      await page.getByLabel('Mã hồ sơ').fill(`${TEST_DESK.agencyId}-251122-0000`);
      await page.getByLabel('Mã hồ sơ').press('Enter');
      await expect.poll(() => page.getByTestId('return-error').textContent()).not.toContain('hợp lệ nhưng');
    } finally {
      await context.close();
    }
  });

  describe('every form the desk prints, at a police desk', () => {
    let context: BrowserContext;
    let page: Page;
    let code = '';
    let book = '';
    beforeAll(async () => {
      context = await newDeskContext(browser);
      page = await context.newPage();
      await page.clock.install({ time: new Date('2026-12-07T02:00:00Z') });
      await page.goto(inject('rendererUrl'));
      await setUpPoliceDesk(page);
      await logIn(page);
    });
    afterAll(async () => {
      await context?.close();
    });

    it('receipt (Mẫu số 01): form number, police header, book and line, sets, decodable barcode', async () => {
      await pickBirthRegistration(page);
      await page.getByLabel('Họ và tên').fill('Trần Văn Bình');
      await page.getByLabel('Số bộ hồ sơ').fill('2');
      await page.getByLabel('Họ và tên').press('Enter');
      const notice = page.getByTestId('receive-notice').filter({ hasText: 'của Trần Văn Bình' });
      await notice.waitFor();
      code = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
      expect(code).toBe(`${TEST_DESK.agencyId}-261207-2001`);
      const preview = page.frameLocator('iframe.print-preview');
      const sheet = preview.getByTestId('receipt-sheet').first();
      await sheet.waitFor();
      expect(await sheet.getByTestId('form-number').textContent()).toBe('Mẫu số 01');
      const text = (await sheet.textContent()) ?? '';
      expect(text).toContain('CÔNG AN');
      expect(text).toContain('PHƯỜNG BA ĐÌNH');
      expect(text).not.toContain('ỦY BAN NHÂN DÂN');
      expect(text).toContain('2. Số lượng hồ sơ: 02 (bộ)');
      const ledgerLine = (await sheet.getByTestId('receipt-ledger-line').textContent()) ?? '';
      expect(ledgerLine).toBe('Vào Sổ theo dõi hồ sơ, quyển số: 02/2026, số thứ tự: 1');
      book = '02/2026';
      await page.screenshot({ path: join(artifacts, 'forms-receipt.png') });
      expect(await decodedBarcode(preview, 'receipt-sheet', 'forms-receipt-barcode.png')).toContain(code);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });

    it('the next receipt takes the next line of the same book', async () => {
      await pickBirthRegistration(page);
      await page.getByLabel('Họ và tên').fill('Lê Thị Cúc');
      await page.getByLabel('Họ và tên').press('Enter');
      const preview = page.frameLocator('iframe.print-preview');
      await expect.poll(() => preview.getByTestId('receipt-ledger-line').first().textContent()).toBe('Vào Sổ theo dõi hồ sơ, quyển số: 02/2026, số thứ tự: 2');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });

    it('process control slip (Mẫu số 04) and refusal (Mẫu số 03), each with the dossier’s barcode', async () => {
      await page.evaluate((target) => {
        window.location.hash = target;
      }, `/ho-so/${encodeURIComponent(code)}`);
      await expect.poll(() => page.getByTestId('detail-code').textContent()).toBe(code);

      await page.getByRole('button', { name: /In phiếu kiểm soát/ }).click();
      const preview = page.frameLocator('iframe.print-preview');
      const control = preview.getByTestId('process-control-sheet').first();
      await control.waitFor();
      expect(await control.getByTestId('form-number').textContent()).toBe('Mẫu số 04');
      expect(await control.textContent()).toContain('CÔNG AN');
      await page.screenshot({ path: join(artifacts, 'forms-process-control.png') });
      expect(await decodedBarcode(preview, 'process-control-sheet', 'forms-process-control-barcode.png')).toContain(code);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbar.locator('[data-action=REFUSED]').click();
      await page.getByLabel(/Lý do từ chối/).fill('Thiếu giấy chứng sinh bản chính.');
      await page.getByRole('dialog').getByRole('button', { name: 'Từ chối hồ sơ' }).click();
      const refusal = preview.getByTestId('refusal-sheet').first();
      await refusal.waitFor();
      expect(await refusal.getByTestId('form-number').textContent()).toBe('Mẫu số 03');
      const text = (await refusal.textContent()) ?? '';
      expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
      expect(text).toContain('Thiếu giấy chứng sinh bản chính.');
      expect(text).toContain('CÔNG AN');
      await page.screenshot({ path: join(artifacts, 'forms-refusal.png') });
      expect(await decodedBarcode(preview, 'refusal-sheet', 'forms-refusal-barcode.png')).toContain(code);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    });

    it('the ledger (Mẫu số 06) prints the receipt’s book and line and the real sets', async () => {
      await openScreen(page, 'Báo cáo');
      await page.getByRole('tab', { name: 'Sổ theo dõi hồ sơ' }).click();
      const table = page.getByTestId('ledger-table');
      await table.waitFor();
      const row = table.locator('tbody tr').filter({ hasText: code });
      await expect.poll(() => row.getByTestId('ledger-line').textContent()).toBe('1');
      expect(await row.getByTestId('ledger-book').textContent()).toBe(book);
      expect(await row.getByTestId('ledger-sets').textContent()).toBe('2');
      const second = table.locator('tbody tr').filter({ hasText: 'Lê Thị Cúc' });
      expect(await second.getByTestId('ledger-line').textContent()).toBe('2');
      expect(await second.getByTestId('ledger-sets').textContent()).toBe('1');
      await page.screenshot({ path: join(artifacts, 'forms-ledger.png') });
    });

    it('the printed ledger document: Mẫu số 06, the police header, the receipt’s book and line, the real sets', async () => {
      // The web host prints through a hidden iframe's srcdoc: keep each document it is given.
      await page.evaluate(() => {
        const printed: string[] = [];
        (window as unknown as { printedDocuments: string[] }).printedDocuments = printed;
        new MutationObserver((records) => {
          for (const record of records)
            for (const node of record.addedNodes) if (node instanceof HTMLIFrameElement && node.srcdoc) printed.push(node.srcdoc);
        }).observe(document.body, { childList: true });
      });
      await page.getByRole('main').getByRole('button', { name: 'In', exact: true }).click();
      const html = await expect
        .poll(() => page.evaluate(() => (window as unknown as { printedDocuments: string[] }).printedDocuments[0] ?? ''))
        .toContain('ledger-table')
        .then(() => page.evaluate(() => (window as unknown as { printedDocuments: string[] }).printedDocuments[0] ?? ''));
      const printout = await context.newPage();
      try {
        await printout.setViewportSize({ width: 1366, height: 768 });
        await printout.setContent(html);
        expect(await printout.getByTestId('form-number').textContent()).toBe('Mẫu số 06');
        // The issuing body's lines: its kind, then its name without the kind.
        expect(await printout.locator('.report-doc-head > div').first().locator('strong').allTextContents()).toEqual(['CÔNG AN', 'PHƯỜNG BA ĐÌNH']);
        expect((await printout.locator('body').textContent()) ?? '').not.toContain('ỦY BAN NHÂN DÂN');
        const row = printout.getByTestId('ledger-table').locator('tbody tr').filter({ hasText: code });
        expect(await row.getByTestId('ledger-book').textContent()).toBe(book);
        expect(await row.getByTestId('ledger-line').textContent()).toBe('1');
        expect(await row.getByTestId('ledger-sets').textContent()).toBe('2');
        const second = printout.getByTestId('ledger-table').locator('tbody tr').filter({ hasText: 'Lê Thị Cúc' });
        expect(await second.getByTestId('ledger-book').textContent()).toBe(book);
        expect(await second.getByTestId('ledger-line').textContent()).toBe('2');
        expect(await second.getByTestId('ledger-sets').textContent()).toBe('1');
        await printout.screenshot({ path: join(artifacts, 'forms-ledger-printed.png'), fullPage: true });
      } finally {
        await printout.close();
      }
    });
  });
});
