import { formatDate, formatTime } from '../../../src/time/vn-time.ts';
import type { PublicDossier } from '../domain/public-dossier.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);

const when = (iso: string | null) => (iso ? `${formatTime(Date.parse(iso))} ngày ${formatDate(Date.parse(iso))}` : '—');

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
