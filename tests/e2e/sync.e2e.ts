import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../sync/server/db/database.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { enrollmentCodeFrom } from '../integration/server/support/admin-cli.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { launchChromium } from './support/chromium.ts';
import { TEST_DESK, logIn, openFreshDesk } from './support/desk.ts';
import { admin, receiveBirthRegistration } from './support/counter.ts';

const artifacts = join(import.meta.dirname, 'artifacts');

const OFFICER = { username: 'lan.nt', fullName: 'Nguyễn Thị Lan', password: 'mật-khẩu-của-Lan-2025' } as const;
/** A second reception officer, disabled by the administrator while the desk is offline. */
const COLLEAGUE = { username: 'binh.tt', fullName: 'Trần Thị Bình', password: 'mật-khẩu-của-Bình-2025' } as const;
/** A leader, by default allowed on no desk. */
const LEADER = { username: 'hung.lv', fullName: 'Lê Văn Hùng', password: 'mật-khẩu-lãnh-đạo-2025' } as const;
/** Each CLI command opens PGlite in a fresh process: seconds each on a busy machine. */
const SETUP_TIMEOUT = 480_000;

describe('a desk against the real provincial server', () => {
  let browser: Browser;
  let server: ServerProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-server-'));
  let enrollmentCode = '';
  let colleagueId = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const unit = TEST_DESK.agencyId;
    await admin(dataDir, ['unit', 'add', '--id', unit, '--name', 'UBND phường Ba Đình', '--level', 'commune']);
    await admin(dataDir, ['officer', 'add', '--unit', unit, '--username', OFFICER.username, '--name', OFFICER.fullName, '--role', 'reception'], `${OFFICER.password}\n`);
    const colleague = await admin(dataDir, ['officer', 'add', '--unit', unit, '--username', COLLEAGUE.username, '--name', COLLEAGUE.fullName, '--role', 'reception'], `${COLLEAGUE.password}\n`);
    colleagueId = /Mã cán bộ: (\S+)/.exec(colleague)?.[1] ?? '';
    await admin(dataDir, ['officer', 'add', '--unit', unit, '--username', LEADER.username, '--name', LEADER.fullName, '--role', 'leader'], `${LEADER.password}\n`);
    await admin(dataDir, ['catalogue', 'import', 'assets/catalogue/procedures.json']);
    await admin(dataDir, ['calendar', 'import', 'assets/calendars/2025.json', 'assets/calendars/2026.json', 'assets/calendars/2027.json']);
    const desk = await admin(dataDir, ['desk', 'add', '--unit', unit, '--slot', String(TEST_DESK.slot)]);
    enrollmentCode = enrollmentCodeFrom(desk);
    expect(enrollmentCode).not.toBe('');
    server = await startServerProcess(['--data', dataDir]);
    browser = await launchChromium();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('enrolls, syncs a dossier the citizen can look up, and catches up after the server was down', async () => {
    const { context, page } = await openFreshDesk(browser);
    const indicator = page.getByTestId('sync-indicator');
    try {
      const serverUrl = server!.url;
      await expect.poll(() => indicator.textContent()).toContain('Chưa kết nối máy chủ tỉnh');

      // The local administrator enrolls the desk with the one-time code.
      await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết nối máy chủ' }).click();
      await page.getByRole('heading', { name: 'Kết nối máy chủ tỉnh' }).waitFor();
      await page.getByLabel('Địa chỉ máy chủ').fill(serverUrl);
      await page.getByLabel('Mã kích hoạt').fill(enrollmentCode.toLowerCase());
      await page.screenshot({ path: join(artifacts, 'sync-enroll.png') });
      await page.getByLabel('Mã kích hoạt').press('Enter');
      await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('enroll-done').textContent()).toContain(`Quầy số ${TEST_DESK.slot}`);
      await page.screenshot({ path: join(artifacts, 'sync-enroll-done.png') });

      // The server's officers replace the local ones: log in as the provincial officer.
      await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await logIn(page, OFFICER.username, OFFICER.password);
      await expect.poll(() => page.getByTestId('officer-name').textContent()).toBe(OFFICER.fullName);
      await expect.poll(() => indicator.getAttribute('data-phase'), { timeout: 30_000 }).toBe('online');

      const first = await receiveBirthRegistration(page, 'Nguyễn Văn An');
      expect(first.startsWith(`${TEST_DESK.agencyId}-`)).toBe(true);
      await page.getByTestId('topbar').screenshot({ path: join(artifacts, 'sync-topbar.png') });

      // Day-end sync: everything this desk has is on the server, nothing refused.
      await indicator.click();
      await page.getByTestId('day-end-start').click();
      const report = page.getByTestId('day-end-report');
      await report.waitFor({ timeout: 60_000 });
      await page.screenshot({ path: join(artifacts, 'sync-day-end.png') });
      // Live replication may already have pushed the RECEIVED event: the day-end sends what is left.
      const sent = Number(await page.getByTestId('day-end-sent').textContent());
      expect([0, 1]).toContain(sent);
      expect(await page.getByTestId('day-end-rejected').textContent()).toBe('0');
      expect(await report.textContent()).toContain('Đồng bộ xong');
      await report.getByRole('button', { name: 'Đóng' }).click();

      // The citizen's lookup on the server: the dossier, with nothing but a masked name.
      const response = await fetch(`${serverUrl}/api/public/dossiers/${encodeURIComponent(first)}`);
      expect(response.status).toBe(200);
      const lookedUp = (await response.json()) as Record<string, unknown>;
      expect(lookedUp).toMatchObject({ code: first, procedureName: 'Đăng ký khai sinh', applicantName: 'Nguyễn V. A.' });
      expect(JSON.stringify(lookedUp)).not.toContain('Văn An');

      const lookupPage = await context.newPage();
      await lookupPage.goto(`${serverUrl}/tra-cuu?ma=${encodeURIComponent(first)}`);
      await lookupPage.getByRole('heading', { name: `Hồ sơ ${first}` }).waitFor();
      expect(await lookupPage.locator('body').textContent()).toContain('Nguyễn V. A.');
      await lookupPage.screenshot({ path: join(artifacts, 'sync-public-lookup.png'), fullPage: true });
      await lookupPage.close();

      // The server goes away: the desk keeps receiving, and says what waits.
      const port = new URL(serverUrl).port;
      await server!.stop();
      server = null;
      await expect.poll(() => indicator.getAttribute('data-phase'), { timeout: 60_000 }).toBe('offline');
      await receiveBirthRegistration(page, 'Trần Thị Bình');
      await expect.poll(() => indicator.textContent(), { timeout: 15_000 }).toMatch(/[1-9]\d* chờ gửi/);
      await page.getByTestId('topbar').screenshot({ path: join(artifacts, 'sync-topbar-offline.png') });

      // Meanwhile the administrator disables a colleague (PGlite: one process at a time on the data).
      await admin(dataDir, ['officer', 'disable', '--officer', colleagueId]);

      // Back on the same data and address: the waiting count drains by itself.
      server = await startServerProcess(['--data', dataDir, '--port', port]);
      expect(server.url).toBe(serverUrl);
      await expect.poll(() => indicator.textContent(), { timeout: 90_000, interval: 500 }).not.toContain('chờ gửi');
      await expect.poll(() => indicator.getAttribute('data-phase'), { timeout: 30_000 }).toBe('online');

      // The day-end sync brings the change: the disabled colleague can no longer log in on this desk,
      // nor can the leader, who is allowed on no desk (issue 18 points 3 and 6).
      await indicator.click();
      await page.getByTestId('day-end-start').click();
      await page.getByTestId('day-end-report').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('day-end-rejected').textContent()).toBe('0');
      await page.getByTestId('day-end-report').getByRole('button', { name: 'Đóng' }).click();
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      const loginError = page.getByTestId('login-error');
      await page.getByLabel('Tên đăng nhập').fill(COLLEAGUE.username);
      await page.getByLabel('Mật khẩu').fill(COLLEAGUE.password);
      await page.getByRole('button', { name: /Đăng nhập/ }).click();
      await expect.poll(() => loginError.textContent()).toContain('Tài khoản đã bị ngừng sử dụng');
      await page.getByLabel('Tên đăng nhập').fill(LEADER.username);
      await page.getByLabel('Mật khẩu').fill(LEADER.password);
      await page.getByRole('button', { name: /Đăng nhập/ }).click();
      await expect.poll(() => loginError.textContent()).toContain('không được phép đăng nhập tại quầy này');
      await page.screenshot({ path: join(artifacts, 'sync-login-not-on-this-desk.png') });
    } finally {
      await context.close();
    }

    // What the server stored: every event of this desk signed in Lan's login session on it.
    await server?.stop();
    server = null;
    const database = await openDatabase({ kind: 'pglite', dataDir }, { migrate: false });
    try {
      const rows = await database.db.selectFrom('events').select(['body', 'officer_id', 'desk_id']).execute();
      expect(rows.length).toBeGreaterThanOrEqual(2);
      const sessions = new Set(rows.map((row) => (row.body as { session?: { id: string } }).session?.id));
      expect(sessions.size).toBe(1);
      expect([...sessions][0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(new Set(rows.map((row) => row.desk_id))).toEqual(new Set([`${TEST_DESK.agencyId}#${TEST_DESK.slot}`]));
    } finally {
      await database.close();
    }
  }, 420_000);
});
