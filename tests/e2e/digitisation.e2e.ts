import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { plainPdf, pngImage } from '../support/attachments/sample-files.ts';
import { fakeCameraArgs, launchChromium } from './support/chromium.ts';
import { allSent, openDossier, openScreen, receiveBirthRegistration } from './support/counter.ts';
import { completeSetup, logIn, newDeskContext, openFreshDesk } from './support/desk.ts';
import { enrolAndLogIn } from './support/enrol-desk.ts';
import { renderDocumentImage, writeY4m } from './support/fake-camera.ts';
import { ADMIN_A, PASSWORD, RECEPTION_A, UNIT_A, startHanoiServer } from './support/hanoi-units.ts';
import type { HanoiServer } from './support/hanoi-units.ts';

const artifacts = join(import.meta.dirname, 'artifacts');
const PROCESSING_A = { username: 'minh.pv', fullName: 'Phạm Văn Minh' };

/** The row of a checklist paper on the dossier detail. */
const paperRow = (page: Page, index: number) => page.getByTestId('paper-row').nth(index);

/** Takes `count` stills with the (fake) document camera in the open capture dialog. */
async function shootPages(page: Page, count: number): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('capture-camera').click();
  const shoot = dialog.getByTestId('camera-shoot');
  await expect.poll(() => shoot.isEnabled(), { timeout: 20_000 }).toBe(true);
  const before = await dialog.getByTestId('capture-page').count();
  for (let shot = 1; shot <= count; shot += 1) {
    await expect.poll(() => shoot.isEnabled()).toBe(true);
    await shoot.click();
    await expect.poll(() => dialog.getByTestId('capture-page').count(), { timeout: 15_000 }).toBe(before + shot);
  }
  expect(await dialog.getByTestId('camera-error').count()).toBe(0);
}

/** One more still with the camera already on. */
async function shootAgain(page: Page): Promise<void> {
  const shoot = page.getByRole('dialog').getByTestId('camera-shoot');
  await expect.poll(() => shoot.isEnabled()).toBe(true);
  await shoot.click();
}

