import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { openFreshDesk } from './support/desk.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
/** Monday 24/11/2025 09:00 in Hà Nội. */
const MONDAY_9AM = new Date('2025-11-24T02:00:00Z');
const LONG_NAME = 'Nguyễn Thị Ngọc Anh Phương';
const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: label, exact: true }).click();

/** The window itself never scrolls: whatever is long scrolls inside its own box. */
async function frameOverflow(page: Page): Promise<{ scrollHeight: number; innerHeight: number; scrollWidth: number; innerWidth: number }> {
  return page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
}

async function expectFrameFits(page: Page, screen: string): Promise<void> {
  const size = await frameOverflow(page);
  expect(size.scrollHeight, `${screen}: page height`).toBeLessThanOrEqual(size.innerHeight);
  expect(size.scrollWidth, `${screen}: page width`).toBeLessThanOrEqual(size.innerWidth);
}

/** Inside the window and below `top` (the top bar's bottom for what scrolls beneath it). */
async function expectInViewport(locator: Locator, what: string, top = 0): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, `${what} is laid out`).not.toBeNull();
  expect(box!.y, `${what}: top`).toBeGreaterThanOrEqual(top);
  expect(box!.y + box!.height, `${what}: bottom`).toBeLessThanOrEqual(768);
  expect(box!.x + box!.width, `${what}: right`).toBeLessThanOrEqual(1366);
}

describe('every main screen fits 1366×768 without scrolling the frame', () => {
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

  it('shows the browser-storage notice without pushing the layout down, and lets it be put away', async () => {
    // Headless Chromium refuses persistent storage: the notice is there, over the layout, not above it.
    const notice = page.getByTestId('persist-warning');
    await notice.waitFor();
    await expectFrameFits(page, 'receive with the storage notice');
    const topbar = await page.getByTestId('topbar').boundingBox();
    expect(topbar?.y).toBe(0);
    await notice.getByRole('button', { name: 'Đã hiểu' }).click();
    await expect.poll(() => notice.count()).toBe(0);
    // Put away for this desk, and still readable where the officer looks for it.
    await page.reload();
    await page.getByTestId('topbar').waitFor();
    expect(await page.getByTestId('persist-warning').count()).toBe(0);
    await nav(page, 'Cài đặt');
    await expect.poll(() => page.getByTestId('settings-storage').textContent()).toContain('lưu trữ lâu dài');
  });

  it('keeps the receive screen’s header and save bar in view with errors shown', async () => {
    await nav(page, 'Tiếp nhận hồ sơ');
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
    // A procedure with a fee charged per page: the fee panel adds lines to the right column.
    await page.locator('#procedure-search').fill('2.000815');
    await page.locator('#procedure-search').press('Enter');
    // Every field the officer can get wrong, wrong at once: the form is at its tallest.
    await page.getByLabel('Họ và tên').fill('A');
    await page.getByLabel('Số định danh (CCCD)').fill('12345');
    await page.getByLabel('Ngày sinh').fill('31/02/1990');
    await page.getByLabel('Số điện thoại').fill('abc');
    await page.getByLabel('Thư điện tử').fill('x@');
    await page.getByLabel('Ghi chú').fill('Nhiều dòng\nghi chú\ncho hồ sơ\nnày');
    await page.getByLabel('Họ và tên').press('Enter');
    await expect.poll(() => page.locator('.receive-form .field-error').count()).toBeGreaterThan(2);
    // The fee's missing page count is said once, as the field's error, not also as the live hint.
    expect(await page.getByTestId('fee').getByText('Nhập số trang để tính phí theo trang.').count()).toBe(1);
    const header = page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 });
    const saveBar = page.locator('.receive-footer');
    const topbar = await page.getByTestId('topbar').boundingBox();
    const belowTopbar = (topbar?.y ?? 0) + (topbar?.height ?? 0);
    for (const field of ['Họ và tên', 'Địa chỉ', 'Ghi chú']) {
      // The officer goes from the first error to the last fields: only the form scrolls.
      await page.getByLabel(field, { exact: true }).focus();
      await expectFrameFits(page, `receive with errors, at ${field}`);
      await expectInViewport(header, `receive header, at ${field}`, belowTopbar);
      await expectInViewport(saveBar, `save bar, at ${field}`);
      await expectInViewport(page.getByLabel(field, { exact: true }), field, belowTopbar);
      // Not hidden under the save bar either.
      const fieldBox = await page.getByLabel(field, { exact: true }).boundingBox();
      const barBox = await saveBar.boundingBox();
      expect(fieldBox!.y + fieldBox!.height, `${field} above the save bar`).toBeLessThanOrEqual(barBox!.y);
    }
    await page.getByLabel('Họ và tên').focus();
    await page.screenshot({ path: join(artifacts, 'fits-receive-errors.png') });
  });

  it('lists a long Vietnamese name in full, with every column and the sort box, and no sideways scrollbar', async () => {
    await page.locator('#procedure-search').fill('1.001193');
    await page.locator('#procedure-search').press('Enter');
    await page.getByLabel('Họ và tên').fill(LONG_NAME);
    for (const field of ['Số định danh (CCCD)', 'Ngày sinh', 'Số điện thoại', 'Thư điện tử', 'Ghi chú']) await page.getByLabel(field).fill('');
    await page.getByLabel('Họ và tên').press('Enter');
    await page.getByTestId('receive-notice').filter({ hasText: `của ${LONG_NAME}` }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await nav(page, 'Hồ sơ');
    const row = page.locator('.dossier-scroll [role=row][data-code]').first();
    await row.waitFor();
    await expectFrameFits(page, 'list');
    const nameCell = row.getByRole('cell').nth(1);
    expect(await nameCell.textContent()).toBe(LONG_NAME);
    const name = await nameCell.evaluate((cell) => ({ scrollWidth: cell.scrollWidth, clientWidth: cell.clientWidth }));
    expect(name.scrollWidth, 'the name cell shows the whole name').toBeLessThanOrEqual(name.clientWidth);
    const table = page.getByRole('table', { name: 'Danh sách hồ sơ' });
    const sideways = await table.evaluate((element) =>
      [element, ...element.querySelectorAll('*')].some((child) => child.scrollWidth > child.clientWidth + 1 && getComputedStyle(child).overflowX !== 'hidden' && getComputedStyle(child).overflowX !== 'visible'),
    );
    expect(sideways, 'no horizontal scrollbar in the list').toBe(false);
    for (const header of await page.getByRole('columnheader').all()) await expectInViewport(header, `column ${await header.textContent()}`);
    await expectInViewport(page.getByRole('group', { name: 'Bộ lọc hồ sơ' }).getByText('Sắp xếp'), 'sort box');
    await page.screenshot({ path: join(artifacts, 'fits-list.png') });

    await row.click();
    await page.getByTestId('detail-code').waitFor();
    await expectFrameFits(page, 'detail');
    await page.screenshot({ path: join(artifacts, 'fits-detail.png') });
  });

  it('fits on the other screens of the day', async () => {
    for (const [label, heading] of [
      ['Trả kết quả', 'Trả kết quả'],
      ['Cảnh báo', null],
      ['Báo cáo', null],
      ['Kết nối máy chủ', 'Kết nối máy chủ tỉnh'],
      ['Hướng dẫn tại quầy', 'Hướng dẫn, từ chối tại quầy'],
      ['Cài đặt', 'Cài đặt'],
    ] as const) {
      await nav(page, label);
      if (heading) await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.waitForTimeout(300);
      await expectFrameFits(page, label);
    }
  });
});
