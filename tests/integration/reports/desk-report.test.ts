import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeOfficialReport, listDossiersForFigure } from '../../../src/reports/official-report.ts';
import type { ReportRow } from '../../../src/reports/official-report.ts';
import type { DossierState } from '../../../src/dossier/dossier-state.ts';
import { dossierLedger } from '../../../src/reports/dossier-ledger.ts';
import { periodWindow } from '../../../src/reports/report-period.ts';
import { loadReportDossiers } from '../../../renderer/reports/load-report-dossiers.ts';
import { figureColumns } from '../../../renderer/reports/official-columns.ts';
import {
  buildReportWorkbook,
  type LedgerContact,
  LEDGER_FIRST_DATA_ROW,
  LEDGER_SHEET,
  OFFICIAL_FIRST_DATA_ROW,
  OFFICIAL_SHEET,
} from '../../../renderer/reports/official-workbook.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { generateReportDataset } from '../../support/report-dataset.ts';
import type { ReportDataset } from '../../support/report-dataset.ts';
import { openTestStore } from '../store/fixtures.ts';
import { expectedDigitisation, expectedFigures, expectedGroupLine } from './expected-figures.ts';
import type { ExpectedFigures } from './expected-figures.ts';
import { seedDesk, visibleTo } from './seed-desk.ts';

const asFigures = (row: ReportRow): ExpectedFigures => ({
  carriedOver: row.carriedOver,
  received: row.received,
  finished: row.finished,
  inProcessing: row.inProcessing,
  paused: row.paused,
  refused: row.refused,
  withdrawn: row.withdrawn,
  onTimeRate: row.onTimeRate,
});

const PERIODS = [
  { name: 'năm 2025 (qua Tết, 30/4, 2/9)', from: '2025-01-01', to: '2025-12-31' },
  { name: 'quý II/2025', from: '2025-04-01', to: '2025-06-30' },
  { name: 'tháng 01/2026 (có hồ sơ kỳ trước chuyển sang)', from: '2026-01-01', to: '2026-01-31' },
];

