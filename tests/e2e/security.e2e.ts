import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServerProcess } from '../helpers/server-process.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { enrollmentCodeFrom } from '../integration/server/support/admin-cli.ts';
import { launchChromium } from './support/chromium.ts';
import { TEST_DESK, logIn, newDeskContext, openFreshDesk } from './support/desk.ts';
import { admin } from './support/counter.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const OFFICER = { username: 'lan.nt', fullName: 'Nguyễn Thị Lan', password: 'mật-khẩu-của-Lan-2025' } as const;
const LEADER = { username: 'hung.lv', fullName: 'Lê Văn Hùng', password: 'mật-khẩu-lãnh-đạo-2025' } as const;
const DESK_ID = `${TEST_DESK.agencyId}#${TEST_DESK.slot}`;
/** A server on the office network, in plain HTTP: what the security review enrolled against. */
const LAN_SERVER = 'http://10.20.30.40:8080';
const SETUP_TIMEOUT = 300_000;

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name }).click();

async function enrolWith(page: Page, serverUrl: string, code: string): Promise<void> {
  await nav(page, 'Kết nối máy chủ');
  await page.getByRole('heading', { name: 'Kết nối máy chủ tỉnh' }).waitFor();
  await page.getByLabel('Địa chỉ máy chủ').fill(serverUrl);
  await page.getByLabel('Mã kích hoạt').fill(code);
  await page.getByLabel('Mã kích hoạt').press('Enter');
}

