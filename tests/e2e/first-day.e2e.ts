import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.ts';
import { TEST_DESK, openFreshDesk } from './support/desk.ts';
import { sendKeys, unikeyKeys } from './support/fast-keys.ts';
import { describeGaps, scanWithKeyboard } from './support/scanner.ts';
import { receiveBirthRegistration } from './support/counter.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
/** Monday 24/11/2025 09:00 in Hà Nội. */
const MONDAY_9AM = new Date('2025-11-24T02:00:00Z');
const TUESDAY_9AM = new Date('2025-11-25T02:00:00Z');
const WEDNESDAY_9AM = new Date('2025-11-26T02:00:00Z');
const code = (day: string, sequence: number) => `${TEST_DESK.agencyId}-${day}-${sequence}`;
const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: label, exact: true }).click();
const rows = (page: Page) => page.locator('.dossier-scroll [role=row][data-code]');

/** Every word group of the printed header is drawn on one line (never broken inside). */
async function headerGroups(preview: FrameLocator): Promise<{ text: string; lines: number; top: number }[]> {
  const sheet = preview.getByTestId('receipt-sheet').first();
  await sheet.waitFor();
  return sheet.locator('.form-header .word-group').evaluateAll((groups) =>
    groups.map((group) => ({ text: group.textContent ?? '', lines: group.getClientRects().length, top: Math.round(group.getBoundingClientRect().top) })),
  );
}

