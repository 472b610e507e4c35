import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { runAdmin } from '../../integration/server/support/admin-cli.ts';

/** `npm run admin -- …` on a PGlite server's data folder (the server stopped); its output, or throws with it. */
export async function admin(dataDir: string, args: string[], stdin = ''): Promise<string> {
  const { code, stdout, stderr } = await runAdmin({ kind: 'pglite', dataDir }, args, stdin);
  if (code !== 0) throw new Error(`admin ${args.join(' ')} exited ${code}:\n${stdout}${stderr}`);
  return stdout;
}

/** Opens a dossier's detail by its code, waiting (a sync may still bring it) until it shows. */
export async function openDossier(page: Page, code: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, `/ho-so/${encodeURIComponent(code)}`);
  await expect.poll(() => page.getByTestId('detail-code').textContent(), { timeout: 60_000 }).toBe(code);
}

/** Waits until the desk has nothing left to send. */
export async function allSent(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('sync-indicator').textContent(), { timeout: 60_000 }).not.toContain('chờ gửi');
}

/** Opens a screen from the desk's main navigation. */
export function openScreen(page: Page, name: string): Promise<void> {
  return page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name }).click();
}

export interface ReceiveOptions {
  /** 'typing': F2 and the procedure's name at a person's pace, as an officer does; 'code': its code pasted. */
  pickBy?: 'typing' | 'code';
  /** Leave the print dialog that follows the save open. */
  keepPrintDialog?: boolean;
}

/** Opens the receive screen and picks the birth registration (1.001193), as `pickBy` says. */
export async function pickBirthRegistration(page: Page, pickBy: ReceiveOptions['pickBy'] = 'typing'): Promise<void> {
  await openScreen(page, 'Tiếp nhận hồ sơ');
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
  if (pickBy === 'typing') {
    await page.keyboard.press('F2');
    // At a person's pace: an instant burst ending in Enter is what a scanner sends.
    await page.keyboard.type('dang ky khai sinh', { delay: 60 });
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
  } else {
    await page.locator('#procedure-search').fill('1.001193');
    await page.locator('#procedure-search').press('Enter');
  }
  await expect.poll(() => page.getByTestId('selected-procedure').textContent()).toContain('Đăng ký khai sinh');
}

/** Receives a birth registration for `fullName` on the receive screen; returns its code. */
export async function receiveBirthRegistration(page: Page, fullName: string, { pickBy = 'typing', keepPrintDialog = false }: ReceiveOptions = {}): Promise<string> {
  await pickBirthRegistration(page, pickBy);
  await page.getByLabel('Họ và tên').fill(fullName);
  await page.getByLabel('Họ và tên').press('Enter');
  const notice = page.getByTestId('receive-notice').filter({ hasText: `của ${fullName}` });
  await notice.waitFor();
  const code = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1];
  if (!code) throw new Error('no dossier code in the receive notice');
  await page.getByRole('dialog').waitFor();
  if (!keepPrintDialog) {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  }
  return code;
}
