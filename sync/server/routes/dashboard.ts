import type { FastifyPluginAsync } from 'fastify';
import { ServerError } from '../domain/server-error.ts';
import { renderDashboard, renderLogin } from '../reports/dashboard-html.ts';
import { listDeskHealth } from '../reports/desk-health.ts';
import { serverOfficialReport } from '../reports/official-report.ts';
import { SESSION_COOKIE } from '../reports/officer-sessions.ts';
import type { ReportAuthorizer, ReportSessions } from '../reports/officer-sessions.ts';
import { reportRequest } from './reports.ts';

export interface DashboardOptions {
  sessions: ReportSessions;
  authorize: ReportAuthorizer;
  silentAfterMs: number;
  now: () => number;
}

const VN_OFFSET_MS = 7 * 3_600_000;

function currentMonth(nowMs: number): { from: string; to: string } {
  const today = new Date(nowMs + VN_OFFSET_MS).toISOString().slice(0, 10);
  return { from: `${today.slice(0, 8)}01`, to: today };
}

/** The provincial dashboard `/bao-cao`: server-rendered Vietnamese HTML, no script. */
export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, { sessions, authorize, silentAfterMs, now }) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const html = (content: string) => content;

  app.get('/bao-cao', async (request, reply) => {
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    const viewer = await authorize(request);
    if (!viewer) return html(renderLogin());
    const raw = request.query as Record<string, string | undefined>;
    const defaults = currentMonth(now());
    const query = { from: raw.from || defaults.from, to: raw.to || defaults.to, groupBy: raw.unit ? 'procedure' : 'unit', ...(raw.unit ? { unit: raw.unit } : {}) };
    let input;
    try {
      input = reportRequest(viewer, query, now());
    } catch (error) {
      if (error instanceof ServerError) return html(renderDashboard({ viewer, query, error: error.message, nowMs: now() }));
      throw error;
    }
    const [report, desks] = await Promise.all([
      serverOfficialReport(app.database.db, input),
      listDeskHealth(app.database.db, now(), silentAfterMs, input.unitIds),
    ]);
    return html(renderDashboard({ viewer, query, report, desks, silentAfterMs, nowMs: now() }));
  });

  app.post('/bao-cao/dang-nhap', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const token = await sessions.login(body.unit ?? '', body.username ?? '', body.password ?? '');
    if (!token) {
      reply.code(401).header('content-type', 'text/html; charset=utf-8');
      return renderLogin('Sai mã đơn vị, tên đăng nhập hoặc mật khẩu, hoặc tài khoản không có quyền xem báo cáo (chỉ lãnh đạo, quản trị).');
    }
    const secure = request.protocol === 'https' ? '; Secure' : '';
    return reply.header('set-cookie', `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=28800${secure}`).redirect('/bao-cao', 303);
  });

  app.post('/bao-cao/dang-xuat', async (request, reply) => {
    sessions.logout(sessions.tokenOf(request));
    return reply.header('set-cookie', `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`).redirect('/bao-cao', 303);
  });
};
