import fp from 'fastify-plugin';

/**
 * The policy of a page that names none: nothing loads but the page's own inline style, forms post
 * only to this server, and no other site may frame it (clickjacking a login or a report).
 */
export const DEFAULT_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** A route's own Content-Security-Policy, kept as restrictive as it was, and never frameable. */
export function withFrameAncestors(policy: string): string {
  if (/(^|;)\s*frame-ancestors\s/i.test(policy)) return policy;
  return `${policy.trim().replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}

/**
 * One hook for every answer: HTML pages (dashboard, public lookup, any added later, error pages
 * alike) get a CSP that forbids framing, X-Frame-Options for older browsers, no referrer (a
 * dossier code in the URL must not leak to other sites) and nosniff; every answer gets nosniff.
 */
export const securityHeadersPlugin = fp(
  async (app) => {
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('x-content-type-options', 'nosniff');
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && /^text\/html\b/i.test(type)) {
        const policy = reply.getHeader('content-security-policy');
        reply.header('content-security-policy', typeof policy === 'string' ? withFrameAncestors(policy) : DEFAULT_PAGE_POLICY);
        reply.header('x-frame-options', 'DENY');
        reply.header('referrer-policy', 'no-referrer');
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
