import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { logIn, openFreshDesk } from './support/desk.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const PROCESSING = { fullName: 'Phạm Thị Thụ Lý', username: 'thuly', password: 'Thụ-lý-2025' } as const;

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByRole('heading', { name: 'Cán bộ của đơn vị' }).waitFor();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

describe('officers added locally', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    ({ context, page } = await openFreshDesk(browser));
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lets the administrator add a processing officer, who then logs in with that role', async () => {
    await openSettings(page);
    const officers = page.locator('.officers-panel');
    const table = page.getByTestId('officers-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);

    // Checked before anything is stored: the passwords must match.
    await officers.getByLabel('Họ và tên').fill(PROCESSING.fullName);
    await officers.getByLabel('Tên đăng nhập').fill(PROCESSING.username);
    await officers.getByLabel('Vai trò').selectOption('processing');
    await officers.getByLabel('Mật khẩu', { exact: true }).fill(PROCESSING.password);
    await officers.getByLabel('Nhập lại mật khẩu').fill('khác-mật-khẩu');
    await officers.getByLabel('Nhập lại mật khẩu').press('Enter');
    await expect.poll(() => officers.getByText('Hai lần nhập mật khẩu không khớp').count()).toBe(1);

    await officers.getByLabel('Nhập lại mật khẩu').fill(PROCESSING.password);
    await officers.getByLabel('Nhập lại mật khẩu').press('Enter');
    await expect.poll(() => page.getByTestId('officers-message').textContent(), { timeout: 20_000 }).toContain(`Đã thêm cán bộ thụ lý ${PROCESSING.fullName}`);
    const row = table.locator(`tr[data-username=${PROCESSING.username}]`);
    await expect.poll(() => row.textContent()).toContain('Cán bộ thụ lý');
    expect(await row.textContent()).toContain('Đang hoạt động');
    expect(await officers.getByLabel('Họ và tên').inputValue()).toBe('');
    await officers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'settings-officers.png') });

    // The same username again is refused on its field.
    await officers.getByLabel('Họ và tên').fill('Trần Văn Trùng');
    await officers.getByLabel('Tên đăng nhập').fill(PROCESSING.username.toUpperCase());
    await officers.getByLabel('Mật khẩu', { exact: true }).fill(PROCESSING.password);
    await officers.getByLabel('Nhập lại mật khẩu').fill(PROCESSING.password);
    await officers.getByRole('button', { name: /Thêm cán bộ/ }).click();
    await expect.poll(() => officers.getByText('đã được dùng cho cán bộ khác').count(), { timeout: 20_000 }).toBe(1);

    await logOut(page);
    await logIn(page, PROCESSING.username, PROCESSING.password);
    await expect.poll(() => page.getByTestId('officer-name').textContent()).toBe(PROCESSING.fullName);
    expect(await page.getByTestId('topbar').textContent()).toContain('Cán bộ thụ lý');

    // Not an administrator: the list is read-only.
    await openSettings(page);
    await expect.poll(() => page.getByTestId('officers-table').locator('tbody tr').count()).toBe(2);
    expect(await page.getByRole('button', { name: /Thêm cán bộ/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ngừng tài khoản' }).count()).toBe(0);
    await page.locator('.officers-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'settings-officers-readonly.png') });
  });

  it('stops an officer account, after which that officer cannot log in', async () => {
    await logOut(page);
    await logIn(page);
    await openSettings(page);
    const row = page.getByTestId('officers-table').locator(`tr[data-username=${PROCESSING.username}]`);
    await row.getByRole('button', { name: 'Ngừng tài khoản' }).click();
    await expect.poll(() => row.textContent()).toContain('Đã ngừng');
    // The administrator cannot stop their own account.
    expect(await page.getByTestId('officers-table').locator('tr[data-username=quantri]').getByRole('button').isDisabled()).toBe(true);

    await logOut(page);
    await page.getByLabel('Tên đăng nhập').fill(PROCESSING.username);
    await page.getByLabel('Mật khẩu').fill(PROCESSING.password);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 20_000 }).toContain('ngừng sử dụng');
  });
});