describe('desk report over a generated year of dossiers', () => {
  let dataset: ReportDataset;
  let store: DeskStore;
  const unitId = '000.00.12.H23';

  beforeAll(async () => {
    dataset = generateReportDataset({ seed: 20_251_122, units: 3, perDay: 3 });
    store = await openTestStore();
    const visible = visibleTo(unitId, dataset.dossiers);
    await seedDesk(store, visible.flatMap((d) => d.events));
    // Reports read the report days from here on (the fresh store built them at open).
    expect(await store.reportDays.isComplete()).toBe(true);
  }, 300_000);
  afterAll(async () => {
    await store?.close();
  });

  it.each(PERIODS)('equals the independent expectation for $name', async ({ from, to }) => {
    const period = { from, to };
    const dossiers = await loadReportDossiers(store, period, { unitId });
    const asOf = new Date(periodWindow(period).endMs).toISOString();
    const report = computeOfficialReport({ dossiers, period, groupBy: 'procedure', asOf });
    const plans = dataset.dossiers.map((d) => d.plan).filter((p) => p.unitId === unitId);
    expect(asFigures(report.total)).toEqual(expectedFigures(plans, from, to, Date.parse(asOf)));
    expect(report.skipped).toEqual([]);
    // The data set really exercises what it claims to.
    expect(plans.some((p) => p.linkedGroupId !== null)).toBe(true);
    expect(report.linkedGroups).toEqual(expectedGroupLine(plans, from, to));
    expect(plans.some((p) => p.transferredTo !== null)).toBe(true);
    expect(report.digitisation).toMatchObject(expectedDigitisation(plans, from, to));
    const { papersDigitised, received, resultsDigitised, resolved } = report.digitisation;
    expect(papersDigitised).toBeGreaterThan(0);
    expect(papersDigitised).toBeLessThan(received);
    expect(resultsDigitised).toBeGreaterThan(0);
    expect(resultsDigitised).toBeLessThan(resolved);
    for (const procedure of new Set(plans.map((p) => p.procedureCode))) {
      const row = report.rows.find((r) => r.key === procedure);
      const expected = expectedFigures(plans.filter((p) => p.procedureCode === procedure), from, to, Date.parse(asOf));
      if (row) expect(asFigures(row)).toEqual(expected);
      else expect(expected.received.total + expected.carriedOver).toBe(0);
    }
  });

  it('reads the same dossiers from the report days as from the projections', async () => {
    const fromProjections = { dossiers: store.dossiers, reportDays: { ...store.reportDays, isComplete: async () => false } };
    for (const period of PERIODS) {
      const [fast, slow] = await Promise.all([loadReportDossiers(store, period, { unitId }), loadReportDossiers(fromProjections, period, { unitId })]);
      expect(fast.length).toBeGreaterThan(0);
      // Fee receipts are read from the events by the fee report, never from report rows.
      const fields = (d: DossierState) => ({ ...d, eventIds: [], anomalies: [], handoverPending: undefined, deadlineState: undefined, feeReceipts: undefined, group: undefined, attachments: undefined });
      const byCode = (list: DossierState[]) => new Map(list.map((d) => [d.code, fields(d)]));
      expect(byCode(fast)).toEqual(byCode(slow));
      expect(computeOfficialReport({ dossiers: fast, period, groupBy: 'officer' })).toEqual(computeOfficialReport({ dossiers: slow, period, groupBy: 'officer' }));
    }
  });

  it('counts both members of a linked pair once each, and never a dossier transferred in from another unit', async () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const dossiers = await loadReportDossiers(store, period, { unitId });
    const input = { dossiers, period, groupBy: 'none' as const };
    const receivedList = listDossiersForFigure(input, null, 'received.total');
    const received = new Set(receivedList);
    expect(received.size).toBe(receivedList.length);
    const window = periodWindow(period);
    const members = dataset.dossiers
      .filter((d) => d.plan.linkedGroupId !== null && d.plan.unitId === unitId && d.plan.receivedMs >= window.startMs && d.plan.receivedMs < window.endMs)
      .map((d) => d.plan.code);
    expect(members.length).toBeGreaterThan(1);
    for (const code of members) expect(received.has(code)).toBe(true);
    const transferredIn = dataset.dossiers.filter((d) => d.plan.transferredTo === unitId).map((d) => d.plan.code);
    expect(transferredIn.length).toBeGreaterThan(0);
    for (const code of transferredIn) expect(received.has(code)).toBe(false);
  });

  it('writes an .xlsx that reads back cell by cell: numbers, dates, headers, frozen panes, widths', async () => {
    const period = { from: '2025-04-01', to: '2025-06-30' };
    const dossiers = await loadReportDossiers(store, period, { unitId });
    const report = computeOfficialReport({ dossiers, period, groupBy: 'field' });
    const ledger = dossierLedger(dossiers, period);
    // Book, line and sets as ledger-contacts.ts reads them from a RECEIVED: one receipt of a book,
    // one stored before books (its line is the code's number), the rest with none.
    const contacts = new Map<string, LedgerContact>([
      [ledger.rows[0]?.code ?? '', { address: 'Số 1 Tràng Tiền', phone: '0912345678', sets: 3, book: '02/2025', line: '57' }],
      [ledger.rows[1]?.code ?? '', { sets: 1, book: '', line: '1004' }],
    ]);
    const bytes = await buildReportWorkbook({
      createWorkbook: () => new ExcelJS.Workbook(),
      unitName: 'Phường Thử Nghiệm 1',
      periodLabel: 'Quý II/2025',
      report,
      ledger: { rows: ledger.rows, contacts },
      generatedAtMs: Date.UTC(2025, 6, 1, 2),
    });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = book.getWorksheet(OFFICIAL_SHEET);
    if (!sheet) throw new Error('no official sheet');
    expect(sheet.getCell(2, 1).value).toBe('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH');
    expect(sheet.getCell(3, 1).value).toBe('Quý II/2025');
    expect(sheet.getCell(OFFICIAL_FIRST_DATA_ROW - 2, 2).value).toBe('Lĩnh vực');
    expect(sheet.getCell(OFFICIAL_FIRST_DATA_ROW - 2, 3).value).toBe('Số hồ sơ nhận giải quyết');
    expect(sheet.getCell(OFFICIAL_FIRST_DATA_ROW - 1, 3).value).toBe('Kỳ trước chuyển sang');
    expect(sheet.getCell(OFFICIAL_FIRST_DATA_ROW - 2, 3 + figureColumns.length).value).toBe('Tỷ lệ đúng hạn (%)');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: OFFICIAL_FIRST_DATA_ROW - 1 });
    expect(sheet.getColumn(2).width).toBe(42);

    const lines = [...report.rows, report.total];
    lines.forEach((row, index) => {
      const excelRow = sheet.getRow(OFFICIAL_FIRST_DATA_ROW + index);
      expect(excelRow.getCell(2).value).toBe(row.key === null ? 'Tổng cộng' : row.label);
      figureColumns.forEach((column, c) => {
        const cell = excelRow.getCell(3 + c);
        expect(cell.type).toBe(ExcelJS.ValueType.Number);
        expect(cell.value).toBe(column.value(row));
      });
      const rate = excelRow.getCell(3 + figureColumns.length);
      if (row.onTimeRate === null) expect(rate.value).toBeNull();
      else {
        expect(rate.value).toBe(row.onTimeRate);
        expect(rate.numFmt).toBe('0.0');
      }
    });
    // The file agrees with the independent expectation, not only with the report object.
    const plans = dataset.dossiers.map((d) => d.plan).filter((p) => p.unitId === unitId);
    const totalRow = sheet.getRow(OFFICIAL_FIRST_DATA_ROW + lines.length - 1);
    const expected = expectedFigures(plans, period.from, period.to, periodWindow(period).endMs);
    expect(totalRow.getCell(3).value).toBe(expected.carriedOver);
    expect(totalRow.getCell(7).value).toBe(expected.received.total);
    expect(totalRow.getCell(8).value).toBe(expected.finished.total);
    // The digitisation rates under the table, a blank row apart, numbers in cells.
    const scans = expectedDigitisation(plans, period.from, period.to);
    const below = (offset: number) => (sheet.getRow(OFFICIAL_FIRST_DATA_ROW + lines.length + offset).values as unknown[]).slice(2);
    expect(below(1)).toEqual(['Tỷ lệ số hóa hồ sơ (%)', report.digitisation.papersRate, 'Hồ sơ có thành phần đã số hóa', scans.papersDigitised, 'Hồ sơ tiếp nhận', scans.received]);
    expect(below(2)).toEqual(['Tỷ lệ số hóa kết quả (%)', report.digitisation.resultsRate, 'Kết quả đã số hóa', scans.resultsDigitised, 'Hồ sơ đã giải quyết', scans.resolved]);

    const ledgerSheet = book.getWorksheet(LEDGER_SHEET);
    if (!ledgerSheet) throw new Error('no ledger sheet');
    expect(ledgerSheet.getCell(LEDGER_FIRST_DATA_ROW - 1, 1).value).toBe('Quyển số');
    expect(ledgerSheet.getCell(LEDGER_FIRST_DATA_ROW - 1, 2).value).toBe('STT');
    expect(ledgerSheet.getCell(LEDGER_FIRST_DATA_ROW - 1, 9).value).toBe('Ngày, tháng, năm nhận hồ sơ');
    expect(ledgerSheet.views[0]).toMatchObject({ state: 'frozen', ySplit: LEDGER_FIRST_DATA_ROW - 1 });
    ledger.rows.slice(0, 50).forEach((line, index) => {
      const row = ledgerSheet.getRow(LEDGER_FIRST_DATA_ROW + index);
      const contact = contacts.get(line.code);
      expect(row.getCell(1).value).toBe(contact?.book || null);
      expect(row.getCell(2).value).toBe(contact?.line === undefined ? null : Number(contact.line));
      expect(row.getCell(3).value).toBe(line.code);
      expect(row.getCell(5).value).toBe(contact?.sets ?? null);
      expect(row.getCell(6).value).toBe(line.applicantName);
      const received = row.getCell(9);
      expect(received.type).toBe(ExcelJS.ValueType.Date);
      // Excel shows the wall clock of Vietnam: the UTC fields of the stored date are local time.
      const local = new Date(Date.parse(line.receivedAt) + 7 * 3_600_000);
      expect((received.value as Date).toISOString().slice(0, 16)).toBe(local.toISOString().slice(0, 16));
      expect(received.numFmt).toBe('hh:mm dd/mm/yyyy');
      const appointment = row.getCell(10);
      expect(appointment.type).toBe(ExcelJS.ValueType.Date);
      expect((appointment.value as Date).toISOString().slice(0, 10)).toBe(line.appointmentDate);
      expect(appointment.numFmt).toBe('dd/mm/yyyy');
    });
    const first = ledgerSheet.getRow(LEDGER_FIRST_DATA_ROW);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(5).value]).toEqual(['02/2025', 57, 3]);
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(first.getCell(7).value).toBe('Số 1 Tràng Tiền');
    const older = ledgerSheet.getRow(LEDGER_FIRST_DATA_ROW + 1);
    expect([older.getCell(1).value, older.getCell(2).value]).toEqual([null, 1004]);
    expect(ledgerSheet.rowCount).toBe(LEDGER_FIRST_DATA_ROW - 1 + ledger.rows.length);
  });
});
