import type { DeskIdentity } from '../../../src/auth/desk-identity.ts';
import { describeDigitisation } from '../../../src/reports/digitisation.ts';
import type { LedgerRow } from '../../../src/reports/dossier-ledger.ts';
import type { OfficialReport, ReportRow } from '../../../src/reports/official-report.ts';
import { formatDate } from '../../../src/time/vn-time.ts';
import type { ChartPoint, DeadlineChartKind } from '../../reports/chart-data.ts';
import type { LedgerContact } from '../../reports/official-workbook.ts';
import { BarChart } from './charts/BarChart.tsx';
import { DeadlineChart } from './charts/DeadlineChart.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { OfficialTable } from './OfficialTable.tsx';
import printCss from './report-print.css?inline';

interface DocumentHeaderProps {
  identity: DeskIdentity;
  /** "Mẫu số 06": printed above the header of a form of the regulation (the ledger). */
  formNumber?: string;
  /** The issuing body as word groups (agencyGroups: its kind, then its name); the unit's name otherwise. */
  agency?: readonly string[];
  title: string;
  periodLabel: string;
  printedAtMs: number;
}

function DocumentHeader({ identity, title, periodLabel, printedAtMs, formNumber, agency }: DocumentHeaderProps) {
  return (
    <>
      {formNumber && (
        <p className="report-doc-form-number" data-testid="form-number">
          {formNumber}
        </p>
      )}
      <div className="report-doc-head">
        <div>
          {agency ? agency.map((line) => <strong key={line}>{line}</strong>) : <strong>{identity.unitName.toUpperCase()}</strong>}
          <span>Bộ phận tiếp nhận và trả kết quả</span>
        </div>
        <div>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <strong>Độc lập - Tự do - Hạnh phúc</strong>
          <em>{`Ngày in: ${formatDate(printedAtMs)}`}</em>
        </div>
      </div>
      <p className="report-doc-title">{title}</p>
      <p className="report-doc-period">{periodLabel}</p>
    </>
  );
}

export interface OfficialDocumentProps extends Omit<DocumentHeaderProps, 'title'> {
  report: OfficialReport;
  rowLabel: (row: ReportRow) => string;
  charts?: { received: ChartPoint[]; receivedTitle: string; onTime: ChartPoint[]; deadline?: { counts: Record<DeadlineChartKind, number>; asOfLabel: string } };
}

/** The official report as printed: the table, then the charts, then the signatures. */
export function OfficialDocument({ report, rowLabel, charts, ...header }: OfficialDocumentProps) {
  return (
    <div className="report-doc">
      <style>{printCss}</style>
      <DocumentHeader {...header} title="BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH" />
      <OfficialTable report={report} rowLabel={rowLabel} />
      {describeDigitisation(report.digitisation) !== null && <p className="report-line">{describeDigitisation(report.digitisation)}</p>}
      {report.skipped.length > 0 && (
        <p className="skipped">{`Ghi chú: ${report.skipped.length} hồ sơ chưa đủ dữ liệu để thống kê (chưa đồng bộ đủ hoặc cần kiểm tra).`}</p>
      )}
      {charts && (
        <div className="charts">
          <BarChart title={charts.receivedTitle} points={charts.received} unit="hồ sơ" />
          <BarChart title="Tỷ lệ giải quyết đúng hạn 12 tháng gần nhất (%)" points={charts.onTime} unit="%" max={100} />
          {charts.deadline && <DeadlineChart counts={charts.deadline.counts} asOfLabel={charts.deadline.asOfLabel} />}
        </div>
      )}
      <Signatures />
    </div>
  );
}

export interface LedgerDocumentProps extends Omit<DocumentHeaderProps, 'title'> {
  rows: readonly LedgerRow[];
  contacts?: ReadonlyMap<string, LedgerContact>;
}

export function LedgerDocument({ rows, contacts, ...header }: LedgerDocumentProps) {
  return (
    <div className="report-doc">
      <style>{printCss}</style>
      <DocumentHeader {...header} title="SỔ THEO DÕI HỒ SƠ" />
      <LedgerTable rows={rows} {...(contacts ? { contacts } : {})} />
    </div>
  );
}

function Signatures() {
  return (
    <div className="signatures">
      <strong>
        NGƯỜI LẬP BIỂU<em>(Ký, ghi rõ họ tên)</em>
      </strong>
      <strong>
        THỦ TRƯỞNG ĐƠN VỊ<em>(Ký tên, đóng dấu)</em>
      </strong>
    </div>
  );
}
