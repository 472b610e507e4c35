import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { logIn } from './desk.ts';

/** Enrols a fresh desk with a one-time code from the provincial server, then logs in as `username`. */
export async function enrolAndLogIn(page: Page, serverUrl: string, code: string, username: string, password: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết nối máy chủ' }).click();
  await page.getByRole('heading', { name: 'Kết nối máy chủ tỉnh' }).waitFor();
  await page.getByLabel('Địa chỉ máy chủ').fill(serverUrl);
  await page.getByLabel('Mã kích hoạt').fill(code);
  await page.getByLabel('Mã kích hoạt').press('Enter');
  await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  // The login screen keeps the set-up identity until the app restarts (as two-units.e2e.ts notes).
  await page.reload();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await logIn(page, username, password);
  await expect.poll(() => page.getByTestId('sync-indicator').getAttribute('data-phase'), { timeout: 30_000 }).toBe('online');
}