/** Issue 18 points 3, 4 and 8, as the desk's officers, its administrator and a unit leader see them. */
describe('security, end to end', () => {
  let browser: Browser;
  let server: ServerProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-security-'));
  let firstCode = '';

  /** The admin command line needs the PGlite folder to itself: stop the server around it. */
  async function adminWhileStopped(args: string[]): Promise<string> {
    const port = server ? new URL(server.url).port : '0';
    await server?.stop();
    server = null;
    try {
      return await admin(dataDir, args);
    } finally {
      server = await startServerProcess(['--data', dataDir, '--port', port]);
    }
  }

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await admin(dataDir, ['unit', 'add', '--id', TEST_DESK.agencyId, '--name', 'UBND phường Ba Đình', '--level', 'commune']);
    await admin(dataDir, ['officer', 'add', '--unit', TEST_DESK.agencyId, '--username', OFFICER.username, '--name', OFFICER.fullName, '--role', 'admin', '--desks', 'all'], `${OFFICER.password}\n`);
    await admin(dataDir, ['officer', 'add', '--unit', TEST_DESK.agencyId, '--username', LEADER.username, '--name', LEADER.fullName, '--role', 'leader'], `${LEADER.password}\n`);
    firstCode = enrollmentCodeFrom(await admin(dataDir, ['desk', 'add', '--unit', TEST_DESK.agencyId, '--slot', String(TEST_DESK.slot)]));
    server = await startServerProcess(['--data', dataDir]);
    browser = await launchChromium();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a plain-HTTP server on the network until the administrator allows it, then warns in red', async () => {
    const { context, page } = await openFreshDesk(browser);
    try {
      await enrolWith(page, LAN_SERVER, 'K7QM-3XHT-9PRA-W2ND');
      const refusal = page.getByRole('alert').filter({ hasText: 'Địa chỉ máy chủ dùng http:// không mã hóa' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Cài đặt › Kết nối máy chủ');
      expect(await page.getByTestId('enroll-done').count()).toBe(0);
      await page.screenshot({ path: join(artifacts, 'security-enroll-refused.png') });

      // The administrator allows plain HTTP on the settings screen: a red warning says what it risks.
      await nav(page, 'Cài đặt');
      const panel = page.getByRole('region', { name: 'Kết nối máy chủ' });
      await panel.getByRole('checkbox', { name: /Cho phép kết nối http:\/\/ không mã hóa/ }).check();
      const warning = panel.getByTestId('plain-http-setting-warning');
      await warning.waitFor();
      expect(await warning.textContent()).toContain('Không an toàn');
      await panel.getByRole('button', { name: 'Lưu kết nối' }).click();
      await panel.getByTestId('connection-message').filter({ hasText: 'Đã cho phép kết nối http:// không mã hóa' }).waitFor();
      await warning.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, 'security-settings-plain-http.png') });

      // That address is the real server on this network (here: the test server behind it).
      await routeLanServerTo(context, server!.url);
      await nav(page, 'Kết nối máy chủ');
      await page.getByTestId('plain-http-warning').waitFor();
      await enrolWith(page, LAN_SERVER, firstCode);
      await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('enroll-done').textContent()).toContain(LAN_SERVER);
      await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await logIn(page, OFFICER.username, OFFICER.password);
      await page.getByTestId('sync-insecure').waitFor();
      expect(await page.getByTestId('sync-insecure').textContent()).toBe('Không mã hóa');
      await nav(page, 'Kết nối máy chủ');
      await page.getByTestId('plain-http-warning').waitFor();
      await page.screenshot({ path: join(artifacts, 'security-plain-http-in-use.png') });
    } finally {
      await context.close();
    }
  }, 300_000);

  it('shows a revoked desk plainly, sends nothing more, and comes back with a new code', async () => {
    const { context, page } = await openFreshDesk(browser);
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(server?.url ?? '-')) requests.push(request.url());
    });
    const indicator = page.getByTestId('sync-indicator');
    try {
      const code = enrollmentCodeFrom(await adminWhileStopped(['desk', 'code', '--desk', DESK_ID]));
      await enrolWith(page, server!.url, code);
      await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
      await logIn(page, OFFICER.username, OFFICER.password);
      await expect.poll(() => indicator.getAttribute('data-phase'), { timeout: 30_000 }).toBe('online');

      // The province revokes the desk (the laptop was stolen, say): its stream comes back refused.
      const revoked = await adminWhileStopped(['desk', 'revoke', '--desk', DESK_ID]);
      expect(revoked).toContain(`Đã thu hồi quầy ${DESK_ID}`);
      await expect.poll(() => indicator.getAttribute('data-phase'), { timeout: 60_000 }).toBe('revoked');
      expect(await indicator.textContent()).toContain('Quầy bị thu hồi quyền đồng bộ');
      await page.getByTestId('topbar').screenshot({ path: join(artifacts, 'security-revoked-topbar.png') });
      const sent = requests.length;
      await page.waitForTimeout(5_000);
      expect(requests.length).toBe(sent);

      await indicator.click();
      const notice = page.getByTestId('enroll-revoked');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/^Quầy đã bị thu hồi quyền đồng bộ với máy chủ tỉnh\. Quầy ngừng đồng bộ; hồ sơ trên quầy vẫn được giữ nguyên\./);
      await page.screenshot({ path: join(artifacts, 'security-revoked-enroll.png') });

      // A code issued after the revocation brings it back.
      const fresh = enrollmentCodeFrom(await adminWhileStopped(['desk', 'code', '--desk', DESK_ID]));
      await enrolWith(page, server!.url, fresh);
      await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
      await logIn(page, OFFICER.username, OFFICER.password);
      await expect.poll(() => indicator.getAttribute('data-phase'), { timeout: 30_000 }).toBe('online');
    } finally {
      await context.close();
    }
  }, 300_000);

  it('lets a leader log in and out of /bao-cao through its forms, and refuses the same posts from another origin', async () => {
    const context = await newDeskContext(browser);
    const page = await context.newPage();
    const answers: Array<{ url: string; status: number; headers: Record<string, string> }> = [];
    page.on('response', (response) => answers.push({ url: response.url(), status: response.status(), headers: response.headers() }));
    try {
      const dashboard = `${server!.url}/bao-cao`;
      await page.goto(dashboard);
      await page.getByRole('heading', { name: 'Báo cáo một cửa cấp tỉnh' }).waitFor();
      const loginPage = answers.find((answer) => answer.url === dashboard);
      expect(loginPage?.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(loginPage?.headers['referrer-policy']).toBe('no-referrer');
      await page.getByLabel('Mã đơn vị').fill(TEST_DESK.agencyId);
      await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
      await page.getByLabel('Mật khẩu').fill(LEADER.password);
      await page.screenshot({ path: join(artifacts, 'security-dashboard-login.png') });
      // Chromium posts this form with Origin: null (Referrer-Policy: no-referrer) and Sec-Fetch-Site: same-origin.
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { name: /Báo cáo tình hình giải quyết hồ sơ/ }).waitFor();
      expect(await page.getByText(LEADER.fullName).count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(artifacts, 'security-dashboard.png') });

      // A page of another origin on the same host (same site: the SameSite cookie goes with it)
      // posts the logout form: refused, and the leader stays logged in.
      const forger = await context.newPage();
      await forger.goto(inject('rendererUrl'));
      const forged = forger.waitForResponse((response) => response.url() === `${server!.url}/bao-cao/dang-xuat`);
      await forger.evaluate((action) => {
        const form = document.createElement('form');
        form.method = 'post';
        form.action = action;
        document.body.append(form);
        form.submit();
      }, `${server!.url}/bao-cao/dang-xuat`);
      expect((await forged).status()).toBe(403);
      await forger.getByText('Yêu cầu không gửi từ trang của máy chủ này nên bị từ chối.').waitFor();
      await forger.screenshot({ path: join(artifacts, 'security-dashboard-forged.png') });
      await forger.close();
      await page.reload();
      await page.getByRole('heading', { name: /Báo cáo tình hình giải quyết hồ sơ/ }).waitFor();

      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Báo cáo một cửa cấp tỉnh' }).waitFor();
      const cookies = await context.cookies(server!.url);
      expect(cookies.map((cookie) => cookie.name)).not.toContain('motcua_bao_cao');
      expect(cookies.every((cookie) => cookie.httpOnly && cookie.sameSite === 'Strict')).toBe(true);
    } finally {
      await context.close();
    }
  }, 120_000);
});

/** Sends what the page asks of LAN_SERVER to the running test server (streams excepted: a route buffers whole answers). */
async function routeLanServerTo(context: BrowserContext, serverUrl: string): Promise<void> {
  await context.unroute(`${LAN_SERVER}/**`);
  await context.route(`${LAN_SERVER}/**`, async (route) => {
    const url = route.request().url().replace(LAN_SERVER, serverUrl);
    if (url.includes('/stream')) return route.abort('connectionrefused');
    return route.fulfill({ response: await route.fetch({ url }) });
  });
}
