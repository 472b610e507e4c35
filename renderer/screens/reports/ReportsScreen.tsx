import { useCallback, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { toBridgeError } from '../../../src/bridge/bridge-error.ts';
import type { ReportGroupBy, ReportRow } from '../../../src/reports/official-report.ts';
import { listDossiersForFigure } from '../../../src/reports/official-report.ts';
import type { ReportFigure } from '../../../src/reports/report-figures.ts';
import { formatDate, formatTime, localDateOf } from '../../../src/time/vn-time.ts';
import { useDesk } from '../../app/desk-context.tsx';
import { deadlineKindOf } from '../../components/deadline-view.ts';
import { formatCount } from '../../components/format.ts';
import { Notice } from '../../components/Notice.tsx';
import { useClock, useDossierChanges } from '../../components/use-live.ts';
import { documentHtml } from '../../print/document-html.ts';
import { deadlineStates, onTimeRateByMonth, receivedPerDay, receivedPerMonth, usesDailyBars } from '../../reports/chart-data.ts';
import { loadLedgerContacts } from '../../reports/ledger-contacts.ts';
import type { LedgerContact } from '../../reports/official-workbook.ts';
import { loadFormUnit } from '../../print/form-unit.ts';
import { agencyGroups, formNumberLabel } from '../../../src/print/forms/index.ts';
import { figureTitle } from '../../reports/official-columns.ts';
import { buildReportWorkbook } from '../../reports/official-workbook.ts';
import { defaultChoice, periodLabel, periodOf, periodProblem, periodSlug } from '../../reports/report-periods.ts';
import type { PeriodChoice } from '../../reports/report-periods.ts';
import { downloadFile } from '../../browser/download-file.ts';
import { loadExcel, XLSX_MIME } from '../../reports/excel.ts';
import { BarChart } from './charts/BarChart.tsx';
import { DeadlineChart } from './charts/DeadlineChart.tsx';
import { FigureDossiers } from './FigureDossiers.tsx';
import type { FigureSelection } from './FigureDossiers.tsx';
import { LedgerTable } from './LedgerTable.tsx';
import { useLedgerEntries } from './use-ledger-entries.ts';
import { ConsultationLine } from './ConsultationLine.tsx';
import { describeLinkedGroupLine } from '../../../src/reports/linked-groups.ts';
import { describeDigitisation } from '../../../src/reports/digitisation.ts';
import { FeeReportPanel, PeriodFeeLine } from '../../fees/FeeReportPanel.tsx';
import { OfficialTable } from './OfficialTable.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { LedgerDocument, OfficialDocument } from './ReportDocument.tsx';
import { useComputedReport, useOpenDossiers, useReportDossiers } from './use-report-data.ts';
import '../../components/forms.css';
import './reports.css';

type Tab = 'official' | 'ledger' | 'charts' | 'fees';
const tabs: { id: Tab; label: string }[] = [
  { id: 'official', label: 'Báo cáo tổng hợp' },
  { id: 'ledger', label: 'Sổ theo dõi hồ sơ' },
  { id: 'charts', label: 'Biểu đồ' },
  { id: 'fees', label: 'Thu phí, lệ phí' },
];
const groupings: { value: Exclude<ReportGroupBy, 'unit' | 'none'>; label: string }[] = [
  { value: 'procedure', label: 'Thủ tục hành chính' },
  { value: 'field', label: 'Lĩnh vực' },
  { value: 'officer', label: 'Cán bộ tiếp nhận' },
];
const LEDGER_ON_SCREEN = 300;
const ON_TIME_TARGET = { value: 90, label: 'Mục tiêu 90%' };

type Busy = null | 'excel' | 'print' | 'pdf';

export function ReportsScreen() {
  const desk = useDesk();
  const [, navigate] = useLocation();
  const nowMs = useClock(desk.now);
  const version = useDossierChanges(desk.store);
  const [choice, setChoice] = useState<PeriodChoice>(() => defaultChoice(desk.now()));
  const [groupBy, setGroupBy] = useState<Exclude<ReportGroupBy, 'unit' | 'none'>>('procedure');
  const [tab, setTab] = useState<Tab>('official');
  const [selection, setSelection] = useState<FigureSelection | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success' | 'info'; text: string } | null>(null);

  const today = localDateOf(nowMs);
  const problem = periodProblem(choice, today);
  const period = useMemo(() => (problem === null ? periodOf(choice) : null), [choice, problem]);
  const loaded = useReportDossiers(desk.store, desk.identity.agencyId, period, nowMs, version);
  const data = loaded.state === 'ready' ? loaded.value : null;
  const computed = useComputedReport(data, groupBy);
  const screenEntries = useLedgerEntries(desk.store.events, tab === 'ledger' && computed ? computed.ledger.rows : null, LEDGER_ON_SCREEN);
  const open = useOpenDossiers(desk.store, version);

  const label = periodLabel(choice);
  const thisYear = Number(formatDate(nowMs).slice(6));
  const years = useMemo(() => Array.from({ length: 8 }, (_, i) => thisYear - 6 + i).reverse(), [thisYear]);
  const { officerName } = desk;
  const rowLabel = useCallback(
    (row: ReportRow) => (groupBy === 'officer' ? officerName(row.key) : groupBy === 'procedure' ? `${row.label} (${row.key ?? ''})` : row.label),
    [groupBy, officerName],
  );

  const charts = useMemo(() => {
    if (!computed || !data) return null;
    const daily = usesDailyBars(data.period);
    const deadlineContext = { calendar: desk.calendar, nowMs, dueSoonWorkingMinutes: desk.settings.dueSoonWorkingMinutes };
    return {
      receivedTitle: daily ? 'Số hồ sơ tiếp nhận theo ngày' : 'Số hồ sơ tiếp nhận theo tháng',
      received: daily ? receivedPerDay(computed.series, data.period) : receivedPerMonth(computed.series, data.period),
      onTime: onTimeRateByMonth(computed.trend.series, computed.trend.period),
      deadline:
        open.state === 'ready'
          ? { counts: deadlineStates(open.value.filter((d) => d.holderUnitId === desk.identity.agencyId).map((d) => deadlineKindOf(d, deadlineContext))), asOfLabel: `lúc ${formatTime(nowMs)} ${formatDate(nowMs)}` }
          : undefined,
    };
  }, [computed, data, open, desk.calendar, desk.settings.dueSoonWorkingMinutes, desk.identity.agencyId, nowMs]);

  const onFigure = useCallback(
    (row: ReportRow, figure: ReportFigure) => {
      if (!data) return;
      const codes = listDossiersForFigure({ dossiers: data.dossiers, period: data.period, groupBy, asOf: data.asOf }, row.key, figure);
      const where = row.key === null ? 'Tổng cộng' : rowLabel(row);
      setSelection({ title: `${figureTitle(figure)} – ${where}`, codes });
    },
    [data, groupBy, rowLabel],
  );

  const openDossier = useCallback((code: string) => navigate(`/ho-so/${encodeURIComponent(code)}`), [navigate]);

  async function run(kind: Exclude<Busy, null>, action: () => Promise<string | null>) {
    setBusy(kind);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage({ tone: 'success', text: done });
    } catch (error) {
      setMessage({ tone: 'error', text: toBridgeError(error).message });
    } finally {
      setBusy(null);
    }
  }

  async function documentFor(printedAtMs: number, contacts?: Map<string, LedgerContact>) {
    if (!computed) throw new Error('Báo cáo chưa sẵn sàng.');
    const header = { identity: desk.identity, periodLabel: label, printedAtMs };
    if (tab === 'ledger') {
      const unit = await loadFormUnit(desk);
      const ledgerHeader = { formNumber: formNumberLabel('ledger'), agency: agencyGroups(unit.unitName, unit.kind) };
      return {
        title: `Sổ theo dõi hồ sơ – ${label}`,
        element: <LedgerDocument {...header} {...ledgerHeader} rows={computed.ledger.rows} {...(contacts ? { contacts } : {})} />,
      };
    }
    return {
      title: `Báo cáo tình hình giải quyết hồ sơ – ${label}`,
      element: <OfficialDocument {...header} report={computed.report} rowLabel={rowLabel} {...(charts ? { charts } : {})} />,
    };
  }

  const ledgerContacts = () =>
    computed ? loadLedgerContacts(desk.store.dossiers, computed.ledger.rows.map((r) => r.code), undefined, desk.store.events) : Promise.resolve(new Map());

  const exportExcel = () =>
    run('excel', async () => {
      if (!computed || !data) return null;
      const [excel, contacts] = await Promise.all([loadExcel(), ledgerContacts()]);
      const bytes = await buildReportWorkbook({
        createWorkbook: excel.createWorkbook,
        unitName: desk.identity.unitName,
        periodLabel: label,
        report: computed.report,
        rowLabel,
        ledger: { rows: computed.ledger.rows, contacts },
        generatedAtMs: desk.now(),
      });
      const fileName = `bao-cao-${periodSlug(data.period)}.xlsx`;
      downloadFile(bytes, fileName, XLSX_MIME);
      return `Đã xuất tệp ${fileName}.`;
    });

  const print = () =>
    run('print', async () => {
      const contacts = tab === 'ledger' ? await ledgerContacts() : undefined;
      const doc = await documentFor(desk.now(), contacts);
      const html = documentHtml(doc.element, 'A4', doc.title);
      const result = await desk.bridge.printDocument({ html, silent: false, copies: 1, pageSize: 'A4', landscape: true });
      return result.printed ? 'Đã gửi lệnh in.' : null;
    });

  const savePdf = () =>
    run('pdf', async () => {
      if (!data) return null;
      const contacts = tab === 'ledger' ? await ledgerContacts() : undefined;
      const doc = await documentFor(desk.now(), contacts);
      const html = documentHtml(doc.element, 'A4', doc.title);
      const name = `${tab === 'ledger' ? 'so-theo-doi' : 'bao-cao'}-${periodSlug(data.period)}.pdf`;
      const result = await desk.bridge.saveDocumentAsPdf({ html, pageSize: 'A4', landscape: true, suggestedFileName: name });
      return result.saved ? `Đã lưu ${result.fileName ?? name}.` : null;
    });

  const ready = computed !== null && busy === null;

  return (
    <section className="reports-screen">
      <header className="section-header">
        <h1>Báo cáo</h1>
        <p>Thống kê tình hình giải quyết hồ sơ của đơn vị theo kỳ; bấm vào một số liệu để xem danh sách hồ sơ.</p>
      </header>

      <div className="reports-toolbar">
        <PeriodPicker choice={choice} onChange={setChoice} years={years} />
        <label className="control">
          <span>Nhóm theo</span>
          <select className="field-input" aria-label="Nhóm theo" value={groupBy} onChange={(e) => setGroupBy(e.target.value as typeof groupBy)} disabled={tab === 'ledger'}>
            {groupings.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <div className="reports-actions">
          <button type="button" className="btn" onClick={exportExcel} disabled={!ready}>
            {busy === 'excel' ? 'Đang xuất…' : 'Xuất Excel'}
          </button>
          <button type="button" className="btn" onClick={savePdf} disabled={!ready || tab === 'fees'}>
            {busy === 'pdf' ? 'Đang lưu…' : 'Lưu PDF'}
          </button>
          <button type="button" className="btn btn-primary" onClick={print} disabled={!ready || tab === 'fees'}>
            {busy === 'print' ? 'Đang in…' : 'In'}
          </button>
        </div>
      </div>

      <div className="reports-tabs" role="tablist" aria-label="Nội dung báo cáo">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`report-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls="report-panel"
            className={tab === t.id ? 'tab active' : 'tab'}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
        <span className="reports-period" data-testid="report-period">
          {period ? `${label}${data ? ` · số liệu đến ${formatTime(Date.parse(data.asOf))} ${formatDate(Date.parse(data.asOf))}` : ''}` : ''}
        </span>
      </div>

      {message && (
        <Notice tone={message.tone} testId="report-message">
          {message.text}
        </Notice>
      )}

      <div id="report-panel" role="tabpanel" aria-labelledby={`report-tab-${tab}`} className="reports-panel">
        {!period && (
          <Notice tone={choice.kind === 'custom' && (choice.from === '' || choice.to === '') ? 'info' : 'error'} testId="period-problem">
            {problem ?? 'Chọn ngày bắt đầu và ngày kết thúc.'}
          </Notice>
        )}
        {period && loaded.state === 'loading' && (
          <p className="reports-loading" role="status">{`Đang đọc dữ liệu hồ sơ… ${formatCount(loaded.loaded)}`}</p>
        )}
        {period && loaded.state === 'error' && <Notice tone="error">{`Không lập được báo cáo: ${loaded.message}`}</Notice>}
        {computed && data && tab === 'official' && (
          <>
            <div className="table-scroll">
              <OfficialTable report={computed.report} rowLabel={rowLabel} onFigure={onFigure} />
            </div>
            <ConsultationLine store={desk.store} period={data.period} version={version} />
            {describeLinkedGroupLine(computed.report.linkedGroups) !== null && (
              <p className="consultation-line" data-testid="report-linked-groups">
                {describeLinkedGroupLine(computed.report.linkedGroups)}
              </p>
            )}
            {describeDigitisation(computed.report.digitisation) !== null && (
              <p className="consultation-line" data-testid="report-digitisation">
                {describeDigitisation(computed.report.digitisation)}
              </p>
            )}
            <PeriodFeeLine period={data.period} version={version} />
            {computed.report.rows.length === 0 && computed.report.total.received.total + computed.report.total.carriedOver === 0 && (
              <p className="list-note">Không có hồ sơ nào trong kỳ này.</p>
            )}
            {computed.report.skipped.length > 0 && (
              <Notice tone="warning">{`${computed.report.skipped.length} hồ sơ chưa đủ dữ liệu nên chưa được thống kê: ${computed.report.skipped
                .slice(0, 5)
                .map((s) => s.code)
                .join(', ')}${computed.report.skipped.length > 5 ? '…' : ''}`}</Notice>
            )}
          </>
        )}
        {computed && tab === 'ledger' && (
          <>
            <div className="table-scroll">
              <LedgerTable rows={computed.ledger.rows} contacts={screenEntries} onOpen={openDossier} limit={LEDGER_ON_SCREEN} />
            </div>
            <p className="list-note">
              {computed.ledger.rows.length > LEDGER_ON_SCREEN
                ? `Hiển thị ${LEDGER_ON_SCREEN} / ${formatCount(computed.ledger.rows.length)} dòng; bản in và tệp Excel có đủ các dòng, kèm địa chỉ và số điện thoại.`
                : `${formatCount(computed.ledger.rows.length)} hồ sơ tiếp nhận trong kỳ. Địa chỉ, số điện thoại có trong bản in và tệp Excel.`}
            </p>
          </>
        )}
        {period && tab === 'fees' && <FeeReportPanel period={period} version={version} />}
        {charts && tab === 'charts' && (
          <div className="charts-grid" data-testid="report-charts">
            <BarChart title={charts.receivedTitle} points={charts.received} unit="hồ sơ" testId="received-chart" />
            <BarChart title="Tỷ lệ giải quyết đúng hạn 12 tháng gần nhất (%)" points={charts.onTime} unit="%" max={100} reference={ON_TIME_TARGET} testId="on-time-chart" />
            {charts.deadline ? (
              <DeadlineChart counts={charts.deadline.counts} asOfLabel={charts.deadline.asOfLabel} />
            ) : (
              <p className="reports-loading">Đang đếm hồ sơ đang mở…</p>
            )}
          </div>
        )}
      </div>

      {selection && data && (
        <FigureDossiers selection={selection} byCode={data.byCode} onOpen={openDossier} onClose={() => setSelection(null)} />
      )}
    </section>
  );
}