describe('scanned papers and digitised results (issue 22)', () => {
  let browser: Browser;
  let hanoi: HanoiServer;
  let scannedJpeg: Buffer;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    hanoi = await startHanoiServer({
      officers: [{ unitId: UNIT_A, ...RECEPTION_A, role: 'reception' }, { unitId: UNIT_A, ...PROCESSING_A, role: 'processing' }, ADMIN_A],
      desks: [{ unitId: UNIT_A, slot: 1 }, { unitId: UNIT_A, slot: 2 }],
    });
    // The document camera films a real page, rendered once and fed to Chromium's fake camera.
    const plain = await launchChromium();
    const documentImage = await renderDocumentImage(plain);
    await plain.close();
    scannedJpeg = documentImage.jpeg;
    const y4m = join(artifacts, 'document-camera.y4m');
    writeY4m(documentImage.png, y4m);
    browser = await launchChromium(fakeCameraArgs(y4m));
  }, 300_000);

  it('warns over every screen when the desk is nearly full, and takes no new file once it is full', async () => {
    const context = await newDeskContext(browser);
    try {
      // What the browser answers on a desk whose disk is nearly full: 150 MB left of 50 GB, below the 200 MB kept for the dossiers.
      await context.addInitScript(() => {
        const full = { usage: 50 * 1024 ** 3 - 150 * 1024 ** 2, quota: 50 * 1024 ** 3 };
        Object.defineProperty(navigator.storage, 'estimate', { value: async () => full });
      });
      const page = await context.newPage();
      await page.goto(inject('rendererUrl'));
      await completeSetup(page);
      await logIn(page);
      await expect.poll(() => page.getByTestId('storage-room').first().textContent()).toContain('Máy gần hết chỗ lưu trữ');
      const code = await receiveBirthRegistration(page, 'Trần Văn Bình');
      await openDossier(page, code);
      await paperRow(page, 0).getByTestId('paper-capture').click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByTestId('storage-room').textContent()).toContain('không lưu thêm được bản số hóa');
      expect(await dialog.getByTestId('capture-file').isDisabled()).toBe(true);
      expect(await dialog.getByTestId('capture-camera').isDisabled()).toBe(true);
      await page.screenshot({ path: join(artifacts, 'digitisation-storage-full.png') });
    } finally {
      await context.close();
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await hanoi?.stop();
  });

  it('digitises papers by file and by camera, sends them, opens them on another desk of the unit, and reports the rate', async () => {
    const deskA = await openFreshDesk(browser);
    const deskB = await openFreshDesk(browser);
    try {
      const a = deskA.page;
      await enrolAndLogIn(a, hanoi.server.url, hanoi.deskCodes[0]!, RECEPTION_A.username, PASSWORD);
      const code = await receiveBirthRegistration(a, 'Nguyễn Văn An');
      await openDossier(a, code);
      await expect.poll(() => a.getByTestId('paper-row').count()).toBeGreaterThan(1);
      const dialog = a.getByRole('dialog');

      // A file whose content is not what its name says is refused, and nothing is kept.
      await paperRow(a, 0).getByTestId('paper-capture').click();
      await dialog.getByTestId('capture-file').setInputFiles({ name: 'to-khai.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pngImage(20, 20)) });
      await expect.poll(() => dialog.getByTestId('capture-error').textContent()).toContain('không phải PDF mà là ảnh PNG');
      expect(await dialog.getByTestId('capture-page').count()).toBe(0);

      // The first paper from files: a scanned JPEG and a two-page PDF, the PDF moved first.
      await dialog.getByTestId('capture-file').setInputFiles([
        { name: 'to-khai-trang-1.jpg', mimeType: 'image/jpeg', buffer: scannedJpeg },
        { name: 'to-khai-trang-2-3.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await plainPdf(2)) },
      ]);
      await expect.poll(() => dialog.getByTestId('capture-page').count()).toBe(2);
      expect(await dialog.getByTestId('capture-summary').textContent()).toContain('3 trang');
      await dialog.getByRole('button', { name: 'Đưa Trang 2–3 lên trước' }).click();
      expect(await dialog.getByTestId('capture-page').first().textContent()).toContain('to-khai-trang-2-3.pdf');
      await a.screenshot({ path: join(artifacts, 'digitisation-capture.png') });
      await dialog.getByTestId('capture-save').click();
      await expect.poll(() => a.getByTestId('action-done').textContent()).toContain('(3 trang)');
      expect(await paperRow(a, 0).getByTestId('paper-file').textContent()).toContain('3 trang');

      // The second paper from the document camera: two stills, the first deleted and shot again.
      await paperRow(a, 1).getByTestId('paper-capture').click();
      await shootPages(a, 2);
      await dialog.getByRole('button', { name: 'Xóa Trang 1' }).click();
      await expect.poll(() => dialog.getByTestId('capture-page').count()).toBe(1);
      await shootAgain(a);
      await expect.poll(() => dialog.getByTestId('capture-page').count()).toBe(2);
      await a.screenshot({ path: join(artifacts, 'digitisation-camera.png') });
      await dialog.getByTestId('capture-save').click();
      await expect.poll(() => paperRow(a, 1).getByTestId('paper-file').textContent()).toContain('2 trang');

      // A page dropped on the dialog is added too; closing without saving keeps nothing.
      await paperRow(a, 2).getByTestId('paper-capture').click();
      const dropped = await a.evaluateHandle((bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], 'can-cuoc.png', { type: 'image/png' }));
        return transfer;
      }, [...pngImage(600, 380)]);
      await dialog.getByTestId('capture-drop').dispatchEvent('drop', { dataTransfer: dropped });
      await expect.poll(() => dialog.getByTestId('capture-page').count()).toBe(1);
      await dialog.getByRole('button', { name: 'Hủy' }).click();
      await expect.poll(() => a.getByRole('dialog').count()).toBe(0);
      expect(await paperRow(a, 2).getByTestId('paper-file').count()).toBe(0);

      // The viewer draws the camera's pages, offline, from this desk's encrypted store.
      await paperRow(a, 1).getByTestId('paper-view').click();
      await expect.poll(() => dialog.getByTestId('viewer-page').count(), { timeout: 20_000 }).toBe(2);
      await a.screenshot({ path: join(artifacts, 'digitisation-viewer.png') });
      await a.keyboard.press('Escape');
      await a.screenshot({ path: join(artifacts, 'digitisation-detail.png') });

      // Events first, then the files: the indicator counts files still to send until all are on the server.
      await allSent(a);
      await expect.poll(() => a.getByTestId('sync-indicator').getAttribute('data-attachments-pending'), { timeout: 60_000 }).toBe('0');

      // A second desk of the unit: the processing officer sees the papers, fetched from the server.
      const b = deskB.page;
      await enrolAndLogIn(b, hanoi.server.url, hanoi.deskCodes[1]!, PROCESSING_A.username, PASSWORD);
      await openDossier(b, code);
      await expect.poll(() => paperRow(b, 0).getByTestId('paper-file').textContent()).toContain('3 trang');
      await paperRow(b, 0).getByTestId('paper-view').click();
      await expect.poll(() => b.getByRole('dialog').getByTestId('viewer-page').count(), { timeout: 30_000 }).toBe(3);
      await b.screenshot({ path: join(artifacts, 'digitisation-second-desk.png') });
      await b.keyboard.press('Escape');

      // It resolves the dossier and attaches the electronic result from the camera.
      const toolbar = b.getByRole('toolbar', { name: 'Thao tác với hồ sơ' });
      await toolbar.locator('[data-action=ACCEPTED]').click();
      await b.getByRole('dialog').waitFor();
      await b.keyboard.press('Enter');
      await expect.poll(() => toolbar.locator('[data-action=RESOLVED]').count()).toBe(1);
      await toolbar.locator('[data-action=RESOLVED]').click();
      await b.getByRole('dialog').getByRole('button', { name: /Hoàn thành giải quyết/ }).click();
      await expect.poll(() => b.getByRole('dialog').count()).toBe(0);
      const result = b.getByTestId('result-file');
      await result.getByTestId('paper-capture').click();
      await shootPages(b, 1);
      await b.getByRole('dialog').getByTestId('capture-save').click();
      await expect.poll(() => result.getByTestId('paper-file').textContent()).toContain('1 trang');
      await allSent(b);
      await expect.poll(() => b.getByTestId('sync-indicator').getAttribute('data-attachments-pending'), { timeout: 60_000 }).toBe('0');

      // The rates: the one dossier received has its papers digitised, the one resolved its result.
      await openScreen(b, 'Báo cáo');
      await expect.poll(() => b.getByTestId('report-digitisation').textContent(), { timeout: 30_000 }).toContain('1/1 (100%)');
      const line = (await b.getByTestId('report-digitisation').textContent()) ?? '';
      expect(line.match(/1\/1 \(100%\)/g)).toHaveLength(2);
      await b.screenshot({ path: join(artifacts, 'digitisation-report.png') });

      // Back on the first desk, the result sent by the second desk opens too.
      await openDossier(a, code);
      await a.getByTestId('result-file').getByTestId('paper-view').click();
      await expect.poll(() => dialog.getByTestId('viewer-page').count(), { timeout: 30_000 }).toBe(1);
    } finally {
      await deskA.context.close();
      await deskB.context.close();
    }
  }, 600_000);
});
