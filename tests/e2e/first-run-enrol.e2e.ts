import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { enrollmentCodeFrom } from '../integration/server/support/admin-cli.ts';
import { chromiumArgs, findChromium } from './support/chromium.ts';
import { admin } from './support/counter.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
/** The README's worked example, word for word. */
const UNIT = { id: '000.00.12.H23', name: 'UBND phường Ba Đình' } as const;
const LAN = { username: 'lan', fullName: 'Nguyễn Thị Lan', password: 'MatKhau#2026' } as const;
const HUNG = { username: 'hung', fullName: 'Lê Văn Hùng', password: 'LanhDao#2026' } as const;
/** Each CLI command opens PGlite in a fresh process: seconds each on a busy machine. */
const SETUP_TIMEOUT = 480_000;
const SETUP_HEADING = 'Thiết lập quầy tiếp nhận';

/** The desk app's window on a profile kept on disk: closing and launching again is a restart. */
function launchDesk(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    args: chromiumArgs,
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** Which first screen the desk shows once it has opened its data. */
async function firstScreen(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { level: 1 }).first();
  await heading.waitFor();
  return (await heading.textContent()) ?? '';
}

async function expectNoFrameScroll(page: Page, screen: string): Promise<void> {
  const size = await page.evaluate(() => [document.documentElement.scrollHeight, innerHeight, document.documentElement.scrollWidth, innerWidth]);
  expect(size[0], `${screen}: height`).toBeLessThanOrEqual(size[1]!);
  expect(size[2], `${screen}: width`).toBeLessThanOrEqual(size[3]!);
}

const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: label, exact: true }).click();

/**
 * Issue 19 points 1 and 2: the README's worked example from an empty desk to the first receipt.
 * The unit has one reception officer and a leader, no administrator: the enrolled desk stays set
 * up across reloads and restarts, and a code for another counter changes nothing unless confirmed.
 */
