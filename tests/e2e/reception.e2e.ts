import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { TEST_ADMIN, TEST_DESK, completeSetup, logIn, newDeskContext, openFreshDesk } from './support/desk.ts';
import { describeGaps, scanWithKeyboard } from './support/scanner.ts';

const artifacts = join(import.meta.dirname, 'artifacts');

describe('reception: first run, login, receive, print', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a new desk, logs in, and locks the account after five wrong passwords', async () => {
    const context = await newDeskContext(browser);
    const page = await context.newPage();
    try {
      await page.goto(inject('rendererUrl'));
      await page.getByRole('heading', { name: 'Thiết lập quầy tiếp nhận' }).waitFor();
      // The activation code is the default first-run path; this desk is set up stand-alone.
      await page.getByRole('radio', { name: /Dùng riêng, chưa kết nối tỉnh/ }).check();
      // Validation comes from the domain rules, in Vietnamese.
      await page.getByLabel('Mã định danh cơ quan (QCVN 102)').fill('abc');
      await page.getByRole('button', { name: /Hoàn tất thiết lập/ }).click();
      await expect.poll(() => page.getByText('không đúng dạng (ví dụ đúng: 000.00.12.H23)').count()).toBe(1);
      await page.getByLabel('Tỉnh, thành phố').selectOption(TEST_DESK.provinceCode);
      await page.getByLabel('Xã, phường, đặc khu (đơn vị tiếp nhận)').fill(TEST_DESK.unitName);
      await page.screenshot({ path: join(artifacts, 'reception-setup.png') });

      await page.reload();
      await completeSetup(page);
      await page.screenshot({ path: join(artifacts, 'reception-login.png') });

      for (let attempt = 1; attempt <= 4; attempt += 1) {
        await page.getByLabel('Tên đăng nhập').fill(TEST_ADMIN.username);
        await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
        await page.getByRole('button', { name: /Đăng nhập/ }).click();
        await expect.poll(() => page.getByTestId('login-error').textContent()).toContain(`Còn ${5 - attempt} lần thử`);
      }
      // An unknown username gets the very same answer as a wrong password.
      await page.getByLabel('Tên đăng nhập').fill('khongcoai');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: /Đăng nhập/ }).click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');

      await page.getByLabel('Tên đăng nhập').fill(TEST_ADMIN.username);
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await page.getByRole('button', { name: /Đăng nhập/ }).click();
      await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('Tài khoản tạm khoá');
      await expect.poll(() => page.getByTestId('lock-remaining').textContent()).toMatch(/^0[45]:\d\d$/);
      // Even the right password is refused while locked.
      await page.getByLabel('Mật khẩu').fill(TEST_ADMIN.password);
      await page.getByRole('button', { name: /Đăng nhập/ }).click();
      await expect.poll(() => page.getByTestId('lock-remaining').count()).toBe(1);
      await page.screenshot({ path: join(artifacts, 'reception-login-locked.png') });
    } finally {
      await context.close();
    }
  });

  it('logs in and shows the unit, desk and officer in the top bar', async () => {
    const { context, page } = await openFreshDesk(browser);
    try {
      const topbar = page.getByTestId('topbar');
      await expect.poll(() => topbar.textContent()).toContain(TEST_DESK.unitName);
      await expect.poll(() => topbar.textContent()).toContain('Quầy số 1');
      await expect.poll(() => page.getByTestId('officer-name').textContent()).toBe(TEST_ADMIN.fullName);
      await page.reload();
      await page.getByTestId('topbar').waitFor();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await logIn(page);
    } finally {
      await context.close();
    }
  });

  it('receives a dossier, prints its receipt with a decodable barcode, and keeps everything after a reload', async () => {
    // Monday 24/11/2025 09:00 in Hà Nội.
    const { context, page } = await openFreshDesk(browser, { now: new Date('2025-11-24T09:00:00+07:00') });
    try {
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
      await page.screenshot({ path: join(artifacts, 'reception-receive-empty.png') });

      // Slow typing (a person) in a field is left alone by the scanner detector.
      await page.getByLabel('Ghi chú').click();
      await page.keyboard.type('nop thay 123', { delay: 150 });
      expect(await page.getByLabel('Ghi chú').inputValue()).toBe('nop thay 123');
      expect(await page.getByTestId('receive-notice').count()).toBe(0);

      // A USB scanner reading a citizen ID card QR: a fast burst ending in Enter, into the focused field.
      // (Playwright types characters missing from its US layout without key events, so this card is ASCII.)
      const card = '001090012345|123456789|Nguyen Van An|05091990|Nam|So 12 pho Hang Bac, Phuong Hoan Kiem, Ha Noi|01072021';
      await page.getByLabel('Họ và tên').click();
      const cardGaps = await scanWithKeyboard(page, card, 10);
      await expect
        .poll(() => page.getByTestId('receive-notice').textContent(), { message: `card scan not recognised: ${describeGaps(cardGaps)}` })
        .toContain('Đã điền thông tin người nộp từ thẻ căn cước');
      expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyen Van An');
      expect(await page.getByLabel('Số định danh (CCCD)').inputValue()).toBe('001090012345');
      expect(await page.getByLabel('Ngày sinh').inputValue()).toBe('05/09/1990');
      expect(await page.getByLabel('Địa chỉ').inputValue()).toContain('Hang Bac');
      expect(await page.getByLabel('Ghi chú').inputValue()).toBe('nop thay 123');

      // Something scanned that is neither a card nor a dossier code, with no field in focus, gets
      // a clear message (in a field, text that is not a code's or a card's is typing: never taken).
      await page.getByLabel('Số điện thoại').click();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const junkGaps = await scanWithKeyboard(page, 'HELLO-WORLD-42', 10);
      await expect
        .poll(() => page.getByTestId('scan-notice').count(), { message: `scan not recognised: ${describeGaps(junkGaps)}` })
        .toBe(1);
      expect(await page.getByTestId('scan-notice').textContent()).toContain('Mã vừa quét "HELLO-WORLD-42" không phải mã hồ sơ hay mã QR trên thẻ căn cước');
      expect(await page.getByLabel('Số điện thoại').inputValue()).toBe('');

      // Procedure by diacritic-free search, Enter picks it.
      await page.keyboard.press('F2');
      // Typed at a person's pace: an instant burst ending in Enter is exactly what a scanner sends.
      await page.keyboard.type('dang ky khai sinh', { delay: 60 });
      await page.getByRole('option').first().waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('selected-procedure').textContent()).toContain('Đăng ký khai sinh');
      await expect.poll(() => page.getByTestId('appointment').textContent()).toContain('17 giờ 00 phút, ngày 24/11/2025');
      await expect.poll(() => page.getByTestId('fee').textContent()).toContain('Miễn phí');

      await page.getByLabel('Số điện thoại').fill('0912 345 678');
      await page.getByLabel('Thư điện tử').fill('an.nguyen@example.vn');
      await page.screenshot({ path: join(artifacts, 'reception-receive-filled.png') });

      // Enter saves and opens the receipt.
      await page.getByLabel('Thư điện tử').press('Enter');
      const code = `${TEST_DESK.agencyId}-251124-1001`;
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain(code);
      const preview = page.frameLocator('iframe.print-preview');
      await preview.getByTestId('receipt-sheet').first().waitFor();
      const sheetText = (await preview.getByTestId('receipt-sheet').first().textContent()) ?? '';
      expect(sheetText).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
      expect(sheetText).toContain('Liên 1: Lưu');
      expect(sheetText).toContain(code);
      expect(sheetText).toContain('Nguyen Van An');
      expect(sheetText).toContain('09 giờ 00 phút, ngày 24/11/2025');
      expect(await preview.getByText('Liên 2: Giao người nộp').count()).toBe(1);
      expect(await preview.getByTestId('reprint-mark').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'reception-receipt-a4.png') });
      const barcodePng = await preview.getByTestId('barcode').first().screenshot({ path: join(artifacts, 'reception-barcode-a4.png') });
      const decoded = await decodeBarcodes(new Uint8Array(barcodePng));
      expect(decoded.map((result) => [result.format, result.text])).toContainEqual(['Code128', code]);

      // A5 preview: same document at the other size, barcode still decodes.
      await dialog.getByText('A5', { exact: false }).first().click();
      await expect.poll(() => page.locator('iframe.print-preview').getAttribute('data-page-size')).toBe('A5');
      await preview.getByTestId('receipt-sheet').first().waitFor();
      await page.screenshot({ path: join(artifacts, 'reception-receipt-a5.png') });
      const a5Png = await preview.getByTestId('barcode').first().screenshot({ path: join(artifacts, 'reception-barcode-a5.png') });
      expect((await decodeBarcodes(new Uint8Array(a5Png))).map((result) => result.text)).toContain(code);

      // First print: logged as an original; the next one is a copy ("Bản sao").
      await dialog.getByRole('button', { name: /^In/ }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Đã gửi lệnh in lúc 09:');
      await expect.poll(() => preview.getByTestId('reprint-mark').count()).toBe(2);
      await dialog.getByRole('button', { name: /^In/ }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toContain('(bản sao)');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // A reload keeps the session, the dossier, the counter, the print log and the recent procedure.
      await page.reload();
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
      await page.getByRole('button', { name: /Đăng ký khai sinh/ }).click();
      await page.getByLabel('Họ và tên').fill('Trần Thị Bình');
      await page.getByLabel('Họ và tên').press('Enter');
      await page.getByRole('dialog').waitFor();
      await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain(`${TEST_DESK.agencyId}-251124-1002`);
      await page.keyboard.press('Escape');

      // Scanning a receipt's code on this screen opens that dossier.
      await page.getByLabel('Ghi chú').click();
      const codeGaps = await scanWithKeyboard(page, code, 10);
      await expect.poll(() => decodeURIComponent(page.url()), { message: `scan not recognised: ${describeGaps(codeGaps)}` }).toContain(`#/ho-so/${code}`);
    } finally {
      await context.close();
    }
  });
});
