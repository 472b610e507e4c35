import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventIdGenerator } from '../../src/dossier/event-id.ts';
import { createEvent } from '../../src/dossier/events.ts';
import { openDatabase } from '../../sync/server/db/database.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import type { ServerProcess } from '../helpers/server-process.ts';
import { storeDossierFromElsewhere } from '../integration/server/support/foreign-dossier.ts';
import { launchChromium } from './support/chromium.ts';
import { admin } from './support/counter.ts';

/**
 * Issue 20 point 6: the citizen's public lookup on a real server process finds a dossier whose
 * code another system issued (NNNN 0007, outside the desks' slot scheme), typed into the page's form.
 */

const artifacts = join(import.meta.dirname, 'artifacts');
const UNIT = '000.00.12.H23';
const FOREIGN_CODE = `${UNIT}-251122-0007`;
const OFFICER = { username: 'lan.nt', fullName: 'Nguyễn Thị Lan', password: 'mật-khẩu-của-Lan-2025' } as const;
/** Each CLI command opens PGlite in a fresh process: seconds each on a busy machine. */
const SETUP_TIMEOUT = 300_000;

describe('the public lookup of a code issued elsewhere, on the real server', () => {
  let browser: Browser;
  let server: ServerProcess | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'motcua-e2e-foreign-'));

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await admin(dataDir, ['unit', 'add', '--id', UNIT, '--name', 'UBND phường Ba Đình', '--level', 'commune']);
    const officer = await admin(dataDir, ['officer', 'add', '--unit', UNIT, '--username', OFFICER.username, '--name', OFFICER.fullName, '--role', 'reception'], `${OFFICER.password}\n`);
    const officerId = /Mã cán bộ: (\S+)/.exec(officer)?.[1] ?? '';
    expect(officerId).not.toBe('');
    await admin(dataDir, ['desk', 'add', '--unit', UNIT, '--slot', '1']);

    // Imported from the other system through the server's own event writer (a desk may not push
    // RECEIVED for a code outside its range), before the server opens the data directory.
    const nextId = createEventIdGenerator({ now: () => Date.now(), randomBytes: (n) => new Uint8Array(randomBytes(n)) });
    const received = createEvent(
      {
        type: 'RECEIVED',
        dossierCode: FOREIGN_CODE,
        officerId,
        deskId: `${UNIT}#1`,
        unitId: UNIT,
        payload: {
          procedureCode: '1.001193',
          procedureName: 'Đăng ký khai sinh',
          field: 'Hộ tịch',
          statutoryTime: { kind: 'working-days', days: 3 },
          channel: 'in-person',
          applicant: { fullName: 'Phạm Thị Ngoại', citizenId: '001195012349' },
          papers: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
          sets: 1,
          fee: { amount: 0 },
          resultDelivery: 'desk',
          receivedAt: '2025-11-22T02:00:00.000Z',
          dueAt: '2025-11-26T10:00:00.000Z',
        },
      },
      { nextId, now: () => Date.parse('2025-11-22T02:00:00.000Z') },
    );
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await storeDossierFromElsewhere(database, received, new Date('2025-11-22T02:05:00.000Z'));
    } finally {
      await database.close();
    }
    server = await startServerProcess(['--data', dataDir]);
    browser = await launchChromium();
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds it by the code typed into the page, with the masked name and its status, in Vietnamese', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      await page.goto(`${server!.url}/tra-cuu`);
      await page.getByRole('heading', { name: 'Tra cứu tình trạng hồ sơ' }).waitFor();
      await page.getByLabel(/Mã hồ sơ/).fill(FOREIGN_CODE);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await page.getByRole('heading', { name: `Hồ sơ ${FOREIGN_CODE}` }).waitFor();
      const result = (await page.locator('.result').textContent()) ?? '';
      expect(result).toContain('Đã tiếp nhận');
      expect(result).toContain('Đăng ký khai sinh');
      expect(result).toContain('Phạm T. N.');
      expect(result).not.toContain('Ngoại');
      expect(result).not.toContain('Không tìm thấy');
      expect(result).toContain('UBND phường Ba Đình');
      await page.screenshot({ path: join(artifacts, 'foreign-code-public-lookup.png'), fullPage: true });

      // A code of the same shape that no system issued is "not found", not "invalid".
      await page.getByLabel(/Mã hồ sơ/).fill(`${UNIT}-251122-0008`);
      await page.getByRole('button', { name: 'Tra cứu' }).click();
      await expect.poll(() => page.locator('.result').textContent()).toContain(`Không tìm thấy hồ sơ có mã ${UNIT}-251122-0008`);
    } finally {
      await context.close();
    }
  });
});
