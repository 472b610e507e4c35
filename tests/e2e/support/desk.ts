import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';

/** The desk every fresh E2E desk is set up as (through the real first-run screen). */
export const TEST_DESK = {
  provinceCode: '01',
  provinceName: 'Thành phố Hà Nội',
  unitName: 'Phường Ba Đình',
  agencyId: '000.00.12.H23',
  slot: 1,
} as const;

export const TEST_ADMIN = {
  fullName: 'Nguyễn Thị Quản Trị',
  username: 'quantri',
  password: 'Mật-khẩu-123',
} as const;

export interface FreshDeskOptions {
  /** Desk clock start (ms or Date); installs Playwright's clock, which then runs on from there. */
  now?: number | Date;
  /** Stop after the setup screen (don't log in). */
  loggedIn?: boolean;
}

export interface FreshDesk {
  context: BrowserContext;
  page: Page;
}

/** A new browser context (fresh IndexedDB) at 1366×768, vi-VN, Asia/Ho_Chi_Minh. */
export async function newDeskContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
}

/** Chooses the stand-alone set-up on the first-run screen, then fills and submits it. */
export async function completeSetup(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Thiết lập quầy tiếp nhận' }).waitFor();
  await page.getByRole('radio', { name: /Dùng riêng, chưa kết nối tỉnh/ }).check();
  await page.getByLabel('Tỉnh, thành phố').selectOption(TEST_DESK.provinceCode);
  await page.getByLabel('Xã, phường, đặc khu (đơn vị tiếp nhận)').fill(TEST_DESK.unitName);
  await page.getByLabel('Mã định danh cơ quan (QCVN 102)').fill(TEST_DESK.agencyId);
  await page.getByLabel('Số quầy').selectOption(String(TEST_DESK.slot));
  await page.getByLabel('Họ và tên').fill(TEST_ADMIN.fullName);
  await page.getByLabel('Tên đăng nhập').fill(TEST_ADMIN.username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(TEST_ADMIN.password);
  await page.getByLabel('Nhập lại mật khẩu').fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: /Hoàn tất thiết lập/ }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
}

/** Logs in on the login screen and waits for the shell. */
export async function logIn(page: Page, username: string = TEST_ADMIN.username, password: string = TEST_ADMIN.password): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.getByTestId('topbar').waitFor();
}

/**
 * A page on a brand-new desk: fresh storage, set up through the real setup screen and (unless
 * `loggedIn: false`) logged in as the administrator, on the receive screen.
 */
export async function openFreshDesk(browser: Browser, options: FreshDeskOptions = {}): Promise<FreshDesk> {
  const context = await newDeskContext(browser);
  const page = await context.newPage();
  if (options.now !== undefined) await page.clock.install({ time: options.now });
  await page.goto(inject('rendererUrl'));
  await completeSetup(page);
  if (options.loggedIn !== false) await logIn(page);
  return { context, page };
}
