import type { CashUp, FeeTotals } from '../../../src/fees/cash-up.ts';
import { formatDong } from '../../../src/fees/format-dong.ts';
import { paymentMethodLabels, paymentMethods } from '../../../src/fees/payment-method.ts';
import { CONSULTATION_LINE_LABEL, type ConsultationLine } from '../../../src/reports/counter-consultations.ts';
import { describeLinkedGroupLine, type LinkedGroupLine } from '../../../src/reports/linked-groups.ts';
import { describeDigitisation, type DigitisationRate } from '../../../src/reports/digitisation.ts';
import type { OfficialReport } from '../../../src/reports/official-report.ts';
import type { EventType } from '../../../src/dossier/events.ts';
import { actionLabels } from '../../../src/dossier/state-machine.ts';
import { eventDateFlagLabels, type EventDateFlag } from '../domain/event-dates.ts';
import { FLAGGED_EVENTS_SHOWN, type DeskHealthRow } from './desk-health.ts';
import type { ReportViewer } from './officer-sessions.ts';
import { reportColumns } from './workbook.ts';
import { counterLabel, counterParts, createPlaceNames } from '../../../src/people/place-names.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const VN_OFFSET_MS = 7 * 3_600_000;
const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
/**
 * A period date in the filter box: dd/MM/yyyy whatever the browser's language. The boxes are text,
 * not <input type="date">, which shows the browser's own format (MM/dd/yyyy in an English one).
 */
