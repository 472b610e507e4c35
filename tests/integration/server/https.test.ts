import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../helpers/server-process.ts';
import { newPgliteDir, serverTestDatabases } from './support/server-databases.ts';
import { buildWorld, PASSWORD, UNIT_A, type World } from './support/world.ts';
import { rmSync } from 'node:fs';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/tls/${name}`, import.meta.url));
const CERT = readFileSync(fixture('cert.pem'));
const KEY = readFileSync(fixture('key.pem'));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over TLS that trusts the test certificate only. */
function overTls(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method, headers, ca: CERT }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const setCookies = (answer: Answer) => [answer.headers['set-cookie'] ?? []].flat();

/** Issue 18 point 8: the server serves HTTPS itself when given a certificate and key. */
describe.each(serverTestDatabases())('HTTPS on $name', (database) => {
  let world: World;
  let base: string;
  beforeAll(async () => {
    world = await buildWorld(await database.target(), { https: { cert: CERT, key: KEY } });
    base = await world.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await world?.close();
    await database.cleanup();
  });

  it('answers over TLS, and the dashboard\u2019s cookies are Secure', async () => {
    expect(base).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await overTls(`${base}/health`);
    expect(health.status).toBe(200);

    const page = await overTls(`${base}/bao-cao`);
    const formCookie = setCookies(page).find((c) => c.startsWith('__Host-motcua_form='));
    expect(formCookie).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    const token = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const login = await overTls(`${base}/bao-cao/dang-nhap`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: base,
        'sec-fetch-site': 'same-origin',
        cookie: formCookie?.split(';')[0] ?? '',
      },
      body: new URLSearchParams({ unit: UNIT_A, username: 'leadera', password: PASSWORD, csrf: token }).toString(),
    });
    expect(login.status).toBe(303);
    expect(setCookies(login).find((c) => c.startsWith('motcua_bao_cao='))).toMatch(/; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800; Secure$/);
  });

  it('does not answer plain HTTP on its port', async () => {
    const plain = fetch(`${base.replace('https:', 'http:')}/health`, { signal: AbortSignal.timeout(5_000) });
    await expect(plain.then((r) => r.status)).rejects.toThrow();
  });
});

describe('npm run server with --tls-cert and --tls-key', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await newPgliteDir();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves HTTPS from the certificate files, from flags or from TLS_CERT_FILE and TLS_KEY_FILE', async () => {
    const fromFlags = await startServerProcess(['--data', dataDir, '--tls-cert', fixture('cert.pem'), '--tls-key', fixture('key.pem')], { DATABASE_URL: '' });
    try {
      expect(fromFlags.url).toMatch(/^https:/);
      expect((await overTls(`${fromFlags.url}/health`)).status).toBe(200);
    } finally {
      await fromFlags.stop();
    }
    const fromEnv = await startServerProcess(['--data', dataDir], { DATABASE_URL: '', TLS_CERT_FILE: fixture('cert.pem'), TLS_KEY_FILE: fixture('key.pem') });
    try {
      expect(fromEnv.url).toMatch(/^https:/);
      expect((await overTls(`${fromEnv.url}/health`)).status).toBe(200);
    } finally {
      await fromEnv.stop();
    }
  }, 120_000);

  it('stops with a clear message when a file is missing or not a certificate', async () => {
    await expect(startServerProcess(['--data', dataDir, '--tls-cert', '/nonexistent/cert.pem', '--tls-key', fixture('key.pem')], { DATABASE_URL: '' })).rejects.toThrow(
      /exited with code 1:\s*Cannot read the TLS certificate file \/nonexistent\/cert\.pem: ENOENT/,
    );
    await expect(startServerProcess(['--data', dataDir, '--tls-cert', fixture('README.md'), '--tls-key', fixture('key.pem')], { DATABASE_URL: '' })).rejects.toThrow(
      /README\.md is not in PEM format/,
    );
    await expect(startServerProcess(['--data', dataDir, '--tls-cert', fixture('cert.pem')], { DATABASE_URL: '' })).rejects.toThrow(/both --tls-cert and --tls-key/);
  }, 120_000);
});
