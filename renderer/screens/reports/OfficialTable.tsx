import type { OfficialReport, ReportRow } from '../../../src/reports/official-report.ts';
import type { ReportFigure } from '../../../src/reports/report-figures.ts';
import { figureColumns, formatRate, groupHeaders, headerBands, ON_TIME_RATE_HEADER } from '../../reports/official-columns.ts';

interface OfficialTableProps {
  report: OfficialReport;
  rowLabel: (row: ReportRow) => string;
  /** Absent in print: figures are then plain numbers. */
  onFigure?: (row: ReportRow, figure: ReportFigure) => void;
}

/** The official table; every non-zero figure is a button that lists its dossiers. */
export function OfficialTable({ report, rowLabel, onFigure }: OfficialTableProps) {
  const lines = report.groupBy === 'none' ? [report.total] : [...report.rows, report.total];
  return (
    <table className="official-table" data-testid="official-table">
      <thead>
        <tr>
          <th rowSpan={2} className="col-index">
            STT
          </th>
          <th rowSpan={2} className="col-label">
            {groupHeaders[report.groupBy]}
          </th>
          {headerBands().map((band) =>
            band.group === null ? (
              <th key={band.columns[0]?.figure} rowSpan={2}>
                {band.columns[0]?.header}
              </th>
            ) : (
              <th key={band.group} colSpan={band.span} className="band">
                {band.group}
              </th>
            ),
          )}
          <th rowSpan={2}>{ON_TIME_RATE_HEADER}</th>
        </tr>
        <tr>
          {headerBands()
            .filter((band) => band.group !== null)
            .flatMap((band) => band.columns.map((column) => <th key={column.figure}>{column.header}</th>))}
        </tr>
      </thead>
      <tbody>
        {lines.map((row, index) => {
          const isTotal = row.key === null;
          const label = isTotal ? 'Tổng cộng' : rowLabel(row);
          return (
            <tr key={row.key ?? '__total'} className={isTotal ? 'total-row' : undefined} data-row-key={row.key ?? 'total'}>
              <td className="col-index">{isTotal ? '' : index + 1}</td>
              <th scope="row" className="col-label">
                {label}
              </th>
              {figureColumns.map((column) => {
                const value = column.value(row);
                return (
                  <td key={column.figure} className="figure" data-figure={column.figure}>
                    {onFigure && value > 0 ? (
                      <button
                        type="button"
                        className="figure-link"
                        onClick={() => onFigure(row, column.figure)}
                        aria-label={`${label}: ${column.group ? `${column.group} – ` : ''}${column.header}: ${value} hồ sơ. Xem danh sách`}
                      >
                        {value.toLocaleString('vi-VN')}
                      </button>
                    ) : (
                      value.toLocaleString('vi-VN')
                    )}
                  </td>
                );
              })}
              <td className="figure rate">{formatRate(row.onTimeRate)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
