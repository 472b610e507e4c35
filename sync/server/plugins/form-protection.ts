import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { formTokenMatches, isFormSecret, maskFormSecret, newFormSecret } from '../domain/form-token.ts';
import { isSameOriginPost } from '../domain/same-origin.ts';
import { ServerError } from '../domain/server-error.ts';
import { readCookie, setCookieValue } from './cookies.ts';

declare module 'fastify' {
  interface FastifyInstance {
    forms: {
      /** The token for a form on the page being answered (sets the browser's form cookie if it has none). */
      tokenFor(request: FastifyRequest, reply: FastifyReply): string;
      /** preHandler of every form post: same origin, and the page's token in the `csrf` field. */
      requireFormPost(request: FastifyRequest): Promise<void>;
    };
  }
}

/** The form field that carries the token. */
export const FORM_TOKEN_FIELD = 'csrf';

// Over HTTPS the `__Host-` prefix makes browsers refuse the cookie from a sibling subdomain.
const cookieName = (request: FastifyRequest) => (request.protocol === 'https' ? '__Host-motcua_form' : 'motcua_form');

/** This server's origin as the browser names it (`https://host`, default port left out). */
function originOf(request: FastifyRequest): string | null {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Cross-site request forgery protection for the server's HTML forms: the post must come from a
 * page of this server (Origin / Fetch Metadata, see same-origin.ts) and carry the token of its
 * page, a masked copy of a secret kept in an HttpOnly, SameSite=Strict cookie (double submit). Both
 * live in the browser, so any server process checks them without shared state.
 */
export const formProtectionPlugin = fp(
  async (app) => {
    app.decorate('forms', {
      tokenFor(request: FastifyRequest, reply: FastifyReply) {
        let secret = readCookie(request, cookieName(request));
        if (!isFormSecret(secret)) {
          secret = newFormSecret();
          reply.header('set-cookie', setCookieValue(request, cookieName(request), secret));
        }
        return maskFormSecret(secret);
      },
      async requireFormPost(request: FastifyRequest) {
        const ownOrigin = originOf(request);
        const headers = request.headers;
        const fetchSite = headers['sec-fetch-site'];
        if (ownOrigin === null || !isSameOriginPost({ origin: headers.origin, referer: headers.referer, 'sec-fetch-site': typeof fetchSite === 'string' ? fetchSite : undefined }, ownOrigin)) {
          throw new ServerError(403, 'request.cross_origin', 'Yêu cầu không gửi từ trang của máy chủ này nên bị từ chối.');
        }
        const body = request.body as Record<string, unknown> | null | undefined;
        if (!formTokenMatches(body?.[FORM_TOKEN_FIELD], readCookie(request, cookieName(request)))) {
          throw new ServerError(403, 'request.bad_form_token', 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang rồi thử lại.');
        }
      },
    });
  },
  { name: 'form-protection' },
);
