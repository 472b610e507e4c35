/** The request headers a browser sends that tell where a form post came from. */
export interface PostOrigin {
  origin?: string | undefined;
  referer?: string | undefined;
  'sec-fetch-site'?: string | undefined;
}

/**
 * True when a browser says this post comes from a page of `ownOrigin` (`https://host:port`).
 * Fetch Metadata first: under `Referrer-Policy: no-referrer` (every page here sends it) a browser
 * posts a same-origin form with `Origin: null` and no Referer, but with `Sec-Fetch-Site:
 * same-origin`. Browsers without Fetch Metadata send Origin, or at least a Referer; a post that
 * proves nothing is refused.
 */
export function isSameOriginPost(headers: PostOrigin, ownOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  if (origin !== undefined && origin !== 'null' && origin !== ownOrigin) return false;
  if (site !== undefined) return site === 'same-origin';
  if (origin !== undefined && origin !== 'null') return true;
  if (headers.referer === undefined) return false;
  try {
    return new URL(headers.referer).origin === ownOrigin;
  } catch {
    return false;
  }
}
