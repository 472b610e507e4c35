import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskBridge } from '../../src/bridge/desk-bridge.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Plain .mjs helpers shared with `npm start`; imported by URL so TypeScript does not ask for typings.
const { findElectronBinary } = (await import(new URL('../../scripts/electron-binary.mjs', import.meta.url).href)) as {
  findElectronBinary(): string | undefined;
};
const binary = findElectronBinary();
const title = binary ? 'the packaged desk app in Electron' : 'the packaged desk app in Electron — skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH)';
if (!binary) console.warn('skipped: no Electron binary');

describe.skipIf(!binary)(title, () => {
  let app: ElectronApplication;
  let userData: string;

  beforeAll(async () => {
    const renderer = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit' });
    expect(renderer.status).toBe(0);
    const { buildElectron } = (await import(new URL('../../scripts/build-electron.mjs', import.meta.url).href)) as { buildElectron(): Promise<void> };
    await buildElectron();
    userData = mkdtempSync(join(tmpdir(), 'motcua-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      // Chromium refuses to run as root without this; it does not touch the renderer's sandbox option.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root, `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
  });
  afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  it('starts and shows the reception screen', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/motcua\/index\.html/);
    const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
    await expect.poll(() => nav.getByRole('link', { name: 'Tiếp nhận hồ sơ', exact: true }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    const info = await page.evaluate(() => (window as unknown as { motcua: DeskBridge }).motcua.getAppInfo());
    expect(info.host).toBe('electron');
  });

  it('saves a document as PDF through the bridge', async () => {
    const pdfPath = join(userData, 'giay-tiep-nhan.pdf');
    // The save dialog is the officer's; the test answers it.
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, pdfPath);
    const page = await app.firstWindow();
    const result = await page.evaluate(() =>
      (window as unknown as { motcua: DeskBridge }).motcua.saveDocumentAsPdf({
        html: '<!doctype html><meta charset="utf-8"><h1>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</h1>',
        pageSize: 'A4',
        suggestedFileName: 'giay-tiep-nhan',
      }),
    );
    expect(result).toEqual({ saved: true, fileName: pdfPath });
    expect(existsSync(pdfPath)).toBe(true);
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