const shownDate = (date: string) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? vnDate(date) : date);
function vnDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const local = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString();
  return `${local.slice(11, 16)} ${vnDate(local.slice(0, 10))}`;
}
function duration(ms: number | null): string {
  if (ms === null) return '—';
  const minutes = Math.round(Math.abs(ms) / 60_000);
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} giờ ${minutes % 60} phút` : `${Math.floor(hours / 24)} ngày ${hours % 24} giờ`;
}
const count = (n: number) => n.toLocaleString('vi-VN');

const STYLE = `
body{font-family:'Noto Sans','Segoe UI',Arial,sans-serif;margin:0;color:#1b2430;background:#f5f7fa;font-size:14px}
header{background:#16324f;color:#fff;padding:12px 24px;display:flex;align-items:center;gap:16px}
header h1{font-size:18px;margin:0;flex:1} header form{margin:0} main{padding:16px 24px;max-width:1320px}
h2{font-size:17px;margin:18px 0 8px} table{border-collapse:collapse;background:#fff;width:100%}
th,td{border:1px solid #d5dbe3;padding:5px 7px} th{background:#eef2f7;font-size:12.5px} td.n{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:700;background:#f5f7fa} tr.silent td{background:#fdecea} .badge{color:#9b1c14;font-weight:700}
form.filters{display:flex;gap:12px;align-items:flex-end;flex-wrap:wrap} label{display:grid;gap:3px;font-weight:600;font-size:13px}
input,select,button{font:inherit;padding:5px 9px;border:1px solid #c4cdd8;border-radius:6px} button{background:#1f5fae;color:#fff;border-color:#1f5fae;cursor:pointer}
.muted{color:#5b6675} .error{color:#9b1c14;background:#fdecea;border:1px solid #f2c1bc;padding:8px 12px;border-radius:6px}
.login{max-width:380px;margin:60px auto;background:#fff;padding:24px;border-radius:10px;border:1px solid #dfe4ea;display:grid;gap:12px}
a{color:#1f5fae} .id{font-size:12px;font-weight:400;font-variant-numeric:tabular-nums}
@media print{header form,form.filters,.noprint{display:none} body{background:#fff}}
`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The hidden field every posted form carries (plugins/form-protection.ts). */
const formToken = (token: string) => `<input type="hidden" name="csrf" value="${escape(token)}">`;

export function renderLogin(token: string, error?: string): string {
  return page(
    'Đăng nhập – Báo cáo tỉnh',
    `<form class="login" method="post" action="/bao-cao/dang-nhap">${formToken(token)}<h1 style="margin:0;font-size:20px">Báo cáo một cửa cấp tỉnh</h1>
<p class="muted" style="margin:0">Dành cho lãnh đạo đơn vị và quản trị viên.</p>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<label>Mã đơn vị<input name="unit" required autocomplete="organization" placeholder="000.00.12.H23"></label>
<label>Tên đăng nhập<input name="username" required autocomplete="username"></label>
<label>Mật khẩu<input name="password" type="password" required autocomplete="current-password"></label>
<button type="submit">Đăng nhập</button></form>`,
  );
}

export interface DashboardView {
  viewer: ReportViewer;
  /** The period as yyyy-MM-dd (links, export), or as typed when it could not be read. */
  query: { from: string; to: string; unit?: string };
  /** The drilled-down unit's name, when `query.unit` names one. */
  unitName?: string;
  report?: OfficialReport;
  desks?: DeskHealthRow[];
  /** Fees of the period and each officer's cash-up per day (sync/server/reports/fee-report.ts). */
  fees?: { totals: FeeTotals; cashUps: CashUp[]; officerNames: ReadonlyMap<string, string> };
  /** Citizens guided or refused at the counter in the period: never dossiers, so a line of their own. */
  consultations?: ConsultationLine;
  silentAfterMs?: number;
  error?: string;
  nowMs: number;
  /** For the logout form. */
  formToken: string;
}

function reportTable(report: OfficialReport, query: DashboardView['query']): string {
  const firstHeader = report.groupBy === 'unit' ? 'Đơn vị' : 'Thủ tục hành chính';
  const bands: string[] = [];
  const seconds: string[] = [];
  reportColumns.forEach((c, i) => {
    if (c.group === null) bands.push(`<th rowspan="2">${escape(c.header)}</th>`);
    else {
      if (reportColumns[i - 1]?.group !== c.group) bands.push(`<th colspan="${reportColumns.filter((x) => x.group === c.group).length}">${escape(c.group)}</th>`);
      seconds.push(`<th>${escape(c.header)}</th>`);
    }
  });
  const rows = [...report.rows, report.total].map((row, index) => {
    const isTotal = row.key === null;
    const label =
      isTotal ? 'Tổng cộng'
      : report.groupBy === 'unit'
        ? `<a href="/bao-cao?from=${query.from}&amp;to=${query.to}&amp;unit=${encodeURIComponent(row.key ?? '')}">${escape(row.label)}</a> <span class="muted">${escape(row.key ?? '')}</span>`
        : escape(row.label);
    const rate = row.onTimeRate === null ? '—' : row.onTimeRate.toLocaleString('vi-VN', { minimumFractionDigits: 1 });
    return `<tr${isTotal ? ' class="total"' : ''} data-row-key="${escape(row.key ?? 'total')}"><td class="n">${isTotal ? '' : index + 1}</td><td>${label}</td>${reportColumns
      .map((c) => `<td class="n">${count(c.value(row))}</td>`)
      .join('')}<td class="n">${rate}</td></tr>`;
  });
  return `<table data-testid="province-table"><thead><tr><th rowspan="2">STT</th><th rowspan="2">${firstHeader}</th>${bands.join('')}<th rowspan="2">Tỷ lệ đúng hạn (%)</th></tr><tr>${seconds.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** "Quầy 1 – UBND phường Ba Đình" with the desk id as small grey secondary text, as on the desk. */
function counterCell(d: Pick<DeskHealthRow, 'deskId' | 'unitId' | 'unitName'>, withUnit: boolean): string {
  const counter = createPlaceNames([{ id: d.unitId, name: d.unitName }]).counter(d.deskId);
  const parts = counterParts(d.deskId);
  const name = withUnit || !parts ? counter.name : counterLabel(parts.slot);
  return `${escape(name)} <span class="muted id">${escape(d.deskId)}</span>`;
}

function deskTable(desks: readonly DeskHealthRow[], silentAfterMs: number): string {
  if (desks.length === 0) return '<p class="muted">Chưa có quầy tiếp nhận nào được kích hoạt.</p>';
  const rows = desks.map(
    (d) => `<tr${d.silent ? ' class="silent"' : ''} data-desk="${escape(d.deskId)}"><td>${escape(d.unitName)} <span class="muted id">${escape(d.unitId)}</span></td><td>${counterCell(d, false)}</td>
<td>${vnDateTime(d.lastSyncAt)}</td><td>${vnDateTime(d.lastPushAt)}</td><td class="n">${d.pendingEvents === null ? '—' : count(d.pendingEvents)}</td>
<td>${duration(d.oldestPendingAgeMs)}</td><td>${d.clockOffsetMs === null ? '—' : `${d.clockOffsetMs >= 0 ? 'nhanh' : 'chậm'} ${duration(d.clockOffsetMs)}`}</td>
<td class="n">${d.flaggedCount > 0 ? `<span class="badge">${count(d.flaggedCount)}</span>` : '0'}</td>
<td>${d.silent ? '<span class="badge">Mất liên lạc</span>' : 'Bình thường'}</td></tr>`,
  );
  return `<p class="muted">Quầy không đồng bộ quá ${duration(silentAfterMs)} được tô đỏ.</p><table data-testid="desk-health"><thead><tr><th>Đơn vị</th><th>Quầy</th><th>Đồng bộ thành công gần nhất</th><th>Gửi sự kiện gần nhất</th><th>Sự kiện chờ gửi</th><th>Sự kiện chờ lâu nhất</th><th>Lệch đồng hồ</th><th>Sự kiện lệch giờ</th><th>Tình trạng</th></tr></thead><tbody>${rows.join('')}</tbody></table>
${flaggedTable(desks)}`;
}

/** Each desk's events whose desk time the server flagged, newest first: what to check on that desk. */
function flaggedTable(desks: readonly DeskHealthRow[]): string {
  const flagged = desks.filter((d) => d.flaggedEvents.length > 0);
  if (flagged.length === 0) return '';
  const reason = (code: string) => (code in eventDateFlagLabels ? eventDateFlagLabels[code as EventDateFlag] : code);
  const rows = flagged.flatMap((d) =>
    d.flaggedEvents.map(
      (e) => `<tr data-event="${escape(e.eventId)}"><td>${counterCell(d, true)}</td><td>${escape(e.dossierCode)}</td><td>${escape(actionLabels[e.type as EventType] ?? e.type)}</td>
<td>${vnDateTime(e.deskTime)}</td><td>${vnDateTime(e.serverTime)}</td><td>${e.reasons.map((r) => escape(reason(r))).join('; ')}</td></tr>`,
    ),
  );
  const more = flagged
    .filter((d) => d.flaggedCount > d.flaggedEvents.length)
    .map((d) => `${escape(createPlaceNames([{ id: d.unitId, name: d.unitName }]).counter(d.deskId).name)}: ${count(d.flaggedCount)}`);
  return `<h2>Sự kiện có thời điểm đáng ngờ</h2><p class="muted">Giờ ghi trên quầy lệch quá 10 phút so với máy chủ, hoặc trước khi quầy được kích hoạt: kiểm tra đồng hồ máy tính của quầy.${more.length > 0 ? ` Chỉ hiện ${FLAGGED_EVENTS_SHOWN} sự kiện mới nhất của mỗi quầy (tổng ${more.join(', ')}).` : ''}</p>
<table data-testid="flagged-events"><thead><tr><th>Quầy</th><th>Mã hồ sơ</th><th>Thao tác</th><th>Giờ trên quầy</th><th>Giờ máy chủ nhận</th><th>Lý do</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function consultationLine(line: ConsultationLine): string {
  return `<p data-testid="counter-consultations">${escape(CONSULTATION_LINE_LABEL)}: <strong>${count(line.total)}</strong> (hướng dẫn bổ sung ${count(line.guided)}, từ chối tiếp nhận ${count(line.refused)}). Không tính vào số hồ sơ tiếp nhận.</p>`;
}

/** The linked groups received: the desk's words (`describeLinkedGroupLine`), left out when there were none. */
function linkedGroupLine(line: LinkedGroupLine): string {
  const text = describeLinkedGroupLine(line);
  return text === null ? '' : `<p data-testid="linked-groups">${escape(text)}</p>`;
}

/** The digitisation rates of the units shown: the desk's words (`describeDigitisation`), left out for an empty period. */
function digitisationLine(rate: DigitisationRate): string {
  const text = describeDigitisation(rate);
  return text === null ? '' : `<p data-testid="digitisation">${escape(text)}</p>`;
}

/** Leaders' cash-up section: the period's fees by method, then one line per officer and day (voided receipts only counted). */
function feeSection(fees: NonNullable<DashboardView['fees']>): string {
  const { totals, cashUps, officerNames } = fees;
  const methods = paymentMethods.map((m) => `${escape(paymentMethodLabels[m])}: <strong>${escape(formatDong(totals.byMethod[m]))}</strong>`).join(' · ');
  const summary = `<p data-testid="fee-totals">${methods} · Tổng cộng: <strong>${escape(formatDong(totals.total))}</strong> (${count(totals.count)} biên lai; ${count(totals.voidedCount)} số đã hủy, không cộng tiền)</p>`;
  if (cashUps.length === 0) return `<h2>Thu phí, lệ phí</h2>${summary}<p class="muted">Không có biên lai nào trong kỳ.</p>`;
  const rows = cashUps.map((c) => {
    const name = officerNames.get(c.officerId) ?? c.officerId;
    return `<tr data-officer="${escape(c.officerId)}" data-date="${escape(c.date)}"><td>${vnDate(c.date)}</td><td>${escape(name)}</td><td class="n">${count(c.totals.count)}</td>${paymentMethods
      .map((m) => `<td class="n">${escape(formatDong(c.totals.byMethod[m]))}</td>`)
      .join('')}<td class="n"><strong>${escape(formatDong(c.totals.total))}</strong></td><td class="n">${count(c.totals.voidedCount)}</td></tr>`;
  });
  return `<h2>Thu phí, lệ phí – bảng kê thu tiền theo cán bộ, theo ngày</h2>${summary}
<table data-testid="cash-ups"><thead><tr><th>Ngày</th><th>Cán bộ thu</th><th>Số biên lai</th>${paymentMethods.map((m) => `<th>${escape(paymentMethodLabels[m])}</th>`).join('')}<th>Tổng cộng</th><th>Đã hủy</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

export function renderDashboard(view: DashboardView): string {
  const { viewer, query, report } = view;
  const scope = query.unit ? (view.unitName ?? `Đơn vị ${query.unit}`) : viewer.unitIds === undefined ? 'Toàn tỉnh' : 'Các đơn vị được phân quyền';
  const exportQuery = `from=${query.from}&amp;to=${query.to}&amp;groupBy=${query.unit ? 'procedure' : 'unit'}${query.unit ? `&amp;unit=${encodeURIComponent(query.unit)}` : ''}`;
  const body = `<header><h1>Báo cáo tình hình giải quyết hồ sơ – ${escape(scope)}</h1><span>${escape(viewer.fullName)} (${viewer.role === 'admin' ? 'Quản trị' : 'Lãnh đạo'})</span>
<form method="post" action="/bao-cao/dang-xuat">${formToken(view.formToken)}<button type="submit">Đăng xuất</button></form></header><main>
<form class="filters" method="get" action="/bao-cao">${query.unit ? `<input type="hidden" name="unit" value="${escape(query.unit)}">` : ''}
<label>Từ ngày<input type="text" name="from" inputmode="numeric" placeholder="dd/mm/yyyy" size="10" value="${escape(shownDate(query.from))}"></label><label>Đến ngày<input type="text" name="to" inputmode="numeric" placeholder="dd/mm/yyyy" size="10" value="${escape(shownDate(query.to))}"></label>
<button type="submit">Xem báo cáo</button>${report ? `<a class="noprint" href="/api/reports/official.xlsx?${exportQuery}">Xuất Excel</a>` : ''}
${query.unit ? '<a class="noprint" href="/bao-cao">← Toàn tỉnh</a>' : ''}</form>
${view.error ? `<p class="error" role="alert">${escape(view.error)}</p>` : ''}
${report ? `<h2>Từ ngày ${vnDate(report.period.from)} đến ngày ${vnDate(report.period.to)} <span class="muted" style="font-weight:400;font-size:13px">(số liệu đến ${vnDateTime(report.asOf)})</span></h2>${reportTable(report, query)}` : ''}
${report ? linkedGroupLine(report.linkedGroups) : ''}
${report ? digitisationLine(report.digitisation) : ''}
${view.consultations ? consultationLine(view.consultations) : ''}
${report && report.skipped.length > 0 ? `<p class="muted">${report.skipped.length} hồ sơ chưa đủ dữ liệu để thống kê.</p>` : ''}
${view.fees ? feeSection(view.fees) : ''}
${view.desks ? `<h2>Tình trạng quầy tiếp nhận</h2>${deskTable(view.desks, view.silentAfterMs ?? 0)}` : ''}
<p class="muted">Lập lúc ${vnDateTime(new Date(view.nowMs).toISOString())}.</p></main>`;
  return page('Báo cáo tỉnh – Một Cửa', body);
}
