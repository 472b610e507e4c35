import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Net, Protocol } from 'electron';
import { appHost, appScheme } from './security/app-origin.ts';
import { contentSecurityPolicy } from './security/content-security-policy.ts';

/** Must run before `app` is ready: makes app:// a secure, standard origin. */
export function registerAppSchemeAsPrivileged(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * The file under `rendererDir` an app:// URL names, or undefined when the URL is
 * foreign or tries to leave the folder (../, encoded or not, backslashes, NUL).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return undefined;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return undefined;
  if (pathname.split('/').some((segment) => segment === '..')) return undefined;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return undefined;
  return file;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface AppProtocolOptions {
  rendererDir: string;
  /** Extra origins the renderer may connect to (the provincial server). */
  connectOrigins?: readonly string[];
}

/** The request handler, separate so tests can call it without Electron. */
export function createAppProtocolHandler(net: Pick<Net, 'fetch'>, options: AppProtocolOptions) {
  const csp = contentSecurityPolicy(options.connectOrigins);
  const securityHeaders = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: securityHeaders });
    }
    const file = resolveAppFile(options.rendererDir, request.url);
    if (!file) return new Response('Forbidden', { status: 403, headers: securityHeaders });
    const upstream = await net.fetch(pathToFileURL(file).toString());
    if (!upstream.ok) return new Response('Not Found', { status: 404, headers: securityHeaders });
    return new Response(upstream.body, {
      status: 200,
      headers: { 'Content-Type': mimeTypes[extname(file).toLowerCase()] ?? 'application/octet-stream', ...securityHeaders },
    });
  };
}

export function registerAppProtocol(deps: { protocol: Pick<Protocol, 'handle'>; net: Pick<Net, 'fetch'> }, options: AppProtocolOptions): void {
  deps.protocol.handle(appScheme, createAppProtocolHandler(deps.net, options));
}
