import type { ReportRow } from '../../src/reports/official-report.ts';
import type { ReportFigure } from '../../src/reports/report-figures.ts';

/**
 * The columns of the official table (domain.md "Report groups", "Intake columns") in printed
 * order, shared by the screen, the printout and the Excel file so the three never drift.
 */
export interface FigureColumn {
  figure: ReportFigure;
  /** Header of the column; under `group` when it has one. */
  header: string;
  /** Upper header spanning the columns of one group (e.g. "Số hồ sơ nhận giải quyết"). */
  group: string | null;
  value(row: ReportRow): number;
}

export const RECEIVED_GROUP = 'Số hồ sơ nhận giải quyết';
export const FINISHED_GROUP = 'Số hồ sơ đã giải quyết';
export const PROCESSING_GROUP = 'Số hồ sơ đang giải quyết';

export const figureColumns: readonly FigureColumn[] = [
  { figure: 'carriedOver', header: 'Kỳ trước chuyển sang', group: RECEIVED_GROUP, value: (r) => r.carriedOver },
  { figure: 'received.inPerson', header: 'Trực tiếp', group: RECEIVED_GROUP, value: (r) => r.received.inPerson },
  { figure: 'received.online', header: 'Trực tuyến', group: RECEIVED_GROUP, value: (r) => r.received.online },
  { figure: 'received.post', header: 'Bưu chính', group: RECEIVED_GROUP, value: (r) => r.received.post },
  { figure: 'received.total', header: 'Tổng mới nhận', group: RECEIVED_GROUP, value: (r) => r.received.total },
  { figure: 'finished.total', header: 'Tổng số', group: FINISHED_GROUP, value: (r) => r.finished.total },
  { figure: 'finished.early', header: 'Trước hạn', group: FINISHED_GROUP, value: (r) => r.finished.early },
  { figure: 'finished.onTime', header: 'Đúng hạn', group: FINISHED_GROUP, value: (r) => r.finished.onTime },
  { figure: 'finished.late', header: 'Quá hạn', group: FINISHED_GROUP, value: (r) => r.finished.late },
  { figure: 'inProcessing.total', header: 'Tổng số', group: PROCESSING_GROUP, value: (r) => r.inProcessing.total },
  { figure: 'inProcessing.notDue', header: 'Trong hạn', group: PROCESSING_GROUP, value: (r) => r.inProcessing.notDue },
  { figure: 'inProcessing.overdue', header: 'Quá hạn', group: PROCESSING_GROUP, value: (r) => r.inProcessing.overdue },
  { figure: 'paused', header: 'Tạm dừng', group: null, value: (r) => r.paused },
  { figure: 'refused', header: 'Từ chối', group: null, value: (r) => r.refused },
  { figure: 'withdrawn', header: 'Rút hồ sơ', group: null, value: (r) => r.withdrawn },
];

export const ON_TIME_RATE_HEADER = 'Tỷ lệ đúng hạn (%)';

/** Header of the first column, by grouping. */
export const groupHeaders = {
  procedure: 'Thủ tục hành chính',
  field: 'Lĩnh vực',
  officer: 'Cán bộ tiếp nhận',
  unit: 'Đơn vị',
  none: 'Đơn vị',
} as const;

/** Consecutive columns sharing an upper header, for a two-row header. */
export function headerBands(): { group: string | null; span: number; columns: FigureColumn[] }[] {
  const bands: { group: string | null; span: number; columns: FigureColumn[] }[] = [];
  for (const column of figureColumns) {
    const last = bands[bands.length - 1];
    if (last && column.group !== null && last.group === column.group) {
      last.span += 1;
      last.columns.push(column);
    } else {
      bands.push({ group: column.group, span: 1, columns: [column] });
    }
  }
  return bands;
}

/** Vietnamese name of a figure, e.g. "Đã giải quyết – Trước hạn", for the click-through title. */
export function figureTitle(figure: ReportFigure): string {
  const column = figureColumns.find((c) => c.figure === figure);
  if (!column) return figure;
  return column.group === null || column.header === column.group ? column.header : `${column.group} – ${column.header.toLowerCase()}`;
}

/** "95,2" for 95.2; an em dash when nothing finished. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : rate.toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
