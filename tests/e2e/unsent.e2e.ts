import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startServerProcess } from '../helpers/server-process.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { enrollmentCodeFrom } from '../integration/server/support/admin-cli.ts';
import { launchChromium } from './support/chromium.ts';
import { TEST_DESK, logIn, openFreshDesk } from './support/desk.ts';
import { writeAsOlderVersion } from './support/older-version.ts';
import { admin, pickBirthRegistration, receiveBirthRegistration } from './support/counter.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const OFFICER = { username: 'binh.tt', fullName: 'Trần Thị Bình', password: 'mật-khẩu-của-Bình-2025' } as const;
const SETUP_TIMEOUT = 300_000;

async function enroll(page: Page, serverUrl: string, code: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kết nối máy chủ' }).click();
  await page.getByLabel('Địa chỉ máy chủ').fill(serverUrl);
  await page.getByLabel('Mã kích hoạt').fill(code);
  await page.getByLabel('Mã kích hoạt').press('Enter');
  await page.getByTestId('enroll-done').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Đăng nhập lại' }).click();
  await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
  await logIn(page, OFFICER.username, OFFICER.password);
}

describe('"Chưa gửi được": a desk holding a poisoned event, against the real provincial server (issue 18)', () => {
  let browser: Browser;
  let server: ServerProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-unsent-'));
  let enrollmentCode = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const unit = TEST_DESK.agencyId;
    await admin(dataDir, ['unit', 'add', '--id', unit, '--name', 'UBND phường Ba Đình', '--level', 'commune']);
    await admin(dataDir, ['officer', 'add', '--unit', unit, '--username', OFFICER.username, '--name', OFFICER.fullName, '--role', 'reception'], `${OFFICER.password}\n`);
    // A unit administrator too: an enrolled desk without one opens on the first-run setup after a restart.
    await admin(dataDir, ['officer', 'add', '--unit', unit, '--username', 'quantri.pbd', '--name', 'Phạm Quản Trị', '--role', 'admin'], 'mật-khẩu-quản-trị-2025\n');
    await admin(dataDir, ['catalogue', 'import', 'assets/catalogue/procedures.json']);
    await admin(dataDir, ['calendar', 'import', 'assets/calendars/2025.json', 'assets/calendars/2026.json', 'assets/calendars/2027.json']);
    enrollmentCode = enrollmentCodeFrom(await admin(dataDir, ['desk', 'add', '--unit', unit, '--slot', String(TEST_DESK.slot)]));
    server = await startServerProcess(['--data', dataDir]);
    browser = await launchChromium();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('syncs the good events, lists the poisoned one with its reason, exports it, and sends it once corrected', async () => {
    const serverUrl = server!.url;
    const { context, page: first } = await openFreshDesk(browser);
    try {
      await enroll(first, serverUrl, enrollmentCode);
      const good = await receiveBirthRegistration(first, 'Nguyễn Văn An');
      await expect.poll(() => first.getByTestId('sync-indicator').textContent(), { timeout: 60_000 }).not.toContain('chờ gửi');
      await first.close();

      // An older version of the app had stored a name with a NUL in it (pasted from another program), with the receipt's print, and a good receipt.
      const [poisoned, older] = await writeAsOlderVersion(context, { username: OFFICER.username, password: OFFICER.password, counters: [901, 902], names: ['Trần Thị\u0000 Bình', 'Lê Văn Cường'] });
      if (!poisoned || !older) throw new Error('nothing written');

      const page = await context.newPage();
      await page.goto(inject('rendererUrl'));
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await logIn(page, OFFICER.username, OFFICER.password);

      // Sync goes on by itself: the good receipt reaches the server, the poisoned one and its print wait.
      const badge = page.getByTestId('sync-unsent');
      await expect.poll(() => badge.textContent(), { timeout: 60_000 }).toBe('2 chưa gửi được');
      await expect.poll(async () => (await fetch(`${serverUrl}/api/public/dossiers/${encodeURIComponent(older.code)}`)).status, { timeout: 60_000 }).toBe(200);
      expect((await fetch(`${serverUrl}/api/public/dossiers/${encodeURIComponent(poisoned.code)}`)).status).toBe(404);
      await page.getByTestId('topbar').screenshot({ path: join(artifacts, 'unsent-topbar.png') });

      await badge.click();
      await page.getByRole('heading', { name: 'Chưa gửi được', level: 1 }).waitFor();
      const rows = page.getByTestId('unsent-row');
      await expect.poll(() => rows.count()).toBe(2);
      const poisonedRow = page.locator(`tr[data-event-id="${poisoned.received}"]`);
      await expect.poll(() => poisonedRow.textContent()).toContain('Họ và tên người nộp hồ sơ có ký tự không được phép (ký tự điều khiển U+0000, ở ký tự thứ 9)');
      expect(await poisonedRow.textContent()).toContain('Tiếp nhận hồ sơ');
      expect(await poisonedRow.getByRole('link', { name: poisoned.code }).count()).toBe(1);
      expect(await page.locator(`tr[data-event-id="${poisoned.printed}"]`).textContent()).toContain('sẽ tự gửi ngay sau khi thao tác "Tiếp nhận hồ sơ" của hồ sơ này được sửa và gửi');
      await page.screenshot({ path: join(artifacts, 'unsent-list.png') });

      // Export for the province's support: a JSON file of both, as stored, with why.
      const downloading = page.waitForEvent('download');
      await page.getByTestId('unsent-export').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^motcua-chua-gui-duoc-000\.00\.12\.H23-\d{12}\.json$/);
      const saved = join(artifacts, 'unsent-export.json');
      await download.saveAs(saved);
      const exported = JSON.parse(readFileSync(saved, 'utf8')) as { format: string; events: Array<{ event: { id: string; payload: { applicant?: { fullName: string } } }; reason: { code: string; message: string } }> };
      expect(exported.format).toBe('motcua-unsent-events');
      expect(exported.events.map((e) => e.event.id).sort()).toEqual([poisoned.received, poisoned.printed].sort());
      const exportedPoisoned = exported.events.find((e) => e.event.id === poisoned.received);
      expect(exportedPoisoned?.event.payload.applicant?.fullName).toBe('Trần Thị\u0000 Bình');
      expect(exportedPoisoned?.reason).toMatchObject({ code: 'event.forbidden_character' });
      await expect.poll(() => page.getByTestId('unsent-message').textContent()).toContain('Đã xuất 2 thao tác');

      // Correct: the character shown in place, the name as it will be sent, then confirm.
      await poisonedRow.getByRole('button', { name: 'Sửa…' }).click();
      const fix = page.getByTestId('unsent-fix');
      await fix.waitFor();
      expect(await fix.getByTestId('unsent-before').textContent()).toBe('Trần ThịU+0000 Bình');
      expect(await fix.getByTestId('unsent-after').textContent()).toBe('Trần Thị Bình');
      await page.screenshot({ path: join(artifacts, 'unsent-correct.png') });
      await fix.getByTestId('unsent-confirm').click();

      await page.getByText('Không có thao tác nào chưa gửi được.').waitFor({ timeout: 60_000 });
      await expect.poll(() => badge.count(), { timeout: 30_000 }).toBe(0);
      await page.screenshot({ path: join(artifacts, 'unsent-empty.png') });
      await expect.poll(async () => (await fetch(`${serverUrl}/api/public/dossiers/${encodeURIComponent(poisoned.code)}`)).status, { timeout: 60_000 }).toBe(200);
      const lookedUp = (await (await fetch(`${serverUrl}/api/public/dossiers/${encodeURIComponent(poisoned.code)}`)).json()) as Record<string, unknown>;
      expect(lookedUp).toMatchObject({ code: poisoned.code, applicantName: 'Trần T. B.' });
      expect((await fetch(`${serverUrl}/api/public/dossiers/${encodeURIComponent(good)}`)).status).toBe(200);
      writeFileSync(join(artifacts, 'unsent-lookup.json'), JSON.stringify(lookedUp, null, 2));
    } finally {
      await context.close();
    }
  }, 300_000);
});

