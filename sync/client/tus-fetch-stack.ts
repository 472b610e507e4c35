import type { HttpRequest, HttpResponse, HttpStack } from 'tus-js-client';
import type { FetchLike } from './http-client.ts';

/** A chunk of 1 MB takes 8 s at 1 Mbit/s; a request that has said nothing for this long is dead. */
const REQUEST_TIMEOUT_MS = 120_000;

/**
 * tus-js-client's transport over the desk's `fetch`, the same one the event sync uses: in the
 * renderer and in Node alike, and whatever a test or the bench puts in its place.
 */
export function fetchHttpStack(fetchLike: FetchLike): HttpStack {
  return {
    getName: () => 'motcua-fetch',
    createRequest: (method, url) => fetchRequest(fetchLike, method, url),
  };
}

function fetchRequest(fetchLike: FetchLike, method: string, url: string): HttpRequest {
  const headers: Record<string, string> = {};
  const controller = new AbortController();
  let onProgress: (bytesSent: number) => void = () => undefined;
  return {
    getMethod: () => method,
    getURL: () => url,
    setHeader(name, value) {
      headers[name] = value;
    },
    getHeader: (name) => headers[name],
    setProgressHandler(handler) {
      onProgress = handler;
    },
    async send(body: Blob | null = null): Promise<HttpResponse> {
      const signal = AbortSignal.any([controller.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]);
      const response = await fetchLike(url, { method, headers, body, signal });
      const text = method === 'HEAD' ? '' : await response.text();
      // fetch tells nothing while a body goes out: the chunk counts as sent once answered.
      if (body) onProgress(body.size);
      return {
        getStatus: () => response.status,
        getHeader: (name) => response.headers.get(name) ?? undefined,
        getBody: () => text,
        getUnderlyingObject: () => response,
      };
    },
    abort() {
      controller.abort();
      return Promise.resolve();
    },
    getUnderlyingObject: () => controller,
  };
}
