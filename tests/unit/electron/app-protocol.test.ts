import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppProtocol, registerAppSchemeAsPrivileged, resolveAppFile } from '../../../electron/main/app-protocol.ts';

describe('app:// protocol confined to the renderer folder', () => {
  let root: string;
  let rendererDir: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'motcua-protocol-'));
    rendererDir = join(root, 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Một cửa</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'bí mật');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('maps app://motcua/ paths into the folder', () => {
    expect(resolveAppFile(rendererDir, 'app://motcua/')).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppFile(rendererDir, 'app://motcua/assets/app.js?v=1#x')).toBe(join(rendererDir, 'assets', 'app.js'));
    expect(resolveAppFile(rendererDir, 'app://motcua/assets/m%E1%BB%99t.js')).toBe(join(rendererDir, 'assets', 'một.js'));
  });

  it.each(['app://motcua/../secret.txt', 'app://motcua/%2e%2e/secret.txt', 'app://motcua/assets/%2E%2E/%2E%2E/secret.txt'])(
    'keeps %s inside the folder (the URL parser already folds the dots)',
    (url) => {
      expect(resolveAppFile(rendererDir, url)).toBe(join(rendererDir, 'secret.txt'));
    },
  );

  it.each([
    'app://motcua/..%2fsecret.txt',
    'app://motcua/..%5csecret.txt',
    'app://motcua/assets%5c..%5c..%5csecret.txt',
    'app://motcua/index.html%00.png',
    'app://motcua/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
    'https://motcua/index.html',
  ])('rejects %s', (url) => {
    expect(resolveAppFile(rendererDir, url)).toBeUndefined();
  });

  const fsFetch = async (url: string) => {
    try {
      return new Response(readFileSync(fileURLToPath(url)));
    } catch {
      return new Response('missing', { status: 404 });
    }
  };

  it('serves files with the CSP header and answers 403 to traversal, 404 to missing files', async () => {
    const handler = createAppProtocolHandler({ fetch: fsFetch as never }, { rendererDir });
    const page = await handler(new Request('app://motcua/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('Một cửa');

    for (const url of ['app://motcua/..%2fsecret.txt', 'app://motcua/..%5c..%5csecret.txt']) {
      const traversal = await handler(new Request(url));
      expect(traversal.status).toBe(403);
      expect(await traversal.text()).not.toContain('bí mật');
    }
    const folded = await handler(new Request('app://motcua/%2e%2e/secret.txt'));
    expect(folded.status).toBe(404);
    expect(await folded.text()).not.toContain('bí mật');
    expect((await handler(new Request('app://motcua/nope.js'))).status).toBe(404);
    expect((await handler(new Request('app://motcua/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers the scheme as privileged and the handler on it', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppSchemeAsPrivileged({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged.mock.calls[0]![0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const handle = vi.fn();
    registerAppProtocol({ protocol: { handle }, net: { fetch: fsFetch as never } }, { rendererDir });
    expect(handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