describe('the forms refuse poison text on the field (issue 18)', () => {
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the rule\u2019s message under the applicant\u2019s name and under a refusal\u2019s reason, and saves nothing', async () => {
    const { context: desk, page } = await openFreshDesk(browser);
    try {
      await pickBirthRegistration(page);
      // Pasted from a web page: a right-to-left override hides in the name.
      await page.getByLabel('Họ và tên').fill('Nguyễn \u202EVăn An');
      await page.getByLabel('Họ và tên').press('Enter');
      const nameError = page.locator('.applicant .field-error');
      await expect.poll(() => nameError.first().textContent()).toBe(
        'Họ và tên người nộp hồ sơ có ký tự không được phép (ký tự đảo chiều văn bản U+202E, ở ký tự thứ 8): ký tự này không nhìn thấy được và thường lẫn vào khi dán văn bản, hãy xoá rồi gõ lại nội dung ô này.',
      );
      expect(await page.getByTestId('receive-notice').textContent()).toContain('Hồ sơ chưa lưu');
      await page.screenshot({ path: join(artifacts, 'unsent-receive-field.png') });

      await page.getByLabel('Họ và tên').fill('Nguyễn Văn An');
      await page.getByLabel('Họ và tên').press('Enter');
      const notice = page.getByTestId('receive-notice').filter({ hasText: 'của Nguyễn Văn An' });
      await notice.waitFor();
      const code = /hồ sơ (\S+) của/.exec((await notice.textContent()) ?? '')?.[1] ?? '';
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Mở hồ sơ' }).click();
      const toolbar = page.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbar.locator('[data-action=REFUSED]').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByLabel(/Lý do từ chối/).fill('Hồ sơ thiếu\u0007 giấy tờ');
      await dialog.getByRole('button', { name: /Từ chối hồ sơ/ }).click();
      await expect.poll(() => dialog.locator('.field-error').textContent()).toBe(
        'Lý do từ chối có ký tự không được phép (ký tự điều khiển U+0007, ở ký tự thứ 12): ký tự này không nhìn thấy được và thường lẫn vào khi dán văn bản, hãy xoá rồi gõ lại nội dung ô này.',
      );
      await page.screenshot({ path: join(artifacts, 'unsent-refusal-field.png') });
      await dialog.getByRole('button', { name: /Huỷ/ }).click();
      await expect.poll(() => page.locator('.detail-badges [data-status]').textContent()).toBe('Đã tiếp nhận');
      expect(code).not.toBe('');
    } finally {
      await desk.close();
    }
  }, 120_000);
});
