import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { openScreen } from './support/counter.ts';
import { openFreshDesk } from './support/desk.ts';

/**
 * Issue 20, point 2: every path of a dossier after reception, driven through the detail screen
 * with its keys as an officer does (the desk's local administrator may take every action): the
 * supplement and its resume, a second supplement, refusal, apology with a new date, the financial
 * obligation asked and paid, withdrawal, stop. Each printed notice is decoded with ZXing; the
 * report of November 2025 then counts each dossier in its column.
 */

const artifacts = join(import.meta.dirname, 'artifacts');
/** Monday 24/11/2025 09:00 in Hà Nội. */
const MONDAY_9AM = new Date('2025-11-24T02:00:00Z');
const at = (text: string) => new Date(`${text}+07:00`);

/** Receives a 3-working-day dossier (marital status certificate, 1.004873) on the receive screen; returns its code. */
async function receive(page: Page, fullName: string, citizenId: string): Promise<string> {
  await go(page, '/');
  await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ', level: 1 }).waitFor();
  await page.locator('#procedure-search').fill('1.004873');
  await page.locator('#procedure-search').press('Enter');
  await page.getByLabel('Họ và tên').fill(fullName);
  await page.getByLabel('Số định danh (CCCD)').fill(citizenId);
  const fee = page.getByLabel('Số tiền thu (đồng)');
  if ((await fee.count()) > 0 && (await fee.isEditable())) await fee.fill('10000');
  await page.getByLabel('Họ và tên').press('Enter');
  const notice = page.getByTestId('receive-notice').filter({ hasText: `của ${fullName}` });
  await notice.waitFor({ timeout: 10_000 });
  const code = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1];
  if (!code) throw new Error('no dossier code in the receive notice');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  return code;
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    window.location.hash = target;
  }, hash);
}

