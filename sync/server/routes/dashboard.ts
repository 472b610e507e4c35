import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { ok } from '../../../src/errors.ts';
import type { Result } from '../../../src/errors.ts';
import { parseTypedDate } from '../../../src/time/date-rule.ts';
import { ServerError } from '../domain/server-error.ts';
import { findUnit } from '../repositories/units.ts';
import { setCookieValue } from '../plugins/cookies.ts';
import { renderDashboard, renderLogin } from '../reports/dashboard-html.ts';
import { listDeskHealth } from '../reports/desk-health.ts';
import { serverConsultationLine } from '../reports/counter-consultations.ts';
import { officerNamesOf, serverFeeReport } from '../reports/fee-report.ts';
import { serverOfficialReport } from '../reports/official-report.ts';
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from '../reports/officer-sessions.ts';
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

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/**
 * A period date from the filter form, typed day first as everywhere else (dd/MM/yyyy, the shared
 * date rule), or yyyy-MM-dd as the page's own links and older bookmarks carry it.
 */
function periodDay(value: string, label: string): Result<string> {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return ok(value);
  return parseTypedDate(value, { label });
}

/** The provincial dashboard `/bao-cao`: server-rendered Vietnamese HTML, no script. */
export const dashboardRoutes: FastifyPluginAsync<DashboardOptions> = async (app, { sessions, authorize, silentAfterMs, now }) => {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  const html = (content: string) => content;
  const loginPage = (request: FastifyRequest, reply: FastifyReply, status: number, error?: string) =>
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(renderLogin(app.forms.tokenFor(request, reply), error));

  // A refused form post (rate limit, lock, foreign origin, stale token) answers with the login
  // page and its reason, not with JSON a browser would show raw.
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ServerError && error.statusCode < 500) return loginPage(request, reply, error.statusCode, error.message);
    throw error;
  });

  app.get('/bao-cao', async (request, reply) => {
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    const viewer = await authorize(request);
    if (!viewer) return html(renderLogin(app.forms.tokenFor(request, reply)));
    const formToken = app.forms.tokenFor(request, reply);
    const raw = request.query as Record<string, string | undefined>;
    const defaults = currentMonth(now());
    const typed = { from: text(raw.from) || defaults.from, to: text(raw.to) || defaults.to };
    const from = periodDay(typed.from, 'Từ ngày');
    const to = periodDay(typed.to, 'Đến ngày');
    const unit = text(raw.unit).toUpperCase();
    const query = { from: from.ok ? from.value : typed.from, to: to.ok ? to.value : typed.to, groupBy: unit ? 'procedure' : 'unit', ...(unit ? { unit } : {}) };
    const unitName = unit ? (await findUnit(app.database.db, unit))?.name : undefined;
    const named = unitName ? { unitName } : {};
    const typo = !from.ok ? from.error : !to.ok ? to.error : null;
    if (typo) return html(renderDashboard({ viewer, query, ...named, error: typo.message, nowMs: now(), formToken }));
    let input;
    try {
      input = reportRequest(viewer, query, now());
    } catch (error) {
      if (error instanceof ServerError) return html(renderDashboard({ viewer, query, ...named, error: error.message, nowMs: now(), formToken }));
      throw error;
    }
    const [report, consultations, desks, fees] = await Promise.all([
      serverOfficialReport(app.database.db, input),
      serverConsultationLine(app.database.db, input),
      listDeskHealth(app.database.db, now(), silentAfterMs, input.unitIds),
      serverFeeReport(app.database.db, input),
    ]);
    const officerNames = await officerNamesOf(app.database.db, fees.cashUps.map((c) => c.officerId));
    return html(renderDashboard({ viewer, query, ...named, report, consultations, desks, fees: { ...fees, officerNames }, silentAfterMs, nowMs: now(), formToken }));
  });

  app.post('/bao-cao/dang-nhap', { onRequest: app.loginGuard.limitAddress, preHandler: app.forms.requireFormPost }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const token = await sessions.login(body.unit ?? '', body.username ?? '', body.password ?? '');
    if (!token) {
      return loginPage(request, reply, 401, 'Sai mã đơn vị, tên đăng nhập hoặc mật khẩu, hoặc tài khoản không có quyền xem báo cáo (chỉ lãnh đạo, quản trị).');
    }
    return reply.header('set-cookie', setCookieValue(request, SESSION_COOKIE, token, SESSION_MAX_AGE_SECONDS)).redirect('/bao-cao', 303);
  });

  app.post('/bao-cao/dang-xuat', { preHandler: app.forms.requireFormPost }, async (request, reply) => {
    sessions.logout(sessions.tokenOf(request));
    return reply.header('set-cookie', setCookieValue(request, SESSION_COOKIE, '', 0)).redirect('/bao-cao', 303);
  });
};
