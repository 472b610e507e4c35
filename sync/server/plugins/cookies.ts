import type { FastifyRequest } from 'fastify';

/** The value of cookie `name` in the request, if any. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * A `Set-Cookie` value for the dashboard: never readable by scripts, never sent by another site's
 * page, and `Secure` whenever this request came over HTTPS, directly or through a trusted proxy
 * (`request.protocol` reads `X-Forwarded-Proto` only from peers the server was told to trust).
 */
export function setCookieValue(request: FastifyRequest, name: string, value: string, maxAgeSeconds?: number): string {
  const maxAge = maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`;
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${name}=${value}; Path=/; HttpOnly; SameSite=Strict${maxAge}${secure}`;
}
