import ExcelJS from 'exceljs';
import { CONSULTATION_LINE_LABEL as COUNTER_CONSULTATIONS_LABEL } from '../../../src/reports/counter-consultations.ts';
import { digitisationWorkbookLines } from '../../../src/reports/digitisation.ts';
import { LINKED_GROUP_LINE_LABEL } from '../../../src/reports/linked-groups.ts';
import type { FeeTotals } from '../../../src/fees/cash-up.ts';
import { paymentMethodLabels, paymentMethods } from '../../../src/fees/payment-method.ts';
import type { OfficialReport, ReportRow } from '../../../src/reports/official-report.ts';

/** The official table's columns (same order and wording as the desk's export). */
export const reportColumns: { header: string; group: string | null; value(row: ReportRow): number }[] = [
  { header: 'Kỳ trước chuyển sang', group: 'Số hồ sơ nhận giải quyết', value: (r) => r.carriedOver },
  { header: 'Trực tiếp', group: 'Số hồ sơ nhận giải quyết', value: (r) => r.received.inPerson },
  { header: 'Trực tuyến', group: 'Số hồ sơ nhận giải quyết', value: (r) => r.received.online },
  { header: 'Bưu chính', group: 'Số hồ sơ nhận giải quyết', value: (r) => r.received.post },
  { header: 'Tổng mới nhận', group: 'Số hồ sơ nhận giải quyết', value: (r) => r.received.total },
  { header: 'Tổng số', group: 'Số hồ sơ đã giải quyết', value: (r) => r.finished.total },
  { header: 'Trước hạn', group: 'Số hồ sơ đã giải quyết', value: (r) => r.finished.early },
  { header: 'Đúng hạn', group: 'Số hồ sơ đã giải quyết', value: (r) => r.finished.onTime },
  { header: 'Quá hạn', group: 'Số hồ sơ đã giải quyết', value: (r) => r.finished.late },
  { header: 'Tổng số', group: 'Số hồ sơ đang giải quyết', value: (r) => r.inProcessing.total },
  { header: 'Trong hạn', group: 'Số hồ sơ đang giải quyết', value: (r) => r.inProcessing.notDue },
  { header: 'Quá hạn', group: 'Số hồ sơ đang giải quyết', value: (r) => r.inProcessing.overdue },
  { header: 'Tạm dừng', group: null, value: (r) => r.paused },
  { header: 'Từ chối', group: null, value: (r) => r.refused },
  { header: 'Rút hồ sơ', group: null, value: (r) => r.withdrawn },
];

