import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { openFreshDesk } from './support/desk.ts';
import { describeGaps, scanWithKeyboard } from './support/scanner.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
/** Monday 24/11/2025 09:00 in Hà Nội. */
const MONDAY_9AM = new Date('2025-11-24T02:00:00Z');

interface Applicant {
  procedure: string;
  fullName: string;
  citizenId: string;
}

/** Receives a dossier through the real receive screen, as an officer does; returns its code. */
async function receive(page: Page, applicant: Applicant): Promise<string> {
  await go(page, '/');
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
  await page.locator('#procedure-search').fill(applicant.procedure);
  await page.locator('#procedure-search').press('Enter');
  await page.getByLabel('Họ và tên').fill(applicant.fullName);
  await page.getByLabel('Số định danh (CCCD)').fill(applicant.citizenId);
  const fee = page.getByLabel('Số tiền thu (đồng)');
  if ((await fee.count()) > 0 && (await fee.isEditable())) await fee.fill('10000');
  await page.getByLabel('Họ và tên').press('Enter');
  const notice = page.getByTestId('receive-notice');
  await notice
    .filter({ hasText: `của ${applicant.fullName}` })
    .waitFor({ timeout: 10_000 })
    .catch(async () => {
      const invalid = await page.locator('label:has([aria-invalid=true]), .papers-error, [role=alert]').allTextContents();
      await page.screenshot({ path: join(artifacts, 'tracking-receive-failed.png') });
      throw new Error(`receiving failed: ${await notice.textContent().catch(() => '(no notice)')} ${invalid.join(' | ')}`);
    });
  const code = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1];
  if (!code) throw new Error('no dossier code in the receive notice');
  await page.keyboard.press('Escape'); // closes the receipt print preview
  return code;
}

/** Client-side navigation, as a link click does (no reload). */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

const rows = (page: Page) => page.locator('.dossier-scroll [role=row][data-code]');

async function openList(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
  await page.getByRole('heading', { name: 'Hồ sơ', level: 1 }).waitFor();
}

