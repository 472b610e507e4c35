import { formatDate, formatTime } from '../../../src/time/vn-time.ts';
import type { PublicDossier, PublicGroup } from '../domain/public-dossier.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const when = (iso: string | null) => (iso ? `${formatTime(Date.parse(iso))} ngày ${formatDate(Date.parse(iso))}` : '—');

/** A linked group: where each component is, with its own appointment. */
function groupSection(group: PublicGroup): string {
  const rows = group.components
    .map(
      (c) =>
        `<tr data-component="${escape(c.code)}"><td>${escape(c.procedureName)}<br><span class="code">${escape(c.code)}</span></td><td>${escape(c.statusLabel ?? 'Chưa cập nhật')}</td><td>${escape(c.currentUnit ?? '—')}</td><td>${escape(when(c.appointmentAt))}</td></tr>`,
    )
    .join('');
  return `<h3>Hồ sơ liên thông ${escape(group.code)}: ${escape(group.procedureName)}</h3>
  <p>Hẹn trả kết quả của cả nhóm: <strong>${escape(when(group.appointmentAt))}</strong></p>
  <table class="group"><thead><tr><th>Thủ tục thành phần</th><th>Trạng thái</th><th>Đơn vị đang giải quyết</th><th>Hẹn trả</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The citizen's lookup page: a form, and the result when a code was given. Plain HTML, no script. */
export function renderLookupPage(typed: string | null, dossier: PublicDossier | null): string {
  const result =
    typed === null
      ? ''
      : dossier
        ? `<section class="result" aria-live="polite">
  <h2>Hồ sơ ${escape(dossier.code)}</h2>
  <dl>
    <dt>Trạng thái</dt><dd><strong>${escape(dossier.statusLabel)}</strong></dd>
    <dt>Thủ tục</dt><dd>${escape(dossier.procedureName)} (${escape(dossier.procedureCode)})</dd>
    <dt>Người nộp</dt><dd>${escape(dossier.applicantName)}</dd>
    <dt>Đơn vị đang giải quyết</dt><dd>${escape(dossier.currentUnit.name)}</dd>
    <dt>Ngày tiếp nhận</dt><dd>${escape(when(dossier.receivedAt))}</dd>
    <dt>Ngày hẹn trả kết quả</dt><dd>${escape(when(dossier.appointmentAt))}</dd>
  </dl>
  ${dossier.group ? groupSection(dossier.group) : ''}
</section>`
        : `<section class="result missing" aria-live="polite"><p>Không tìm thấy hồ sơ có mã <strong>${escape(typed)}</strong>. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.</p></section>`;
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tra cứu hồ sơ thủ tục hành chính</title>
<style>
body{font-family:system-ui,"Segoe UI",Arial,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.4rem}label{display:block;margin-bottom:.4rem}
input{font-size:1.1rem;padding:.5rem;width:100%;box-sizing:border-box;font-family:monospace}
button{margin-top:.6rem;font:inherit;font-size:1.1rem;padding:.5rem 1.2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}dt{font-weight:600}
.missing{color:#8a1c1c}
table.group{width:100%;border-collapse:collapse;font-size:.95rem}table.group th,table.group td{border-top:1px solid #ccc;padding:.3rem;text-align:left;vertical-align:top}.code{font-family:monospace;font-size:.85rem;color:#555}
</style>
</head>
<body>
<h1>Tra cứu tình trạng hồ sơ</h1>
<form method="get" action="/tra-cuu">
  <label for="ma">Mã hồ sơ (in trên giấy tiếp nhận và hẹn trả kết quả)</label>
  <input id="ma" name="ma" required maxlength="40" autocomplete="off" placeholder="000.00.12.H23-251122-1007" value="${escape(typed ?? '')}">
  <button type="submit">Tra cứu</button>
</form>
${result}
</body>
</html>
`;
}
