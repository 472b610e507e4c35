import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVietQrPayload, feePurpose } from '../../src/fees/vietqr.ts';
import { setUnitBankAccount } from '../../sync/server/repositories/units.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { openDossier, openScreen, receiveBirthRegistration } from './support/counter.ts';
import { openFreshDesk } from './support/desk.ts';
import { enrolAndLogIn } from './support/enrol-desk.ts';
import { ADMIN_A, PASSWORD, RECEPTION_A, UNIT_A, startHanoiServer } from './support/hanoi-units.ts';
import type { HanoiServer } from './support/hanoi-units.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const ACCOUNT = { bankBin: '970415', accountNumber: '0011001932418', accountName: 'UBND PHUONG BA DINH' };


async function collect(page: Page, amount: string, method: 'Tiền mặt' | 'VietQR'): Promise<void> {
  await page.getByTestId('fee-panel').getByRole('button', { name: 'Thu phí, lệ phí' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Số tiền (đồng)').fill(amount);
  await dialog.getByLabel(method).check();
  await dialog.getByRole('button', { name: /Lập biên lai và in/ }).click();
}

/**
 * Makes every write to the desk's event log fail in IndexedDB itself (as a full or failing disk
 * would), or stops doing so. RxDB's Dexie storage keeps each collection in a database named
 * `…--<collection>`.
 */
async function failEventWrites(page: Page, fail: boolean): Promise<void> {
  await page.evaluate((on) => {
    const flags = window as unknown as { __eventWritesFail?: boolean; __eventWritesPatched?: boolean };
    flags.__eventWritesFail = on;
    if (flags.__eventWritesPatched) return;
    flags.__eventWritesPatched = true;
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (flags.__eventWritesFail && this.transaction.db.name.endsWith('--events')) throw new DOMException('Disk full', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  }, fail);
}

describe('fees and receipts at the desk', () => {
  let browser: Browser;
  let hanoi: HanoiServer;
  let server: ServerProcess;
  let deskCode = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    hanoi = await startHanoiServer({
      officers: [{ unitId: UNIT_A, ...RECEPTION_A, role: 'reception' }, ADMIN_A],
      desks: [{ unitId: UNIT_A, slot: 1 }],
      // The administrator's `unit set-account`: the account reaches the desk with the unit's data.
      prepare: (db) => setUnitBankAccount(db, UNIT_A, ACCOUNT),
    });
    server = hanoi.server;
    deskCode = hanoi.deskCodes[0]!;
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await hanoi?.stop();
  });

  it('collects by VietQR (QR decodes to the exact payload), in cash, voids one with a reason and prints the void mark', async () => {
    const desk = await openFreshDesk(browser);
    try {
      const page = desk.page;
      await enrolAndLogIn(page, server.url, deskCode, RECEPTION_A.username, PASSWORD);
      const code = await receiveBirthRegistration(page, 'Nguyễn Văn An');
      await openDossier(page, code);
      await page.screenshot({ path: join(artifacts, 'fees-dossier-panel.png') });

      // VietQR: the receipt shows the QR of the unit's account, the amount and the dossier and receipt.
      await collect(page, '8.000', 'VietQR');
      const preview = page.frameLocator('iframe.print-preview');
      await preview.getByTestId('fee-receipt-sheet').waitFor({ timeout: 30_000 });
      const year = new Date().getFullYear() % 100;
      const symbol = `BL${String(year).padStart(2, '0')}-Q1`;
      expect(await preview.getByTestId('fee-receipt-number').textContent()).toContain(`Ký hiệu: ${symbol}`);
      expect(await preview.getByTestId('fee-receipt-number').textContent()).toContain('Số: 0000001');
      expect(await preview.getByTestId('fee-receipt-amount').textContent()).toBe('8.000 đ');
      expect(await preview.getByTestId('fee-receipt-method').textContent()).toBe('VietQR');
      expect(await preview.getByTestId('form-number').textContent()).toMatch(/^Mẫu số/);
      expect(await preview.getByTestId('fee-receipt-sheet').textContent()).toContain('Tám nghìn đồng');
      const expected = buildVietQrPayload({ ...ACCOUNT, amount: 8000, purpose: feePurpose(code, { symbol, number: 1 }) });
      const qrPng = await preview.getByTestId('vietqr').screenshot({ path: join(artifacts, 'fees-vietqr.png') });
      expect((await decodeBarcodes(new Uint8Array(qrPng))).map((r) => r.text)).toEqual([expected]);
      const barcodePng = await preview.getByTestId('barcode').screenshot({ path: join(artifacts, 'fees-receipt-barcode.png') });
      expect((await decodeBarcodes(new Uint8Array(barcodePng))).map((r) => r.text)).toEqual([code]);
      await page.screenshot({ path: join(artifacts, 'fees-receipt-vietqr.png') });
      await preview.getByTestId('fee-receipt-sheet').screenshot({ path: join(artifacts, 'fees-receipt-vietqr-sheet.png') });
      const printDialog = page.getByRole('dialog');
      await printDialog.getByRole('button', { name: /^In/ }).click();
      await expect.poll(() => printDialog.getByRole('status').textContent()).toContain('Đã gửi lệnh in lúc');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // Cash, then a void with a reason: the reprint carries "ĐÃ HỦY" and the reason.
      await collect(page, '25000', 'Tiền mặt');
      await preview.getByTestId('fee-receipt-sheet').waitFor({ timeout: 30_000 });
      expect(await preview.getByTestId('fee-receipt-number').textContent()).toContain('Số: 0000002');
      // Another receipt, not a copy of the first one printed above.
      expect(await preview.getByTestId('reprint-mark').count()).toBe(0);
      await printDialog.getByRole('button', { name: /^In/ }).click();
      await expect.poll(() => printDialog.getByRole('status').textContent()).toContain('Đã gửi lệnh in lúc');
      expect(await printDialog.getByRole('status').textContent()).not.toContain('bản sao');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // Bad input: a negative amount is refused in Vietnamese and nothing is stored.
      await collect(page, '-5000', 'Tiền mặt');
      await expect.poll(() => page.getByTestId('fee-error').textContent()).toContain('Số tiền thu phải lớn hơn 0');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await page.getByTestId('fee-receipts').locator('tbody tr').count()).toBe(2);

      const cashRow = page.getByTestId('fee-receipts').locator('tbody tr').filter({ hasText: '0000002' });
      await cashRow.getByRole('button', { name: 'Hủy biên lai' }).click();
      await page.getByRole('dialog').getByRole('button', { name: /Hủy biên lai/ }).click();
      await expect.poll(() => page.getByTestId('void-error').textContent()).toContain('Cần ghi rõ lý do');
      await page.getByLabel('Lý do hủy (in trên biên lai đã hủy)').fill('Thu nhầm số tiền');
      await page.getByRole('dialog').getByRole('button', { name: /Hủy biên lai/ }).click();
      await preview.getByTestId('void-mark').waitFor({ timeout: 30_000 });
      expect(await preview.getByTestId('void-mark').textContent()).toBe('ĐÃ HỦY');
      expect(await preview.getByTestId('void-reason').textContent()).toContain('Lý do: Thu nhầm số tiền');
      await preview.getByTestId('fee-receipt-sheet').screenshot({ path: join(artifacts, 'fees-receipt-voided.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      // A voided receipt is not offered for voiding again.
      expect(await cashRow.getByRole('button', { name: 'Hủy biên lai' }).count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'fees-dossier-after-void.png') });

      // The reports screen: the fee line under the official table sums VietQR 8.000 đ; the voided cash receipt is not summed.
      await openScreen(page, 'Báo cáo');
      await expect.poll(() => page.getByTestId('report-fee-totals-total').textContent(), { timeout: 60_000 }).toBe('8.000 đ');
      expect(await page.getByTestId('report-fee-totals-vietqr').textContent()).toBe('8.000 đ');
      expect(await page.getByTestId('report-fee-totals-cash').textContent()).toBe('0 đ');
      expect(await page.getByTestId('report-fee-totals').textContent()).toContain('1 biên lai; 1 số đã hủy');
      await page.screenshot({ path: join(artifacts, 'fees-report-totals.png') });

      // The day-end cash-up (bảng kê thu tiền): both receipts listed, the void marked, totals without it.
      await page.getByRole('tab', { name: 'Thu phí, lệ phí' }).focus();
      await page.keyboard.press('Enter');
      const table = page.getByTestId('cash-up-table');
      await table.waitFor({ timeout: 30_000 });
      expect(await table.locator('tbody tr').count()).toBe(2);
      expect(await table.locator('tbody tr').nth(1).textContent()).toContain('Đã hủy: Thu nhầm số tiền');
      expect(await page.getByTestId('cash-up-totals-total').textContent()).toBe('8.000 đ');
      expect(await page.getByTestId('fee-reservations').textContent()).toContain('Không có số biên lai nào bị bỏ dở.');
      await page.screenshot({ path: join(artifacts, 'fees-cash-up-screen.png') });
      await page.getByRole('button', { name: 'Xem và in bảng kê' }).click();
      const cashUpSheet = preview.getByTestId('cash-up-sheet');
      await cashUpSheet.waitFor({ timeout: 30_000 });
      expect(await preview.getByTestId('cash-up-who').textContent()).toContain(RECEPTION_A.fullName);
      const lines = preview.getByTestId('cash-up-lines').locator('tbody tr');
      expect(await lines.count()).toBe(2);
      expect(await lines.nth(0).textContent()).toContain(`${symbol} số 0000001`);
      expect(await lines.nth(1).textContent()).toContain('Đã hủy: Thu nhầm số tiền');
      expect(await preview.getByTestId('cash-up-method-Tiền mặt').textContent()).toBe('0 đ');
      expect(await preview.getByTestId('cash-up-method-VietQR').textContent()).toBe('8.000 đ');
      expect(await preview.getByTestId('cash-up-total').textContent()).toBe('8.000 đ');
      expect(await preview.getByTestId('cash-up-words').textContent()).toBe('Số tiền bằng chữ: Tám nghìn đồng');
      const sheetText = (await cashUpSheet.textContent()) ?? '';
      for (const role of ['BẢNG KÊ THU TIỀN PHÍ, LỆ PHÍ', 'NGƯỜI LẬP BẢNG KÊ', 'THỦ QUỸ / KẾ TOÁN', 'LÃNH ĐẠO ĐƠN VỊ']) expect(sheetText).toContain(role);
      await page.screenshot({ path: join(artifacts, 'fees-cash-up-print.png') });
      await cashUpSheet.screenshot({ path: join(artifacts, 'fees-cash-up-sheet.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // The disk fails between reserving a number and saving its receipt: the number is kept out of
      // use, listed under the unsaved numbers, voided there with a reason, and the next receipt goes on after it.
      await openDossier(page, code);
      await failEventWrites(page, true);
      await collect(page, '8000', 'Tiền mặt');
      await expect.poll(() => page.getByTestId('fee-error').textContent(), { timeout: 30_000 }).toContain(`Biên lai ${symbol} số 0000003 chưa lưu được`);
      await page.screenshot({ path: join(artifacts, 'fees-save-failed.png') });
      await failEventWrites(page, false);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
      expect(await page.getByTestId('fee-receipts').locator('tbody tr').count()).toBe(2);

      await openScreen(page, 'Báo cáo');
      await page.getByRole('tab', { name: 'Thu phí, lệ phí' }).focus();
      await page.keyboard.press('Enter');
      const reservations = page.getByTestId('fee-reservations');
      await expect.poll(() => reservations.locator('tbody tr').count(), { timeout: 30_000 }).toBe(1);
      expect(await reservations.locator('tbody tr').textContent()).toContain(`${symbol} số 0000003`);
      expect(await reservations.locator('tbody tr').textContent()).toContain(code);
      await page.screenshot({ path: join(artifacts, 'fees-unsaved-number.png') });
      await reservations.getByRole('button', { name: 'Hủy số' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Hủy số' }).click();
      await expect.poll(() => page.getByTestId('reservation-error').textContent()).toContain('Cần ghi rõ lý do hủy số biên lai');
      await page.getByLabel('Lý do hủy số').fill('Máy lỗi khi lưu biên lai');
      await page.getByRole('dialog').getByRole('button', { name: 'Hủy số' }).click();
      await expect.poll(() => page.getByTestId('reservation-done').textContent(), { timeout: 30_000 }).toBe(`Đã hủy số ${symbol} số 0000003.`);
      // The list is read again after the void: it empties a moment after the notice.
      await expect.poll(() => reservations.textContent()).toContain('Không có số biên lai nào bị bỏ dở.');
      // The voided number is in the cash-up, not summed.
      await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
      expect(await table.locator('tbody tr').nth(2).textContent()).toContain('Đã hủy: Máy lỗi khi lưu biên lai');
      expect(await page.getByTestId('cash-up-totals-total').textContent()).toBe('8.000 đ');

      await openDossier(page, code);
      await collect(page, '8000', 'Tiền mặt');
      await preview.getByTestId('fee-receipt-sheet').waitFor({ timeout: 30_000 });
      expect(await preview.getByTestId('fee-receipt-number').textContent()).toContain('Số: 0000004');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    } finally {
      await desk.context.close();
    }
  }, 300_000);
});