const groupHeaders = { procedure: 'Thủ tục hành chính', field: 'Lĩnh vực', officer: 'Cán bộ tiếp nhận', unit: 'Đơn vị', none: 'Đơn vị' } as const;
export const FIRST_DATA_ROW = 6;
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** The province's official table as .xlsx: numbers as numbers, two-row frozen header, widths. */
export async function provinceWorkbook(report: OfficialReport, title: string, periodLabel: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Một Cửa – máy chủ tỉnh';
  const last = 2 + reportColumns.length + 1;
  const sheet = book.addWorksheet('Báo cáo tổng hợp', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: FIRST_DATA_ROW - 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  for (const [row, text] of [[1, title], [2, periodLabel]] as const) {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { bold: row === 1, size: row === 1 ? 14 : 11 };
    cell.alignment = { horizontal: 'center' };
  }
  const top = FIRST_DATA_ROW - 2;
  sheet.mergeCells(top, 1, top + 1, 1);
  sheet.getCell(top, 1).value = 'STT';
  sheet.mergeCells(top, 2, top + 1, 2);
  sheet.getCell(top, 2).value = groupHeaders[report.groupBy];
  let start = 3;
  reportColumns.forEach((column, index) => {
    const c = 3 + index;
    const next = reportColumns[index + 1];
    if (column.group === null) {
      sheet.mergeCells(top, c, top + 1, c);
      sheet.getCell(top, c).value = column.header;
      start = c + 1;
      return;
    }
    sheet.getCell(top + 1, c).value = column.header;
    if (next?.group !== column.group) {
      sheet.mergeCells(top, start, top, c);
      sheet.getCell(top, start).value = column.group;
      start = c + 1;
    }
  });
  sheet.mergeCells(top, last, top + 1, last);
  sheet.getCell(top, last).value = 'Tỷ lệ đúng hạn (%)';
  for (let r = top; r <= top + 1; r += 1) {
    for (let c = 1; c <= last; c += 1) {
      const cell = sheet.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = border;
    }
  }
  const lines = report.groupBy === 'none' ? [report.total] : [...report.rows, report.total];
  lines.forEach((row, index) => {
    const excelRow = sheet.getRow(FIRST_DATA_ROW + index);
    excelRow.values = [row.key === null ? null : index + 1, row.key === null ? 'Tổng cộng' : row.label, ...reportColumns.map((c) => c.value(row)), row.onTimeRate];
    excelRow.getCell(last).numFmt = '0.0';
    for (let c = 1; c <= last; c += 1) {
      excelRow.getCell(c).border = border;
      if (row.key === null) excelRow.getCell(c).font = { bold: true };
    }
  });
  let at = FIRST_DATA_ROW + lines.length + 1;
  const { received, returned, returnedOnTime } = report.linkedGroups;
  if (received > 0 || returned > 0) {
    // The groups received, a line of their own: each component is already a dossier in the table.
    sheet.getRow(at).values = [null, `${LINKED_GROUP_LINE_LABEL}: tiếp nhận`, received, 'Trả đủ kết quả', returned, 'Trong đó đúng hạn', returnedOnTime];
    sheet.getRow(at).font = { bold: true };
    at += 1;
  }
  for (const values of digitisationWorkbookLines(report.digitisation)) {
    sheet.getRow(at).values = [null, ...values];
    sheet.getRow(at).getCell(3).numFmt = '0.0';
    at += 1;
  }
  if (report.counterConsultations) {
    // Their own line below the table: citizens guided or refused at the counter were never received.
    const { total, guided, refused } = report.counterConsultations;
    sheet.getRow(at).values = [null, COUNTER_CONSULTATIONS_LABEL, total, 'Hướng dẫn bổ sung', guided, 'Từ chối tiếp nhận', refused];
    sheet.getRow(at).font = { bold: true };
  }
  sheet.getColumn(1).width = 6;
  sheet.getColumn(2).width = 40;
  for (let c = 3; c <= last; c += 1) sheet.getColumn(c).width = 11;
  if (report.fees) addFeeSheet(book, report.fees, periodLabel);
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const FEE_SHEET_NAME = 'Thu phí, lệ phí';

/** Fees of the period by method (đồng, as numbers), voided receipts only counted: the desk's `feeTotals`. */
function addFeeSheet(book: ExcelJS.Workbook, fees: FeeTotals, periodLabel: string): void {
  const sheet = book.addWorksheet(FEE_SHEET_NAME);
  sheet.getRow(1).values = ['TỔNG HỢP THU PHÍ, LỆ PHÍ'];
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(2).values = [periodLabel];
  sheet.getRow(4).values = ['Hình thức thanh toán', 'Số tiền (đồng)'];
  sheet.getRow(4).font = { bold: true };
  paymentMethods.forEach((method, i) => {
    sheet.getRow(5 + i).values = [paymentMethodLabels[method], fees.byMethod[method]];
  });
  const after = 5 + paymentMethods.length;
  sheet.getRow(after).values = ['Tổng cộng', fees.total];
  sheet.getRow(after).font = { bold: true };
  sheet.getRow(after + 1).values = ['Số biên lai đã thu', fees.count];
  sheet.getRow(after + 2).values = ['Số biên lai, số giữ chỗ đã hủy (không cộng tiền)', fees.voidedCount];
  for (let r = 5; r <= after; r += 1) sheet.getRow(r).getCell(2).numFmt = '#,##0';
  sheet.getColumn(1).width = 48;
  sheet.getColumn(2).width = 18;
}