describe('an officer’s first day: plain words, dates that can be, typing never eaten, a tidy receipt', () => {
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
  // Each point is checked on its own: a failed step must not leave a dialog over the next one.
  afterEach(async () => {
    for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i += 1) await page.keyboard.press('Escape');
  });

  it('keeps Unikey and text-expander bursts exactly as typed, and refuses birth dates that cannot be, saying which', async () => {
    await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
    await page.locator('#procedure-search').fill('1.001193');
    await page.locator('#procedure-search').press('Enter');
    await expect.poll(() => page.getByTestId('selected-procedure').textContent()).toContain('Đăng ký khai sinh');

    // Unikey (Telex): every accented letter is a Backspace and the new letter, sent at machine speed.
    await page.getByLabel('Họ và tên').click();
    await sendKeys(page, unikeyKeys('Nguyễn Thị Ngọc Anh'), 2);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Ngọc Anh');

    // A text expander types a whole phrase in a millisecond a key and the officer's Enter follows
    // at once: the text stays, and Enter does what Enter does in the form (save), not a "scan".
    await page.getByLabel('Ngày sinh').fill('31/02/1990');
    await page.getByLabel('Ghi chú').click();
    await sendKeys(page, [...'Nộp thay cho con gái, đã đối chiếu bản chính', 'Enter'], 1);
    expect(await page.getByLabel('Ghi chú').inputValue()).toBe('Nộp thay cho con gái, đã đối chiếu bản chính');
    expect(await page.getByTestId('scan-notice').count()).toBe(0);
    const birthError = page.locator('label', { hasText: 'Ngày sinh' }).locator('.field-error');
    await expect.poll(() => birthError.textContent()).toBe('Ngày sinh 31/02/1990 không có thật: tháng 02/1990 chỉ có 28 ngày.');
    expect(await page.getByTestId('receive-notice').textContent()).toContain('Hồ sơ chưa lưu');
    await page.screenshot({ path: join(artifacts, 'first-day-receive-errors.png') });

    await page.getByLabel('Ngày sinh').fill('05/09/2030');
    await page.getByLabel('Ngày sinh').press('Enter');
    await expect.poll(() => birthError.textContent()).toBe('Ngày sinh không được sau hôm nay.');
    await page.getByLabel('Ngày sinh').fill('05/09/1890');
    await page.getByLabel('Ngày sinh').press('Enter');
    await expect.poll(() => birthError.textContent()).toBe('Ngày sinh không được trước năm 1900.');

    await page.getByLabel('Ngày sinh').fill('05/09/1990');
    await page.getByLabel('Ngày sinh').press('Enter');
    await expect.poll(() => page.getByTestId('receive-notice').textContent()).toContain(`Đã tiếp nhận hồ sơ ${code('251124', 1001)} của Nguyễn Thị Ngọc Anh`);
    await page.getByRole('dialog').waitFor();
  });

  it('prints the header broken between word groups only, the shown paper as "xuất trình", and says the next print is a copy', async () => {
    await page.evaluate((target) => (window.location.hash = target), `/ho-so/${encodeURIComponent(code('251124', 1001))}`);
    await page.getByRole('button', { name: 'In lại giấy biên nhận' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const preview = page.frameLocator('iframe.print-preview');
    const a4 = await headerGroups(preview);
    expect(a4.map((group) => group.text)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH', 'BỘ PHẬN TIẾP NHẬN', 'VÀ TRẢ KẾT QUẢ']);
    expect(a4.every((group) => group.lines === 1)).toBe(true);
    const papers = preview.getByTestId('receipt-sheet').first().locator('table.papers');
    await expect.poll(() => papers.locator('tr', { hasText: 'Giấy tờ tùy thân' }).textContent()).toContain('Xuất trình');
    await page.screenshot({ path: join(artifacts, 'first-day-receipt-a4.png') });

    await dialog.getByText('A5', { exact: false }).first().click();
    await expect.poll(() => page.locator('iframe.print-preview').getAttribute('data-page-size')).toBe('A5');
    const a5 = await headerGroups(preview);
    // The A5 column is too narrow for "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH" on one line: it breaks
    // between the two groups, each of them whole.
    expect(a5.every((group) => group.lines === 1)).toBe(true);
    expect(a5[1]!.top).toBeGreaterThan(a5[0]!.top);
    expect(a5[3]!.top).toBeGreaterThan(a5[2]!.top);
    await page.screenshot({ path: join(artifacts, 'first-day-receipt-a5.png') });

    await dialog.getByRole('button', { name: /^In/ }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Lần in sau sẽ được đánh dấu BẢN SAO.');
    await expect.poll(() => preview.getByTestId('reprint-mark').count()).toBe(2);
    await page.screenshot({ path: join(artifacts, 'first-day-receipt-printed.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('finds a dossier in the list by its last digits, its day and number, or two words of the name; errors speak plainly', async () => {
    await receiveBirthRegistration(page, 'Trần Văn Bình', { pickBy: 'code' });
    await receiveBirthRegistration(page, 'Lê Văn Cường', { pickBy: 'code' });
    await nav(page, 'Hồ sơ');
    const search = page.getByRole('searchbox', { name: 'Tìm hồ sơ' });
    const onlyRow = async (text: string, expected: string) => {
      await search.fill(text);
      await expect.poll(() => rows(page).evaluateAll((all) => all.map((row) => row.getAttribute('data-code'))), { message: text }).toEqual([expected]);
    };
    await onlyRow('1001', code('251124', 1001));
    await onlyRow('251124-1002', code('251124', 1002));
    await onlyRow('3', code('251124', 1003));
    await onlyRow('thi ngoc', code('251124', 1001));
    await onlyRow('VAN CUONG', code('251124', 1003));
    // Two of the name's words with two words skipped between them.
    await onlyRow('nguyen anh', code('251124', 1001));
    await page.screenshot({ path: join(artifacts, 'first-day-list-search.png') });

    await search.fill('1009');
    await expect.poll(() => page.locator('.dossier-list-screen [role=status]').first().textContent()).toBe('Không tìm thấy hồ sơ số 1009 hôm nay.');
    await search.fill('abc.12-251124');
    const error = page.locator('.dossier-list-screen [role=alert]').first();
    await expect.poll(() => error.textContent()).toContain('Không đọc được mã hồ sơ "abc.12-251124"');
    expect(await error.textContent()).not.toMatch(/YYMMDD|NNNN|không đúng dạng/);

    // A received-date filter that cannot be says which date and why.
    await search.fill('');
    await page.getByLabel('Nhận từ ngày (dd/mm/yyyy)').fill('31/02/2025');
    await expect.poll(() => page.getByTestId('date-filter-error').textContent()).toBe('Ngày bắt đầu 31/02/2025 không có thật: tháng 02/2025 chỉ có 28 ngày.');
    await page.getByLabel('Nhận từ ngày (dd/mm/yyyy)').fill('24/11/2025');
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(await page.getByTestId('date-filter-error').count()).toBe(0);
    await page.getByRole('button', { name: 'Xoá bộ lọc' }).click();
    await page.screenshot({ path: join(artifacts, 'first-day-list.png') });
  });

  it('on the return screen, lists the candidates of a number that is not today’s and opens the one picked', async () => {
    await page.clock.setSystemTime(TUESDAY_9AM);
    expect(await receiveBirthRegistration(page, 'Phạm Thị Dung', { pickBy: 'code' })).toBe(code('251125', 1001));
    await page.clock.setSystemTime(WEDNESDAY_9AM);

    await nav(page, 'Trả kết quả');
    const input = page.getByLabel('Mã hồ sơ');
    await input.fill('7');
    await input.press('Enter');
    await expect.poll(() => page.getByTestId('return-error').textContent()).toBe('Không tìm thấy hồ sơ số 7 hôm nay.');

    await input.fill('1001');
    await input.press('Enter');
    const candidates = page.getByTestId('return-candidates');
    await expect.poll(() => candidates.locator('p').textContent()).toBe('Không tìm thấy hồ sơ số 1001 hôm nay. Có 2 hồ sơ số 1001 trong 30 ngày gần đây: chọn hồ sơ cần mở.');
    expect(await candidates.locator('button .return-code').allTextContents()).toEqual([code('251125', 1001), code('251124', 1001)]);
    await page.screenshot({ path: join(artifacts, 'first-day-return-candidates.png') });
    // The newest has the focus: ↓ then Enter opens Monday's.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('return-card').waitFor();
    expect(await page.locator('.return-card .return-name').textContent()).toBe('Nguyễn Thị Ngọc Anh');
    expect(await input.inputValue()).toBe(code('251124', 1001));
    expect(await page.getByTestId('return-blocked').textContent()).toContain('chưa giải quyết xong');

    // The receipt's QR, scanned into the field: its code is read out of the lookup address.
    await input.fill('');
    await input.focus();
    const gaps = await scanWithKeyboard(page, `http://localhost:8080/tra-cuu?ma=${code('251124', 1002)}`, 8);
    await expect.poll(() => page.locator('.return-card .return-name').textContent(), { message: describeGaps(gaps) }).toBe('Trần Văn Bình');
    expect(await input.inputValue()).toBe(code('251124', 1002));
  });

  it('adds a line on Enter in a multi-line field, saves on Ctrl+Enter, and checks the new appointment date', async () => {
    await nav(page, 'Hồ sơ');
    await rows(page).filter({ hasText: 'Lê Văn Cường' }).click();
    const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
    await toolbar.locator('[data-action=ACCEPTED]').click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => toolbar.locator('[data-action=EXTENDED]').count()).toBe(1);

    await toolbar.locator('[data-action=EXTENDED]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Ngày hẹn trả mới (dd/MM/yyyy)').fill('31/11/2025');
    await dialog.getByLabel('Giờ (HH:mm)').fill('09:00');
    const reason = dialog.getByLabel('Lý do chậm trả kết quả');
    await reason.click();
    await page.keyboard.type('Chờ kết quả xác minh');
    await page.keyboard.press('Enter');
    await page.keyboard.type('của công an xã');
    expect(await reason.inputValue()).toBe('Chờ kết quả xác minh\ncủa công an xã');
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => dialog.locator('.field-error').first().textContent()).toBe('Ngày hẹn trả mới 31/11/2025 không có thật: tháng 11/2025 chỉ có 30 ngày.');
    await page.screenshot({ path: join(artifacts, 'first-day-extension-errors.png') });

    await dialog.getByLabel('Ngày hẹn trả mới (dd/MM/yyyy)').fill('27/11/2025');
    await reason.press('Control+Enter');
    // The apology form opens for printing: its header, too, breaks between groups only.
    const preview = page.frameLocator('iframe.print-preview');
    await preview.locator('.sheet').first().waitFor();
    const groups = await preview.locator('.sheet').first().locator('.form-header .word-group').evaluateAll((all) => all.map((group) => group.getClientRects().length));
    expect(groups).toEqual([1, 1, 1, 1]);
    await page.screenshot({ path: join(artifacts, 'first-day-apology-a4.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('route').textContent()).toContain('Chờ kết quả xác minh');
    await page.screenshot({ path: join(artifacts, 'first-day-detail.png') });
  });
});
