import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { openDossier, openScreen } from './support/counter.ts';
import { openFreshDesk } from './support/desk.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const ORGANISATION = 'Công ty TNHH Xây dựng Minh Phát';
const TAX_CODE = '0100109106';
const AUTHORISATION_PAPER = 'Giấy ủy quyền (văn bản ủy quyền)';

const rows = (page: Page) => page.locator('.dossier-scroll [role=row][data-code]');


describe('applicants: an organisation through its authorised person, a result collected by another person', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('receives for an organisation with its representative, prints both on the receipt, finds it by tax code and returns it to another person', async () => {
    const { context, page } = await openFreshDesk(browser);
    try {
      await openScreen(page, 'Tiếp nhận hồ sơ');
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
      await page.locator('#procedure-search').fill('2.001035');
      await page.locator('#procedure-search').press('Enter');
      await expect.poll(() => page.getByTestId('selected-procedure').textContent()).toContain('Chứng thực hợp đồng');

      // "Tổ chức": the person fields give way to the organisation's.
      await page.getByRole('radiogroup', { name: 'Người nộp là' }).getByLabel('Tổ chức', { exact: true }).check();
      expect(await page.getByLabel('Ngày sinh').count()).toBe(0);
      await page.getByLabel('Tên tổ chức').fill(ORGANISATION);
      await page.getByLabel('Mã số thuế / mã số doanh nghiệp').fill('0100109107');
      await page.getByLabel('Người đại diện theo pháp luật').fill('trần văn quang');
      await page.getByLabel('Chức vụ').fill('Giám đốc');
      await page.getByLabel('Địa chỉ trụ sở').fill('12 Phố Huế, phường Hai Bà Trưng, Hà Nội');

      // The authorised person: the authorisation paper joins the papers, ticked.
      await page.getByLabel('Nộp qua người được ủy quyền (kèm giấy ủy quyền)').check();
      await expect.poll(() => page.getByLabel(`Đã nộp: ${AUTHORISATION_PAPER}`).isChecked()).toBe(true);
      await page.getByLabel('Họ và tên người được ủy quyền').fill('Phạm Thị Dung');
      await page.getByLabel('CCCD người được ủy quyền').fill('001190004321');
      await page.getByLabel('Điện thoại người được ủy quyền').fill('0987 654 321');

      // A tax code with a wrong check digit is refused in Vietnamese, nothing is stored.
      await page.getByLabel('Chức vụ').press('Enter');
      await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain('Hồ sơ chưa lưu');
      const taxCodeField = page.getByLabel('Mã số thuế / mã số doanh nghiệp');
      expect(await taxCodeField.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.applicant').textContent()).toContain('Mã số thuế 0100109107 không đúng: chữ số kiểm tra (chữ số thứ 10) không khớp.');
      expect(await page.getByRole('dialog').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'applicants-organisation-bad-tax-code.png') });

      await taxCodeField.fill(TAX_CODE);
      await taxCodeField.press('Enter');
      const notice = page.getByTestId('receive-notice').filter({ hasText: `của ${ORGANISATION}` });
      await notice.waitFor();
      const code = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
      expect(code).toMatch(/-\d{6}-\d{4}$/);

      // The receipt names the organisation, its tax code and representative, and the authorised person.
      const preview = page.frameLocator('iframe.print-preview');
      const sheet = preview.getByTestId('receipt-sheet').first();
      await sheet.waitFor();
      const text = (await sheet.textContent()) ?? '';
      expect(text).toContain(`Tổ chức: ${ORGANISATION}`);
      expect(text).toContain(`Mã số thuế/mã số doanh nghiệp: ${TAX_CODE}`);
      expect(text).toContain('Người đại diện theo pháp luật: Trần Văn Quang – Giám đốc');
      expect(text).toContain('Người được ủy quyền nộp hồ sơ: Phạm Thị Dung, số định danh cá nhân 001190004321, số điện thoại 0987654321');
      expect(text).toContain(AUTHORISATION_PAPER);
      await page.screenshot({ path: join(artifacts, 'applicants-receipt.png') });
      const barcode = await preview.getByTestId('barcode').first().screenshot({ path: join(artifacts, 'applicants-receipt-barcode.png') });
      expect((await decodeBarcodes(new Uint8Array(barcode))).map((result) => [result.format, result.text])).toContainEqual(['Code128', code]);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      // Found by its tax code and by its name without accents.
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
      const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
      await search.fill(TAX_CODE);
      await expect.poll(() => rows(page).count()).toBe(1);
      expect(await rows(page).first().getAttribute('data-code')).toBe(code);
      await search.fill('minh phat');
      await expect.poll(() => rows(page).first().getAttribute('data-code')).toBe(code);
      expect(await rows(page).first().textContent()).toContain(ORGANISATION);

      // The detail shows both; a desk without the province's unit list says how to get it.
      await openDossier(page, code);
      expect(await page.getByTestId('tax-code').textContent()).toBe(TAX_CODE);
      expect(await page.getByTestId('representative').textContent()).toContain('Phạm Thị Dung (001190004321, 0987654321)');
      const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbar.locator('[data-action=TRANSFERRED]').click();
      await expect.poll(() => page.getByTestId('no-unit-list').textContent()).toContain('Quầy chưa có danh sách đơn vị của tỉnh');
      await page.screenshot({ path: join(artifacts, 'applicants-transfer-no-unit-list.png') });
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      await toolbar.locator('[data-action=ACCEPTED]').click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Enter');
      await expect.poll(() => toolbar.locator('[data-action=RESOLVED]').count()).toBe(1);
      await toolbar.locator('[data-action=RESOLVED]').click();
      await page.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
      await expect.poll(() => toolbar.locator('[data-action=RETURNED]').count()).toBe(1);

      // Return: an organisation's result goes to its authorised person by default; here someone else comes.
      await openScreen(page, 'Trả kết quả');
      await page.getByLabel('Mã hồ sơ').fill(code);
      await page.getByLabel('Mã hồ sơ').press('Enter');
      await page.getByTestId('return-card').waitFor();
      const choice = page.getByTestId('collector-choice');
      expect(await choice.getByRole('radio').count()).toBe(2);
      expect(await choice.getByLabel(/Người được ủy quyền/).isChecked()).toBe(true);
      expect(await page.getByLabel('Người nhận kết quả').inputValue()).toBe('Phạm Thị Dung');
      await choice.getByLabel('Người khác').check();
      await page.getByLabel('Người nhận kết quả').fill('Lê Văn Nam');
      await page.getByLabel('Người nhận kết quả').press('Enter');
      await expect
        .poll(() => page.getByTestId('return-card').textContent())
        .toContain('Người nhận không phải người nộp hồ sơ: nhập số định danh cá nhân (CCCD) của người nhận.');
      await page.getByLabel(/Số định danh người nhận/).fill('001203004568');
      await page.screenshot({ path: join(artifacts, 'applicants-return-other-person.png') });
      await page.getByLabel(/Số định danh người nhận/).press('Enter');
      await expect.poll(() => page.getByTestId('return-done').textContent()).toContain(code);

      await openDossier(page, code);
      await expect.poll(() => page.locator('.facts').first().textContent()).toContain('Lê Văn Nam (001203004568)');
    } finally {
      await context.close();
    }
  }, 240_000);
});
