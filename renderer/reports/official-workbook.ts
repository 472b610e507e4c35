import type { Workbook, Worksheet } from 'exceljs';
import { digitisationWorkbookLines } from '../../src/reports/digitisation.ts';
import type { LedgerRow } from '../../src/reports/dossier-ledger.ts';
import type { OfficialReport, ReportRow } from '../../src/reports/official-report.ts';
import { parseInstant } from '../../src/reports/report-period.ts';
import { instantAt, localDateOf, minuteOfDay } from '../../src/time/vn-time.ts';
import type { LocalDate } from '../../src/time/vn-time.ts';
import { figureColumns, groupHeaders, headerBands, ON_TIME_RATE_HEADER } from './official-columns.ts';

/** Contact data for a ledger line; blank when the dossier has none or it could not be read. */
export interface LedgerContact {
  address?: string;
  phone?: string;
  /** From the dossier's RECEIVED (ledger-contacts.ts): the number of sets, and the receipt's book and line. */
  sets?: number;
  book?: string;
  line?: string;
}

export interface WorkbookInput {
  /** `() => new ExcelJS.Workbook()`: the caller loads exceljs (lazily in the renderer). */
  createWorkbook: () => Workbook;
  unitName: string;
  periodLabel: string;
  report: OfficialReport;
  /** Labels of the group keys (officer names…); the report's own label otherwise. */
  rowLabel?: (row: ReportRow) => string;
  ledger?: { rows: readonly LedgerRow[]; contacts?: ReadonlyMap<string, LedgerContact> };
  /** When the file was made (desk clock). */
  generatedAtMs: number;
}

export const OFFICIAL_SHEET = 'Báo cáo tổng hợp';
export const LEDGER_SHEET = 'Sổ theo dõi hồ sơ';
/** Row of the first figure line of the official sheet (after title and two header rows). */
export const OFFICIAL_FIRST_DATA_ROW = 7;
export const LEDGER_FIRST_DATA_ROW = 5;

