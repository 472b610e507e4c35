import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectedDigitisation, expectedFigures } from '../integration/reports/expected-figures.ts';
import type { ExpectedDigitisation, ExpectedFigures } from '../integration/reports/expected-figures.ts';
import { generateReportDataset } from '../support/report-dataset.ts';
import type { ReportDataset } from '../support/report-dataset.ts';
import { launchChromium } from './support/chromium.ts';
import { logIn, openFreshDesk, TEST_DESK } from './support/desk.ts';
import { seedDeskEvents } from './support/report-seed.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const NOW = Date.parse('2025-12-01T09:00:00+07:00');
const PERIOD = { from: '2025-11-01', to: '2025-11-30' };

/** Figures in the order of the table's columns (see renderer/reports/official-columns.ts). */
const inColumnOrder = (f: ExpectedFigures) => [
  f.carriedOver, f.received.inPerson, f.received.online, f.received.post, f.received.total,
  f.finished.total, f.finished.early, f.finished.onTime, f.finished.late,
  f.inProcessing.total, f.inProcessing.notDue, f.inProcessing.overdue, f.paused, f.refused, f.withdrawn,
];

describe('reports screen, end to end', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataset: ReportDataset;
  let expected: ExpectedFigures;
  let scans: ExpectedDigitisation;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    dataset = generateReportDataset({ seed: 7_2025, units: 2, perDay: 3, from: '2025-08-01', to: '2025-11-30' });
    const unit = TEST_DESK.agencyId;
    const plans = dataset.dossiers.map((d) => d.plan).filter((p) => p.unitId === unit);
    expected = expectedFigures(plans, PERIOD.from, PERIOD.to, Date.parse(`${PERIOD.to}T24:00:00+07:00`));
    scans = expectedDigitisation(plans, PERIOD.from, PERIOD.to);
    const desk = await openFreshDesk(browser, { now: NOW });
    context = desk.context;
    // The app holds the database while open: seed it like a sync pull with the app closed.
    await desk.page.close();
    const visible = dataset.dossiers.filter((d) => d.plan.unitId === unit || d.plan.transferredTo === unit);
    await seedDeskEvents(context, visible.flatMap((d) => d.events));
    page = await context.newPage();
    await page.goto(inject('rendererUrl'));
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await logIn(page);
  }, 240_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
  });

  it('shows the official table of November 2025 with the expected figures', async () => {
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
    // The desk clock is 01/12/2025: the default month is December; choose November.
    await page.getByLabel('Tháng', { exact: true }).selectOption('11');
    await expect.poll(() => page.getByTestId('report-period').textContent()).toContain('Tháng 11/2025');
    const total = page.getByTestId('official-table').locator('tr[data-row-key="total"] td.figure:not(.rate)');
    await expect.poll(() => total.allTextContents(), { timeout: 30_000 }).toEqual(inColumnOrder(expected).map((n) => n.toLocaleString('vi-VN')));
    const rate = await page.getByTestId('official-table').locator('tr[data-row-key="total"] td.rate').textContent();
    expect(rate).toBe(expected.onTimeRate === null ? '—' : expected.onTimeRate.toLocaleString('vi-VN', { minimumFractionDigits: 1 }));
    const digitisation = await page.getByTestId('report-digitisation').textContent();
    expect(digitisation).toContain(`Tỷ lệ số hóa hồ sơ: ${scans.papersDigitised}/${scans.received} (`);
    expect(digitisation).toContain(`Tỷ lệ số hóa kết quả: ${scans.resultsDigitised}/${scans.resolved} (`);
    await page.screenshot({ path: join(artifacts, 'reports-table.png') });
  });

  it('lists the dossiers behind a figure and opens one of them', async () => {
    const cell = page.getByTestId('official-table').locator('tr[data-row-key="total"] td[data-figure="finished.early"] button');
    await cell.click();
    const list = page.getByTestId('figure-dossiers');
    await list.waitFor();
    await expect.poll(() => list.locator('tbody tr').count()).toBe(expected.finished.early);
    await expect.poll(() => page.getByRole('dialog').locator('h2').textContent()).toContain(`${expected.finished.early} hồ sơ`);
    await page.screenshot({ path: join(artifacts, 'reports-click-through.png') });
    const firstCode = (await list.locator('tbody tr').first().getByRole('button').textContent()) ?? '';
    await list.locator('tbody tr').first().getByRole('button').click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain(`#/ho-so/${firstCode}`);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo' }).waitFor();
  });

  it('exports an .xlsx whose cells match the screen, cell by cell', async () => {
    await page.getByLabel('Tháng', { exact: true }).selectOption('11');
    await expect.poll(() => page.getByTestId('official-table').locator('tr[data-row-key="total"] td.figure').first().textContent(), { timeout: 30_000 }).toBe(
      expected.carriedOver.toLocaleString('vi-VN'),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-2025-11-01_2025-11-30.xlsx');
    const path = join(artifacts, 'reports-export.xlsx');
    await download.saveAs(path);
    const book = new ExcelJS.Workbook();
    const data = readFileSync(path);
    await book.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet('Báo cáo tổng hợp');
    if (!sheet) throw new Error('no sheet');
    expect(sheet.getCell(1, 1).value).toBe(TEST_DESK.unitName);
    expect(sheet.getCell(3, 1).value).toBe('Tháng 11/2025');
    // The total closes the table; the two digitisation lines follow it, a blank row apart.
    const last = sheet.rowCount - 3;
    expect(sheet.getCell(last, 2).value).toBe('Tổng cộng');
    expect((sheet.getRow(last + 2).values as unknown[]).slice(2)).toEqual([
      'Tỷ lệ số hóa hồ sơ (%)', expect.any(Number), 'Hồ sơ có thành phần đã số hóa', scans.papersDigitised, 'Hồ sơ tiếp nhận', scans.received,
    ]);
    expect(sheet.getCell(sheet.rowCount, 5).value).toBe(scans.resultsDigitised);
    inColumnOrder(expected).forEach((value, index) => {
      const cell = sheet.getCell(last, 3 + index);
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(value);
    });
    expect(sheet.getCell(last, 18).value).toBe(expected.onTimeRate);
    const ledger = book.getWorksheet('Sổ theo dõi hồ sơ');
    // Column 9: the receipt's book and line come first (Quyển số, STT), as on the printed ledger.
    expect(ledger?.getCell(4, 1).value).toBe('Quyển số');
    expect(ledger?.getCell(5, 9).type).toBe(ExcelJS.ValueType.Date);
  });

  it('shows the ledger and the charts', async () => {
    await page.getByRole('tab', { name: 'Sổ theo dõi hồ sơ' }).click();
    await page.getByTestId('ledger-table').waitFor();
    await page.screenshot({ path: join(artifacts, 'reports-ledger.png') });
    await page.getByRole('tab', { name: 'Biểu đồ' }).click();
    await page.getByTestId('deadline-chart').waitFor();
    const bars = page.getByTestId('received-chart').locator('rect');
    expect(await bars.count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(artifacts, 'reports-charts.png') });
  });
});