async function openDetail(page: Page, code: string): Promise<void> {
  await go(page, `/ho-so/${encodeURIComponent(code)}`);
  await expect.poll(() => page.getByTestId('detail-code').textContent()).toBe(code);
  await toolbar(page).waitFor();
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
const statusText = (page: Page) => page.locator('.detail-badges [data-status]').textContent();
const dueText = (page: Page) => page.locator('.detail-due').textContent();

/** Presses an action's key on the detail screen and waits for its dialog. */
async function pressAction(page: Page, letter: string): Promise<void> {
  // Under load the detail's code shows before its actions are live: a key pressed in between is
  // ignored, so the key is pressed again until its dialog opens.
  await vi.waitFor(
    async () => {
      if (!(await page.getByRole('dialog').isVisible())) await page.keyboard.press(`Alt+Key${letter}`);
      await page.getByRole('dialog').waitFor({ timeout: 2_000 });
    },
    { timeout: 30_000, interval: 100 },
  );
}

/**
 * The print preview that follows an action: its form number (Circular 01/2018/TT-VPCP), the
 * sheet's text, its barcode decoded by ZXing, a screenshot.
 */
async function checkPrinted(page: Page, form: string, code: string, screenshot: string, formNumber: string): Promise<string> {
  const preview: FrameLocator = page.frameLocator('iframe.print-preview');
  const sheet = preview.getByTestId(`${form}-sheet`).first();
  await sheet.waitFor();
  expect(await sheet.getByTestId('form-number').textContent()).toBe(formNumber);
  const text = (await sheet.textContent()) ?? '';
  expect(text).toContain(code);
  await page.screenshot({ path: join(artifacts, `${screenshot}.png`) });
  const png = await preview.getByTestId('barcode').first().screenshot();
  const decoded = await decodeBarcodes(new Uint8Array(png));
  expect(decoded.map((result) => [result.format, result.text])).toContainEqual(['Code128', code]);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  return text;
}

describe('every path after reception, on the detail screen', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const codes = { supplement: '', refused: '', apology: '', obligation: '', withdrawn: '', stopped: '', plain: '' };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    ({ context, page } = await openFreshDesk(browser, { now: MONDAY_9AM }));
    await page.setViewportSize({ width: 1366, height: 768 });
    codes.supplement = await receive(page, 'Nguyễn Văn Bổ', '001095012341');
    codes.refused = await receive(page, 'Trần Thị Chối', '001195012342');
    codes.apology = await receive(page, 'Lê Văn Hẹn', '001090012343');
    codes.obligation = await receive(page, 'Phạm Thị Nộp', '001195012344');
    codes.withdrawn = await receive(page, 'Hoàng Văn Rút', '001090012345');
    codes.stopped = await receive(page, 'Vũ Thị Dừng', '001195012346');
    codes.plain = await receive(page, 'Đỗ Văn Thường', '001090012347');
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('asks for a supplement (Alt+B), prints form 02, and resumes (Alt+S) with the working time already used', async () => {
    await openDetail(page, codes.supplement);
    expect(await dueText(page)).toContain('27/11/2025');
    await pressAction(page, 'N');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');

    await pressAction(page, 'B');
    expect(await page.getByTestId('second-supplement-warning').count()).toBe(0);
    await page.keyboard.type('Bản sao Giấy khai sinh có chứng thực');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thiếu giấy tờ chứng minh nhân thân');
    await page.screenshot({ path: join(artifacts, 'legal-paths-supplement-dialog.png') });
    await page.keyboard.press('Control+Enter');
    const sheet = await checkPrinted(page, 'supplement-request', codes.supplement, 'legal-paths-form-02', 'Mẫu số 02');
    expect(sheet).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(sheet).toContain('Nguyễn Văn Bổ');
    expect(sheet).toContain('Bản sao Giấy khai sinh có chứng thực');
    expect(sheet).toContain('Thiếu giấy tờ chứng minh nhân thân');
    expect(sheet).toContain('Ông/Bà liên hệ');
    await expect.poll(() => statusText(page)).toBe('Yêu cầu bổ sung');
    expect(await page.locator('.detail-badges [data-deadline]').textContent()).toBe('Tạm dừng tính hạn');

    // The citizen comes back the next morning: one working day used before, a working day paused.
    await page.clock.setSystemTime(at('2025-11-25T09:00:00'));
    await pressAction(page, 'S');
    const newDue = (await page.getByTestId('new-due').textContent()) ?? '';
    // Due Thursday 09:00; paused from Monday about 09:0x to Tuesday 09:00 (8 working hours less a few minutes): Friday about 09:00.
    expect(newDue).toMatch(/0[89] giờ \d\d phút, ngày 28\/11\/2025|0[89]:\d\d 28\/11\/2025/);
    await page.screenshot({ path: join(artifacts, 'legal-paths-supplement-received.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');
    expect(await dueText(page)).toContain('28/11/2025');
  });

  it('warns before a second supplement request on the same dossier, records it, then resolves it', async () => {
    await openDetail(page, codes.supplement);
    await pressAction(page, 'B');
    const warning = page.getByTestId('second-supplement-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('đã được yêu cầu bổ sung 1 lần');
    expect(await warning.textContent()).toContain('trễ hạn');
    await page.screenshot({ path: join(artifacts, 'legal-paths-second-supplement-warning.png') });
    await page.keyboard.type('Bản sao sổ hộ khẩu');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Giấy tờ nộp lần trước không hợp lệ');
    await page.keyboard.press('Control+Enter');
    const second = await checkPrinted(page, 'supplement-request', codes.supplement, 'legal-paths-form-02-second', 'Mẫu số 02');
    expect(second).toContain('Bản sao sổ hộ khẩu');
    expect(second).toContain('Giấy tờ nộp lần trước không hợp lệ');
    await pressAction(page, 'S');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');
    await pressAction(page, 'G');
    await page.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
    await expect.poll(() => statusText(page)).toBe('Đã giải quyết');
  });

  it('refuses after reception (Alt+U) and prints form 03', async () => {
    await openDetail(page, codes.refused);
    await pressAction(page, 'U');
    await page.keyboard.type('Người yêu cầu không thuộc đối tượng được cấp');
    await page.keyboard.press('Control+Enter');
    const sheet = await checkPrinted(page, 'refusal', codes.refused, 'legal-paths-form-03', 'Mẫu số 03');
    expect(sheet).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(sheet).toContain('không thuộc đối tượng được cấp');
    await expect.poll(() => statusText(page)).toBe('Từ chối');
    expect(await toolbar(page).locator('[data-action]').count()).toBe(0);
  });

  it('apologises with a new date (Alt+H), prints the apology letter, and the detail and the list show the new date', async () => {
    await openDetail(page, codes.apology);
    await pressAction(page, 'N');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');
    await pressAction(page, 'H');
    await page.keyboard.type('03/12/2025');
    await page.getByLabel('Giờ (HH:mm)').fill('09:00');
    await page.getByLabel('Lý do chậm trả kết quả').fill('Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây');
    await page.screenshot({ path: join(artifacts, 'legal-paths-apology-dialog.png') });
    await page.getByLabel('Lý do chậm trả kết quả').press('Control+Enter');
    // The apology letter is Mẫu số 05 in the 2018 numbering (04 in the 2025 one, kept as data).
    const sheet = await checkPrinted(page, 'apology-extension', codes.apology, 'legal-paths-form-apology', 'Mẫu số 05');
    expect(sheet).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(sheet).toContain('Lê Văn Hẹn');
    expect(sheet).toContain('Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây');
    expect(sheet).toContain('03/12/2025');
    expect(await dueText(page)).toContain('09:00 03/12/2025');
  });

  it('asks for the financial obligation (Alt+V), stops the clock, and takes the payment (Alt+P) with a new date', async () => {
    await openDetail(page, codes.obligation);
    expect(await toolbar(page).locator('[data-unavailable-action=FINANCIAL_OBLIGATION_REQUESTED]').count()).toBe(1);
    await page.keyboard.press('Alt+KeyV');
    await expect.poll(() => page.getByTestId('action-unavailable').textContent()).toContain('Hồ sơ chưa được nhận xử lý.');
    await pressAction(page, 'N');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');
    expect(await dueText(page)).toContain('27/11/2025');

    await pressAction(page, 'V');
    await page.keyboard.type('Nộp lệ phí cấp giấy xác nhận tại Kho bạc Nhà nước quận');
    await page.keyboard.press('Tab');
    await page.keyboard.type('50.000');
    await page.screenshot({ path: join(artifacts, 'legal-paths-obligation-dialog.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Chờ thực hiện nghĩa vụ tài chính');
    expect(await page.locator('.detail-badges [data-deadline]').textContent()).toBe('Tạm dừng tính hạn');
    expect(await page.getByTestId('route').textContent()).toContain('Số tiền: 50.000 đồng');
    // While the citizen pays, the dossier cannot be resolved nor refused.
    expect(await toolbar(page).locator('[data-action=RESOLVED]').count()).toBe(0);
    expect(await toolbar(page).locator('[data-action=REFUSED]').count()).toBe(0);

    // Paid on Wednesday 09:00: one working day paused, so the due moves a working day later.
    await page.clock.setSystemTime(at('2025-11-26T09:00:00'));
    await pressAction(page, 'P');
    expect(await page.getByTestId('new-due').textContent()).toContain('28/11/2025');
    await page.screenshot({ path: join(artifacts, 'legal-paths-obligation-fulfilled.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');
    expect(await dueText(page)).toContain('28/11/2025');
  });

  it('records a withdrawal (Alt+R) with the written request of the citizen', async () => {
    await openDetail(page, codes.withdrawn);
    await pressAction(page, 'R');
    expect(await page.getByLabel('Người đề nghị rút hồ sơ').inputValue()).toBe('Hoàng Văn Rút');
    expect(await page.getByLabel('Giấy tờ đề nghị').inputValue()).toBe('Đơn đề nghị rút hồ sơ');
    expect(await page.getByLabel('Ngày ghi trên đơn (dd/MM/yyyy)').inputValue()).toBe('26/11/2025');
    await page.keyboard.type('Công dân không còn nhu cầu xác nhận');
    await page.screenshot({ path: join(artifacts, 'legal-paths-withdraw-dialog.png') });
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => statusText(page)).toBe('Rút hồ sơ');
    const route = (await page.getByTestId('route').textContent()) ?? '';
    expect(route).toContain('Người đề nghị: Hoàng Văn Rút (001090012345)');
    expect(route).toContain('Đơn đề nghị rút hồ sơ ngày 26/11/2025');
  });

  it('stops processing (Alt+L) and prints the stop notice', async () => {
    await openDetail(page, codes.stopped);
    await pressAction(page, 'N');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusText(page)).toBe('Đang giải quyết');
    await pressAction(page, 'L');
    await page.keyboard.type('Có văn bản của Tòa án về việc tranh chấp liên quan');
    await page.keyboard.press('Control+Enter');
    // The 2018 circular has no stop notice: it prints the 2025 number and names that circular.
    const sheet = await checkPrinted(page, 'stop-notice', codes.stopped, 'legal-paths-form-stop', 'Mẫu số 05 (Thông tư số 03/2025/TT-VPCP)');
    expect(sheet).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(sheet).toContain('Vũ Thị Dừng');
    expect(sheet).toContain('Có văn bản của Tòa án về việc tranh chấp liên quan');
    await expect.poll(() => statusText(page)).toBe('Dừng giải quyết');
  });

  it('shows the new dates in the list and the alerts: the apology dossier is due soon, not overdue', async () => {
    // Tuesday 02/12 10:00: the plain dossier (due 27/11) is overdue; the apology dossier is due 03/12 09:00.
    await page.clock.setSystemTime(at('2025-12-02T10:00:00'));
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await page.getByRole('heading', { name: 'Hồ sơ', level: 1 }).waitFor();
    const row = page.locator(`.dossier-scroll [role=row][data-code="${codes.apology}"]`);
    await expect.poll(() => row.textContent()).toContain('03/12/2025');
    await page.screenshot({ path: join(artifacts, 'legal-paths-list.png') });

    await openScreen(page, 'Cảnh báo');
    await expect.poll(() => page.getByTestId('alert-list-overdue').textContent()).toContain('Đỗ Văn Thường');
    await expect.poll(() => page.getByTestId('alert-list-due-soon').textContent()).toContain('Lê Văn Hẹn');
    expect(await page.getByTestId('alert-list-overdue').textContent()).not.toContain('Lê Văn Hẹn');
    await page.screenshot({ path: join(artifacts, 'legal-paths-alerts.png') });
  });

  it('counts each dossier in its column of the November report', async () => {
    // The apology dossier finishes before its new date: counted late all the same (README, "Statistics").
    await openDetail(page, codes.apology);
    await pressAction(page, 'G');
    await page.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
    await expect.poll(() => statusText(page)).toBe('Đã giải quyết');

    await openScreen(page, 'Báo cáo');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    await page.getByLabel('Tháng', { exact: true }).selectOption('11');
    await expect.poll(() => page.getByTestId('report-period').textContent()).toContain('Tháng 11/2025');
    const total = page.getByTestId('official-table').locator('tr[data-row-key="total"]');
    const figure = (name: string) => total.locator(`td[data-figure="${name}"]`).textContent();
    // November, judged at its end: 7 received; the twice-supplemented one resolved 25/11, before its
    // due date, is late; the withdrawal is finished on time; refused 1; stopped 1 (paused); the
    // apology (resolved in December), the obligation (resumed) and the plain one are in processing.
    await expect.poll(() => figure('received.total'), { timeout: 30_000 }).toBe('7');
    expect(await figure('finished.late')).toBe('1');
    expect(await figure('finished.early')).toBe('0');
    expect(await figure('finished.onTime')).toBe('1');
    expect(await figure('withdrawn')).toBe('1');
    expect(await figure('refused')).toBe('1');
    expect(await figure('paused')).toBe('1');
    expect(await figure('inProcessing.total')).toBe('3');
    await page.screenshot({ path: join(artifacts, 'legal-paths-report-november.png') });

    // December: three carried over; the apology dossier, resolved 02/12 before its new date, is late.
    await page.getByLabel('Tháng', { exact: true }).selectOption('12');
    await expect.poll(() => page.getByTestId('report-period').textContent()).toContain('Tháng 12/2025');
    await expect.poll(() => figure('carriedOver'), { timeout: 30_000 }).toBe('3');
    expect(await figure('finished.late')).toBe('1');
    expect(await figure('finished.early')).toBe('0');
    expect(await figure('finished.onTime')).toBe('0');
    expect(await figure('inProcessing.total')).toBe('2');
    await page.screenshot({ path: join(artifacts, 'legal-paths-report-december.png') });
  });
});