const DATE_FORMAT = 'dd/mm/yyyy';
const DATE_TIME_FORMAT = 'hh:mm dd/mm/yyyy';
const thin = { style: 'thin' as const, color: { argb: 'FF8A96A3' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const headerFill = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF5' } };

/**
 * The report as an .xlsx file: Vietnamese headers, numbers as numbers, dates as real Excel dates
 * (Vietnam wall-clock time, which is what the officer reads), column widths and frozen headers.
 */
export async function buildReportWorkbook(input: WorkbookInput): Promise<Uint8Array> {
  const workbook = input.createWorkbook();
  workbook.creator = 'Một Cửa';
  workbook.created = new Date(input.generatedAtMs);
  addOfficialSheet(workbook, input);
  if (input.ledger) addLedgerSheet(workbook, input, input.ledger);
  const buffer = (await workbook.xlsx.writeBuffer()) as unknown as ArrayBuffer;
  return new Uint8Array(buffer);
}

/** An Excel date shows the UTC fields of the Date it is given: hand it Vietnam wall-clock time. */
export function excelDate(date: LocalDate, minutes = 0): Date {
  return new Date(instantAt(date, minutes) + 7 * 60 * 60_000);
}

function excelInstant(iso: string | null): Date | null {
  const ms = iso === null ? null : parseInstant(iso);
  return ms === null ? null : excelDate(localDateOf(ms), minuteOfDay(ms));
}

function title(sheet: Worksheet, lastColumn: number, lines: readonly string[]) {
  lines.forEach((text, index) => {
    const row = index + 1;
    sheet.mergeCells(row, 1, row, lastColumn);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.font = { bold: index < 2, size: index === 1 ? 14 : 11 };
  });
}

function styleHeader(sheet: Worksheet, fromRow: number, toRow: number, lastColumn: number) {
  for (let r = fromRow; r <= toRow; r += 1) {
    sheet.getRow(r).height = 32;
    for (let c = 1; c <= lastColumn; c += 1) {
      const cell = sheet.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = headerFill;
      cell.border = border;
    }
  }
}

function addOfficialSheet(workbook: Workbook, input: WorkbookInput) {
  const { report } = input;
  const lastColumn = 2 + figureColumns.length + 1;
  const sheet = workbook.addWorksheet(OFFICIAL_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 2, ySplit: OFFICIAL_FIRST_DATA_ROW - 1 }],
  });
  title(sheet, lastColumn, [input.unitName, 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH', input.periodLabel]);

  const top = OFFICIAL_FIRST_DATA_ROW - 2;
  const bottom = top + 1;
  sheet.mergeCells(top, 1, bottom, 1);
  sheet.getCell(top, 1).value = 'STT';
  sheet.mergeCells(top, 2, bottom, 2);
  sheet.getCell(top, 2).value = groupHeaders[report.groupBy];
  let column = 3;
  for (const band of headerBands()) {
    if (band.group === null) {
      sheet.mergeCells(top, column, bottom, column);
      sheet.getCell(top, column).value = band.columns[0]?.header ?? '';
    } else {
      sheet.mergeCells(top, column, top, column + band.span - 1);
      sheet.getCell(top, column).value = band.group;
      band.columns.forEach((c, i) => (sheet.getCell(bottom, column + i).value = c.header));
    }
    column += band.span;
  }
  sheet.mergeCells(top, lastColumn, bottom, lastColumn);
  sheet.getCell(top, lastColumn).value = ON_TIME_RATE_HEADER;
  styleHeader(sheet, top, bottom, lastColumn);

  const lines = report.groupBy === 'none' ? [report.total] : [...report.rows, report.total];
  lines.forEach((row, index) => {
    const isTotal = row.key === null;
    const label = isTotal ? 'Tổng cộng' : (input.rowLabel?.(row) ?? row.label);
    const values: (string | number | null)[] = [isTotal ? null : index + 1, label, ...figureColumns.map((c) => c.value(row)), row.onTimeRate];
    const excelRow = sheet.getRow(OFFICIAL_FIRST_DATA_ROW + index);
    excelRow.values = values;
    for (let c = 1; c <= lastColumn; c += 1) {
      const cell = excelRow.getCell(c);
      cell.border = border;
      if (isTotal) cell.font = { bold: true };
      if (c >= 3) cell.alignment = { horizontal: 'right' };
    }
    excelRow.getCell(lastColumn).numFmt = '0.0';
  });
  // Below the table, a blank row apart: the digitisation rates are no column of the official form.
  digitisationWorkbookLines(report.digitisation).forEach((values, index) => {
    const excelRow = sheet.getRow(OFFICIAL_FIRST_DATA_ROW + lines.length + 1 + index);
    excelRow.values = [null, ...values];
    excelRow.getCell(3).numFmt = '0.0';
  });
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 42;
  for (let c = 3; c < lastColumn; c += 1) sheet.getColumn(c).width = 11;
  sheet.getColumn(lastColumn).width = 12;
}

function addLedgerSheet(workbook: Workbook, input: WorkbookInput, ledger: NonNullable<WorkbookInput['ledger']>) {
  // Quyển số and STT are the receipt's book and line (ledger-line.ts), as the printed ledger has them.
  const headers: { header: string; width: number }[] = [
    { header: 'Quyển số', width: 9 },
    { header: 'STT', width: 7 },
    { header: 'Mã hồ sơ', width: 28 },
    { header: 'Tên thủ tục hành chính', width: 40 },
    { header: 'Số lượng hồ sơ (bộ)', width: 10 },
    { header: 'Tên cá nhân, tổ chức', width: 26 },
    { header: 'Địa chỉ', width: 30 },
    { header: 'Số điện thoại', width: 14 },
    { header: 'Ngày, tháng, năm nhận hồ sơ', width: 18 },
    { header: 'Ngày hẹn trả kết quả', width: 14 },
    { header: 'Ngày trả kết quả', width: 14 },
    { header: 'Người giao', width: 14 },
    { header: 'Người nhận', width: 14 },
    { header: 'Ghi chú', width: 40 },
  ];
  const sheet = workbook.addWorksheet(LEDGER_SHEET, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', xSplit: 0, ySplit: LEDGER_FIRST_DATA_ROW - 1 }],
  });
  title(sheet, headers.length, [input.unitName, 'SỔ THEO DÕI HỒ SƠ', input.periodLabel]);
  const headerRow = sheet.getRow(LEDGER_FIRST_DATA_ROW - 1);
  headerRow.values = headers.map((h) => h.header);
  styleHeader(sheet, LEDGER_FIRST_DATA_ROW - 1, LEDGER_FIRST_DATA_ROW - 1, headers.length);
  headers.forEach((h, i) => (sheet.getColumn(i + 1).width = h.width));

  ledger.rows.forEach((line, index) => {
    const contact = ledger.contacts?.get(line.code) ?? {};
    const row = sheet.getRow(LEDGER_FIRST_DATA_ROW + index);
    row.values = [
      contact.book || null,
      contact.line === undefined ? null : Number(contact.line),
      line.code,
      line.procedureName,
      contact.sets ?? null,
      line.applicantName,
      contact.address ?? '',
      contact.phone ?? '',
      excelInstant(line.receivedAt),
      excelDate(line.appointmentDate),
      line.resultReturnedDate === null ? null : excelDate(line.resultReturnedDate),
      null,
      null,
      line.notes.join('; '),
    ];
    row.getCell(9).numFmt = DATE_TIME_FORMAT;
    row.getCell(10).numFmt = DATE_FORMAT;
    row.getCell(11).numFmt = DATE_FORMAT;
    row.alignment = { vertical: 'top', wrapText: true };
    for (let c = 1; c <= headers.length; c += 1) row.getCell(c).border = border;
  });
}
