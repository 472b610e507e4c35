import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * Serves built folders under URL prefixes from one origin, so that the benchmark pages and the
 * built app share IndexedDB and localStorage (the web key). `mounts`: prefix ('/bench/') → folder.
 */
/** `port` 0 picks a free one; a fixed port keeps the origin (and so its IndexedDB) across runs. */
export async function serveFolders(mounts: Record<string, string>, port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const prefix = prefixes.find((p) => path.startsWith(p));
      const root = prefix ? mounts[prefix] : undefined;
      if (!prefix || !root) return void response.writeHead(404).end();
      const rest = path.slice(prefix.length) || 'index.html';
      const file = normalize(join(root, rest));
      if (!file.startsWith(normalize(root) + sep)) return void response.writeHead(403).end();
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
      } catch {
        return void response.writeHead(404).end();
      }
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      createReadStream(file).pipe(response);
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