describe('an officer’s first day on a desk installed with the province’s activation code', () => {
  let server: ServerProcess | null = null;
  let context: BrowserContext | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-first-run-server-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-first-run-desk-'));
  let enrollmentCode = '';
  let receivedCode = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await admin(dataDir, ['unit', 'add', '--id', UNIT.id, '--name', UNIT.name, '--level', 'commune']);
    const lan = await admin(dataDir, ['officer', 'add', '--unit', UNIT.id, '--username', LAN.username, '--name', LAN.fullName, '--role', 'reception'], `${LAN.password}\n`);
    expect(lan).toContain(`Đã thêm cán bộ ${LAN.fullName} (lan, reception)`);
    await admin(dataDir, ['officer', 'add', '--unit', UNIT.id, '--username', HUNG.username, '--name', HUNG.fullName, '--role', 'leader', '--desks', '1'], `${HUNG.password}\n`);
    const desk = await admin(dataDir, ['desk', 'add', '--unit', UNIT.id, '--slot', '1']);
    enrollmentCode = enrollmentCodeFrom(desk);
    expect(enrollmentCode).not.toBe('');
    await admin(dataDir, ['catalogue', 'import', 'assets/catalogue/procedures.json']);
    await admin(dataDir, ['calendar', 'import', 'assets/calendars/2025.json', 'assets/calendars/2026.json', 'assets/calendars/2027.json']);
    server = await startServerProcess(['--data', dataDir]);
    context = await launchDesk(profileDir);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await context?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  });

  it('offers the activation code first and enrols with only the server address and the code', async () => {
    const page = context!.pages()[0] ?? (await context!.newPage());
    await page.goto(inject('rendererUrl'));
    expect(await firstScreen(page)).toBe(SETUP_HEADING);
    const choice = page.getByRole('radiogroup', { name: 'Cách thiết lập quầy' });
    await expect.poll(() => choice.getByRole('radio', { name: /Tôi có mã kích hoạt của tỉnh/ }).isChecked()).toBe(true);
    expect(await choice.getByRole('radio', { name: /Dùng riêng, chưa kết nối tỉnh/ }).isChecked()).toBe(false);
    // Nothing that enrolment would throw away: no province, unit, agency code, counter or local account.
    for (const label of ['Tỉnh, thành phố', 'Mã định danh cơ quan (QCVN 102)', 'Số quầy', 'Tên đăng nhập', 'Mật khẩu']) {
      expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(0);
    }
    await expectNoFrameScroll(page, 'first run');
    await page.screenshot({ path: join(artifacts, 'first-run-choice.png') });

    // A wrong code is refused in plain words and nothing is stored.
    await page.getByLabel('Địa chỉ máy chủ', { exact: true }).fill(server!.url);
    await page.getByLabel('Mã kích hoạt', { exact: true }).fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByLabel('Mã kích hoạt', { exact: true }).press('Enter');
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Mã kích hoạt', { exact: true }).fill(enrollmentCode.toLowerCase());
    await page.screenshot({ path: join(artifacts, 'first-run-enrol.png') });
    await page.getByLabel('Mã kích hoạt', { exact: true }).press('Enter');

    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 60_000 });
    const card = page.locator('.login-card');
    await expect.poll(() => card.textContent()).toContain(UNIT.name);
    await expect.poll(() => card.textContent()).toContain('Quầy số 1');
    await expectNoFrameScroll(page, 'login');
    await page.screenshot({ path: join(artifacts, 'first-run-login.png') });
  });

  it('stays set up by its enrolment after a reload and a restart, though its unit has no administrator', async () => {
    let page = context!.pages()[0]!;
    await page.reload();
    expect(await firstScreen(page)).toBe('Đăng nhập');

    await context!.close();
    context = await launchDesk(profileDir);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(inject('rendererUrl'));
    expect(await firstScreen(page)).toBe('Đăng nhập');
    await expect.poll(() => page.locator('.login-card').textContent()).toContain(UNIT.name);
  });

  it('logs the reception officer in and receives the first dossier, errors first, to the printed receipt', async () => {
    const page = context!.pages()[0]!;
    await page.getByLabel('Tên đăng nhập').fill(LAN.username);
    await page.getByLabel('Mật khẩu').fill(LAN.password);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    await page.getByTestId('topbar').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('officer-name').textContent()).toBe(LAN.fullName);
    await expect.poll(() => page.getByTestId('topbar').textContent()).toContain('Quầy số 1');

    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
    await page.locator('#procedure-search').fill('1.001193');
    await page.locator('#procedure-search').press('Enter');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Ngọc Anh Phương');
    await page.getByLabel('Ngày sinh').fill('31/02/2020');
    await page.getByLabel('Số điện thoại').fill('abc');
    await page.getByLabel('Họ và tên').press('Enter');
    await expect.poll(() => page.locator('.receive-form .field-error').count()).toBeGreaterThan(1);
    await expectNoFrameScroll(page, 'receive with errors');
    await page.screenshot({ path: join(artifacts, 'first-run-receive-errors.png') });

    await page.getByLabel('Ngày sinh').fill('05/09/2020');
    await page.getByLabel('Số điện thoại').fill('0912 345 678');
    await page.getByLabel('Họ và tên').press('Enter');
    const notice = page.getByTestId('receive-notice').filter({ hasText: 'của Nguyễn Thị Ngọc Anh Phương' });
    await notice.waitFor();
    receivedCode = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
    expect(receivedCode.startsWith(`${UNIT.id}-`)).toBe(true);
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const sheet = page.frameLocator('iframe.print-preview').getByTestId('receipt-sheet').first();
    await expect.poll(() => sheet.textContent()).toContain(receivedCode);
    await expect.poll(() => sheet.textContent()).toContain('PHƯỜNG BA ĐÌNH');
    await page.screenshot({ path: join(artifacts, 'first-run-receipt.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await nav(page, 'Hồ sơ');
    const row = page.locator(`.dossier-scroll [role=row][data-code="${receivedCode}"]`);
    await row.waitFor();
    await expectNoFrameScroll(page, 'list');
    await page.screenshot({ path: join(artifacts, 'first-run-list.png') });
    await row.click();
    await expect.poll(() => page.getByTestId('detail-code').textContent()).toBe(receivedCode);
    await expectNoFrameScroll(page, 'detail');
    await page.screenshot({ path: join(artifacts, 'first-run-detail.png') });
  });

  it('asks before a code for another counter replaces the province’s identity, naming old and new', async () => {
    // The provincial administrator issues two codes for counter 2 (PGlite: server stopped meanwhile).
    await server!.stop();
    const declined = enrollmentCodeFrom(await admin(dataDir, ['desk', 'add', '--unit', UNIT.id, '--slot', '2']));
    const accepted = enrollmentCodeFrom(await admin(dataDir, ['desk', 'code', '--desk', `${UNIT.id}#2`]));
    server = await startServerProcess(['--data', dataDir]);

    const page = context!.pages()[0]!;
    const enrolWith = async (code: string) => {
      await nav(page, 'Kết nối máy chủ');
      await page.getByRole('heading', { name: 'Kết nối máy chủ tỉnh' }).waitFor();
      await page.getByLabel('Địa chỉ máy chủ').fill(server!.url);
      await page.getByLabel('Mã kích hoạt').fill(code);
      await page.getByLabel('Mã kích hoạt').press('Enter');
    };
    await enrolWith(declined);
    const dialog = page.getByRole('dialog', { name: 'Đổi đơn vị hoặc số quầy?' });
    await dialog.waitFor({ timeout: 30_000 });
    const change = dialog.getByTestId('identity-change');
    await expect.poll(() => change.getByRole('row', { name: /Quầy/ }).textContent()).toBe('QuầyQuầy 1Quầy 2');
    await expect.poll(() => change.getByRole('row', { name: /Đơn vị/ }).textContent()).toContain(`${UNIT.name} (${UNIT.id})`);
    await page.screenshot({ path: join(artifacts, 'first-run-confirm-change.png') });
    await dialog.getByRole('button', { name: 'Giữ nguyên quầy hiện tại' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Không đổi gì' }).textContent()).toContain('quầy vẫn là Quầy 1');
    await expect.poll(() => page.getByTestId('topbar').textContent()).toContain('Quầy số 1');

    // Confirmed: the desk becomes counter 2, and logging in again shows it at once (no restart).
    await page.getByLabel('Mã kích hoạt').fill(accepted);
    await page.getByLabel('Mã kích hoạt').press('Enter');
    await dialog.waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: /Đổi sang Quầy 2/ }).click();
    await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await expect.poll(() => page.locator('.login-card').textContent()).toContain('Quầy số 2');

    // And after a restart the desk is counter 2, on its login screen.
    await context!.close();
    context = await launchDesk(profileDir);
    const again = context.pages()[0] ?? (await context.newPage());
    await again.goto(inject('rendererUrl'));
    expect(await firstScreen(again)).toBe('Đăng nhập');
    await expect.poll(() => again.locator('.login-card').textContent()).toContain('Quầy số 2');
  });
});
