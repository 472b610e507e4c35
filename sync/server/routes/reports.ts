import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../src/errors.ts';
import { periodWindow, reportPeriodSchema } from '../../../src/reports/report-period.ts';
import { ServerError } from '../domain/server-error.ts';
import { deskOf } from '../plugins/desk-auth.ts';
import { deskHealthReportSchema, listDeskHealth, recordDeskHealth } from '../reports/desk-health.ts';
import { serverConsultationLine } from '../reports/counter-consultations.ts';
import { serverFeeReport } from '../reports/fee-report.ts';
import { serverOfficialReport } from '../reports/official-report.ts';
import { createReportSessions } from '../reports/officer-sessions.ts';
import type { ReportAuthorizer, ReportViewer } from '../reports/officer-sessions.ts';
import { provinceWorkbook } from '../reports/workbook.ts';
import { dashboardRoutes } from './dashboard.ts';

export interface ReportRoutesOptions {
  /** A desk not heard of for longer than this is highlighted (default 24 h). */
  silentAfterMinutes?: number;
  /** Replaces the built-in dashboard sessions, e.g. with the server's own officer sessions. */
  authorize?: ReportAuthorizer;
  now?: () => number;
}

const reportQuery = z.strictObject({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(['procedure', 'field', 'officer', 'unit', 'none']).default('unit'),
  unit: z.string().trim().toUpperCase().optional(),
  asOf: z.iso.datetime({ offset: true }).optional(),
});

/** Parses the query and narrows the units to what the viewer may see. */
export function reportRequest(viewer: ReportViewer, query: unknown, nowMs: number) {
  const parsed = reportQuery.safeParse(query);
  if (!parsed.success) throw new ServerError(400, 'report.bad_query', 'Tham số báo cáo không hợp lệ (from, to dạng YYYY-MM-DD; groupBy).');
  const period = reportPeriodSchema.safeParse({ from: parsed.data.from, to: parsed.data.to });
  if (!period.success) throw new ServerError(400, 'report.bad_period', 'Kỳ báo cáo không hợp lệ: ngày dạng YYYY-MM-DD, từ ngày không sau đến ngày.');
  const { unit } = parsed.data;
  if (unit !== undefined && viewer.unitIds !== undefined && !viewer.unitIds.includes(unit)) {
    throw new ServerError(403, 'report.forbidden_unit', `Tài khoản không được xem báo cáo của đơn vị ${unit}.`);
  }
  const unitIds = unit !== undefined ? [unit] : viewer.unitIds;
  // Like the desk: open dossiers are judged now while the period runs, at its end once it is over.
  const asOf = parsed.data.asOf ?? new Date(Math.min(nowMs, periodWindow(period.data).endMs)).toISOString();
  return { period: period.data, groupBy: parsed.data.groupBy, asOf, ...(unitIds ? { unitIds } : {}) };
}

/**
 * Provincial reports: `GET /api/reports/official` (JSON) and `/api/reports/official.xlsx`, the
 * desk health list, `POST /api/desks/health` for desks to report themselves at each sync, and
 * the dashboard page `/bao-cao`. Leaders see their unit (and its child units), administrators
 * the whole province.
 */
export const reportRoutes: FastifyPluginAsync<ReportRoutesOptions> = async (app, options) => {
  const now = options.now ?? Date.now;
  const silentAfterMs = (options.silentAfterMinutes ?? 24 * 60) * 60_000;
  const sessions = createReportSessions(app.database.db, app.loginGuard, now);
  const authorize = options.authorize ?? sessions.authorize;

  const viewerOf = async (request: FastifyRequest): Promise<ReportViewer> => {
    const viewer = await authorize(request);
    if (!viewer) throw new ServerError(401, 'report.unauthorized', 'Cần đăng nhập bằng tài khoản lãnh đạo hoặc quản trị để xem báo cáo.');
    return viewer;
  };

  const report = async (request: FastifyRequest) => {
    const input = reportRequest(await viewerOf(request), request.query, now());
    try {
      const [official, counterConsultations, fees] = await Promise.all([
        serverOfficialReport(app.database.db, input),
        serverConsultationLine(app.database.db, input),
        serverFeeReport(app.database.db, input),
      ]);
      return { ...official, counterConsultations, fees: fees.totals };
    } catch (error) {
      if (error instanceof DomainError) throw new ServerError(400, error.code, error.message);
      throw error;
    }
  };

  app.get('/api/reports/official', async (request) => {
    const result = await report(request);
    return { ...result, skipped: result.skipped.map((s) => ({ code: s.code, reason: s.error.message })) };
  });

  app.get('/api/reports/official.xlsx', async (request, reply: FastifyReply) => {
    const result = await report(request);
    const label = `Từ ngày ${vnDate(result.period.from)} đến ngày ${vnDate(result.period.to)}`;
    const bytes = await provinceWorkbook(result, 'BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THỦ TỤC HÀNH CHÍNH', label);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="bao-cao-${result.period.from}_${result.period.to}.xlsx"`)
      .send(bytes);
  });

  app.get('/api/reports/desk-health', async (request) => {
    const viewer = await viewerOf(request);
    return { desks: await listDeskHealth(app.database.db, now(), silentAfterMs, viewer.unitIds) };
  });

  app.post('/api/desks/health', { preHandler: app.requireDesk }, async (request) => {
    const desk = deskOf(request);
    const parsed = deskHealthReportSchema.safeParse(request.body);
    if (!parsed.success) throw new ServerError(400, 'desk_health.bad_body', 'Báo cáo tình trạng quầy tiếp nhận không hợp lệ.');
    const at = now();
    await recordDeskHealth(app.database.db, desk.id, parsed.data, at);
    // The desk learns its clock's offset from this (sync/client/desk-health.ts).
    return { ok: true, serverTime: new Date(at).toISOString() };
  });

  await app.register(dashboardRoutes, { sessions, authorize, silentAfterMs, now });
};

const vnDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