describe('tracking: list, detail, return, alerts, settings', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const codes: Record<'an' | 'binh' | 'cuong', string> = { an: '', binh: '', cuong: '' };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    ({ context, page } = await openFreshDesk(browser, { now: MONDAY_9AM }));
    codes.an = await receive(page, { procedure: '1.001193', fullName: 'Nguyễn Văn An', citizenId: '001095012345' });
    codes.binh = await receive(page, { procedure: '1.004873', fullName: 'Trần Thị Bình', citizenId: '001195054321' });
    codes.cuong = await receive(page, { procedure: '2.000908', fullName: 'Lê Văn Cường', citizenId: '001090011111' });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('lists dossiers, searches by name without diacritics and by citizen ID, filters by status', async () => {
    await openList(page);
    await expect.poll(() => rows(page).count()).toBe(3);
    await expect.poll(() => page.getByTestId('status-counts').textContent()).toContain('Tất cả 3');
    await page.screenshot({ path: join(artifacts, 'tracking-list.png') });

    const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
    await search.fill('nguyen van an');
    await expect.poll(() => rows(page).count()).toBe(1);
    expect(await rows(page).first().textContent()).toContain('Nguyễn Văn An');

    await search.fill('001195054321');
    await expect.poll(() => rows(page).first().getAttribute('data-code')).toBe(codes.binh);
    expect(await rows(page).count()).toBe(1);

    await search.fill('abc.12-251124');
    await expect.poll(() => page.locator('.dossier-list-screen [role=alert]').first().textContent()).toContain('Không đọc được mã hồ sơ');

    await search.fill('');
    await page.getByRole('group', { name: 'Bộ lọc hồ sơ' }).getByLabel('Thủ tục').selectOption('1.004873');
    await expect.poll(() => rows(page).count()).toBe(1);
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
  });

  it('shows only legal actions and carries a dossier through accept → resolve → return in two keystrokes', async () => {
    await openList(page);
    await rows(page).filter({ hasText: 'Nguyễn Văn An' }).click();
    await expect.poll(() => page.getByTestId('detail-code').textContent()).toBe(codes.an);
    const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
    await expect.poll(() => toolbar.locator('[data-action=ACCEPTED]').count()).toBe(1);
    expect(await toolbar.locator('[data-action=RETURNED]').count()).toBe(0);
    expect(await toolbar.locator('[data-action=RESOLVED]').count()).toBe(0);
    await page.screenshot({ path: join(artifacts, 'tracking-detail.png') });

    await toolbar.locator('[data-action=ACCEPTED]').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => toolbar.locator('[data-action=RESOLVED]').count()).toBe(1);
    expect(await toolbar.locator('[data-action=ACCEPTED]').count()).toBe(0);
    await toolbar.locator('[data-action=RESOLVED]').click();
    await page.getByRole('dialog').waitFor();
    await page.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
    await expect.poll(() => toolbar.locator('[data-action=RETURNED]').count()).toBe(1);

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trả kết quả' }).click();
    const input = page.getByLabel('Mã hồ sơ');
    await input.focus();
    await page.keyboard.type(codes.an.toLowerCase(), { delay: 60 });
    await page.keyboard.press('Enter'); // keystroke 1: open
    await page.getByTestId('return-card').waitFor();
    expect(await page.getByLabel('Người nhận kết quả').inputValue()).toBe('Nguyễn Văn An');
    await page.screenshot({ path: join(artifacts, 'tracking-return.png') });
    await page.keyboard.press('Enter'); // keystroke 2: confirm
    await expect.poll(() => page.getByTestId('return-done').textContent()).toContain(codes.an);

    await go(page, `/ho-so/${encodeURIComponent(codes.an)}`);
    await expect.poll(() => page.locator('.detail-badges [data-status]').textContent()).toBe('Đã trả kết quả');
    const route = await page.getByTestId('route').textContent();
    expect(route).toContain('Người nhận: Nguyễn Văn An');
    expect(await toolbar.locator('[data-action]').count()).toBe(0);
  });

  it('refuses a result return before the dossier is resolved, and explains unknown or malformed codes', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trả kết quả' }).click();
    await page.getByLabel('Mã hồ sơ').fill(codes.binh);
    await page.getByLabel('Mã hồ sơ').press('Enter');
    await expect.poll(() => page.getByTestId('return-blocked').textContent()).toContain('chưa giải quyết xong');

    await go(page, '/ho-so/khong-phai-ma');
    await expect.poll(() => page.getByTestId('detail-error').textContent()).toContain('"khong-phai-ma" không phải mã hồ sơ');
    await go(page, `/ho-so/${encodeURIComponent('000.00.12.H23-251124-1999')}`);
    await expect.poll(() => page.getByTestId('detail-error').textContent()).toContain('Không tìm thấy hồ sơ');
    // Lower case with spaces around, as typed: opens the dossier.
    await go(page, `/ho-so/${encodeURIComponent(`  ${codes.binh.toLowerCase()} `)}`);
    await expect.poll(() => page.getByTestId('detail-code').textContent()).toBe(codes.binh);
  });

  it('opens a scanned code (10 ms keystrokes) but not the same code typed slowly (150 ms)', async () => {
    await openList(page);
    const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
    await search.focus();
    const slow = await scanWithKeyboard(page, codes.cuong, 150);
    // Typed by a person: an ordinary search, the officer stays on the list with the one match.
    await expect.poll(() => rows(page).count(), { message: `slow typing: ${describeGaps(slow)}` }).toBe(1);
    expect(page.url()).toMatch(/#\/ho-so$/);
    expect(await page.getByTestId('scan-notice').count()).toBe(0);
    expect(await search.inputValue()).toBe(codes.cuong);

    await search.fill('');
    await search.focus();
    const fast = await scanWithKeyboard(page, codes.cuong, 10);
    await expect.poll(() => page.url(), { timeout: 5_000, message: `scan not recognised: ${describeGaps(fast)}` }).toContain(`#/ho-so/${encodeURIComponent(codes.cuong)}`);
    await expect.poll(() => page.getByTestId('detail-code').textContent()).toBe(codes.cuong);
  });

  it('loads a scanned receipt in place on the return screen and names an unknown scan', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trả kết quả' }).click();
    const input = page.getByLabel('Mã hồ sơ');
    await input.focus();
    const gaps = await scanWithKeyboard(page, codes.binh, 10);
    await expect.poll(() => page.getByTestId('return-blocked').count(), { timeout: 5_000, message: `scan not recognised: ${describeGaps(gaps)}` }).toBe(1);
    expect(await page.getByTestId('return-blocked').textContent()).toContain('chưa giải quyết xong');
    expect(page.url()).toMatch(/#\/tra-ket-qua$/);
    expect(await input.inputValue()).toBe(codes.binh);

    // Not a dossier code, scanned with no field in focus: the shell says what was scanned.
    await input.fill('');
    await input.evaluate((element) => element.blur());
    const junk = await scanWithKeyboard(page, 'HELLO-WORLD-42', 10);
    await expect.poll(() => page.getByTestId('scan-notice').count(), { timeout: 5_000, message: `scan not recognised: ${describeGaps(junk)}` }).toBe(1);
    expect(await page.getByTestId('scan-notice').textContent()).toContain('Mã vừa quét "HELLO-WORLD-42" không phải mã hồ sơ');
    expect(await input.inputValue()).toBe('');
    expect(page.url()).toMatch(/#\/tra-ket-qua$/);
    // The same burst into the field is the officer's typing: it stays, and its Enter looks it up.
    await input.focus();
    await scanWithKeyboard(page, 'HELLO-WORLD-42', 10);
    await expect.poll(() => page.getByTestId('return-error').textContent()).toContain('"HELLO-WORLD-42" không phải mã hồ sơ');
    expect(await input.inputValue()).toBe('HELLO-WORLD-42');
  });

  it('shows overdue in red and due soon after the clock moves on, per officer, and updates live', async () => {
    // Wednesday 10:00: the same-day dossier of Cường is overdue; Bình's 3-day dossier (due Thu 09:00) is due soon.
    await page.clock.setSystemTime(new Date('2025-11-26T03:00:00Z'));
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cảnh báo' }).click();
    await expect.poll(() => page.getByTestId('alert-count-overdue').textContent()).toContain('1');
    await expect.poll(() => page.getByTestId('alert-count-due-soon').textContent()).toContain('1');
    expect(await page.getByTestId('alert-list-overdue').textContent()).toContain('Lê Văn Cường');
    expect(await page.getByTestId('alert-list-due-soon').textContent()).toContain('Trần Thị Bình');
    const overdueColor = await page.getByTestId('alert-list-overdue').locator('[data-deadline=overdue]').first().evaluate((el) => getComputedStyle(el).color);
    expect(overdueColor).toBe('rgb(179, 38, 30)');
    expect(await page.getByTestId('per-officer').textContent()).toContain('Nguyễn Thị Quản Trị');
    await page.screenshot({ path: join(artifacts, 'tracking-alerts.png') });

    // Thursday 09:30, while the screen stays open: the minute tick moves Bình to overdue.
    await page.clock.setSystemTime(new Date('2025-11-27T02:29:00Z'));
    await page.clock.fastForward('01:05');
    await expect.poll(() => page.getByTestId('alert-count-overdue').textContent()).toContain('2');

    await openList(page);
    await page.getByRole('group', { name: 'Bộ lọc hồ sơ' }).getByLabel('Hạn xử lý').selectOption('overdue');
    await expect.poll(() => rows(page).count()).toBe(2);
  });

  it('shows the settings with the desk identity and the bridge error for thermal printing in web mode', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
    await expect.poll(() => page.getByTestId('identity-source').textContent()).toContain('Khai báo tại máy này');
    await page.getByLabel('Máy in nhiệt 80 mm').fill('tcp://192.168.1.50:9100');
    await page.getByRole('button', { name: 'Kiểm tra máy in nhiệt' }).click();
    await expect.poll(() => page.getByTestId('printer-message').textContent()).toContain('chỉ dùng được trong ứng dụng');
    await page.getByLabel('Máy in nhiệt 80 mm').fill('192.168.1.50');
    await page.getByRole('button', { name: 'Lưu máy in' }).click();
    await expect.poll(() => page.getByTestId('printer-message').textContent()).toContain('tcp://');
    await page.getByLabel('Buổi 2 kết thúc').fill('12:00');
    await page.getByRole('button', { name: 'Lưu giờ làm việc' }).click();
    await expect.poll(() => page.locator('.settings-screen [role=alert]').first().textContent()).toContain('Giờ làm việc không hợp lệ');
    await page.getByLabel('Buổi 2 kết thúc').fill('17:00');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Xuất dữ liệu' }).click();
    expect((await download).suggestedFilename()).toMatch(/^motcua-nhat-ky-000\.00\.12\.H23-.*\.json$/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(artifacts, 'tracking-settings.png') });
  });

  it('keeps all data after a reload', async () => {
    await page.reload();
    await page.getByTestId('topbar').waitFor();
    await openList(page);
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByRole('searchbox', { name: 'Tìm hồ sơ' }).fill(codes.an);
    await expect.poll(() => rows(page).first().textContent()).toContain('Đã trả kết quả');
  });
});
