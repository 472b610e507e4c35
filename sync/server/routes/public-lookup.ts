import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { findPublicDossier } from '../domain/public-dossier.ts';
import { ServerError } from '../domain/server-error.ts';
import type { RateLimits } from '../plugins/rate-limit.ts';
import { renderLookupPage } from './public-lookup-page.ts';

const codeParam = z.strictObject({ code: z.string().max(64) });
const pageQuery = z.object({ ma: z.string().max(64).optional() });

const notFound = () => new ServerError(404, 'dossier.not_found', 'Không tìm thấy hồ sơ với mã này.');

/**
 * The citizen's lookup: `GET /api/public/dossiers/:code` (JSON) and the Vietnamese page `/tra-cuu`
 * (`?ma=<code>` from the form, `/tra-cuu/<code>` from the receipt's QR code). An unknown code and
 * a malformed one get the same answer, so the page reveals nothing about which codes exist.
 *
 * One budget per client address covers every route of this plugin, present and future: a route's
 * own `config.rateLimit` would count in a store of its own, each route a fresh allowance.
 */
export const publicLookupRoutes: FastifyPluginAsync<{ limits: RateLimits }> = async (app, { limits }) => {
  app.addHook('onRequest', app.rateLimit({ max: limits.publicLookup, timeWindow: 60_000 }));

  app.get('/api/public/dossiers/:code', async (request) => {
    const parsed = codeParam.safeParse(request.params);
    const dossier = parsed.success ? await findPublicDossier(app.database.db, parsed.data.code) : null;
    if (!dossier) throw notFound();
    return dossier;
  });

  const page = async (typed: string | undefined) => {
    const code = typed?.trim() ? typed.trim() : null;
    const dossier = code ? await findPublicDossier(app.database.db, code) : null;
    return { status: code && !dossier ? 404 : 200, html: renderLookupPage(code, dossier) };
  };
  const sendPage = (reply: FastifyReply, result: { status: number; html: string }) =>
    reply
      .code(result.status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
      .header('x-content-type-options', 'nosniff')
      .send(result.html);

  app.get('/tra-cuu', async (request, reply) => {
    const query = pageQuery.safeParse(request.query);
    return sendPage(reply, await page(query.success ? query.data.ma : undefined));
  });
  app.get('/tra-cuu/:code', async (request, reply) => {
    const parsed = codeParam.safeParse(request.params);
    return sendPage(reply, await page(parsed.success ? parsed.data.code : '?'));
  });
};
