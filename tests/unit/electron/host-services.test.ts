import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { createBackupService } from '../../../electron/main/backup.ts';
import { readDeskConfig } from '../../../electron/main/desk-config.ts';
import { buildMenuTemplate } from '../../../electron/main/menu.ts';
import { createThermalService } from '../../../electron/main/printing/thermal-service.ts';
import { createEncryptionKeyStore } from '../../../electron/main/secret-key.ts';
import { createUpdateService, type Updater } from '../../../electron/main/updates.ts';
import { restoreWindowState } from '../../../electron/main/window-state.ts';
import type { UpdateStatus } from '../../../src/bridge/desk-bridge.ts';

const quiet = { info: vi.fn(), warn: vi.fn() };

function fakeUpdater() {
  const listeners = new Map<string, (value?: unknown) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => undefined),
    quitAndInstall: vi.fn(),
    on: (event: string, listener: (value?: unknown) => void) => listeners.set(event, listener),
  };
  return { updater: updater as unknown as Updater & typeof updater, emit: (event: string, value?: unknown) => listeners.get(event)!(value) };
}

describe('updates', () => {
  it('are off in development: no feed, no check', async () => {
    const { updater } = fakeUpdater();
    const service = createUpdateService({ updater, publish: vi.fn(), log: quiet }, { enabled: false, feedUrl: 'http://x/', checkEveryMs: 1000 });
    service.start();
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    expect(await service.getUpdateStatus()).toEqual({ state: 'disabled' });
    await expect(service.restartToUpdate()).rejects.toMatchObject({ code: 'update-not-ready' });
  });

  it('use the generic provider, download quietly and restart only on request', async () => {
    const { updater, emit } = fakeUpdater();
    const published: UpdateStatus[] = [];
    const service = createUpdateService(
      { updater, publish: (status) => published.push(status), log: quiet },
      { enabled: true, feedUrl: 'https://motcua.tinh.gov.vn/updates/', checkEveryMs: 60_000 },
    );
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://motcua.tinh.gov.vn/updates/' });
    expect([updater.autoDownload, updater.autoInstallOnAppQuit]).toEqual([true, true]);
    emit('update-available', { version: '0.2.0' });
    emit('download-progress', { percent: 41.6 });
    emit('update-downloaded', { version: '0.2.0' });
    emit('error', new Error('ECONNREFUSED'));
    expect(published.map((status) => status.state)).toEqual(['downloading', 'downloading', 'ready']);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    expect(await service.getUpdateStatus()).toEqual({ state: 'ready', version: '0.2.0' });
    await service.restartToUpdate();
    expect(updater.quitAndInstall).toHaveBeenCalledWith(false, true);
    service.stop();
  });
});

describe('at-rest key with safeStorage (async API)', () => {
  function store(available = true) {
    const files = new Map<string, Uint8Array>();
    const safeStorage = {
      isAsyncEncryptionAvailable: vi.fn(async () => available),
      encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`enc:${text}`)),
      decryptStringAsync: vi.fn(async (data: Buffer) => ({ result: data.toString().slice(4), shouldReEncrypt: false })),
    };
    const deps = {
      safeStorage,
      readFile: async (path: string) => files.get(path),
      writeFile: async (path: string, data: Uint8Array) => void files.set(path, data),
      randomBytes: (size: number) => new Uint8Array(size).fill(9),
      log: quiet,
    };
    return { files, safeStorage, keys: createEncryptionKeyStore(deps, '/data/key.bin'), again: () => createEncryptionKeyStore(deps, '/data/key.bin') };
  }

  it('creates a 32-byte key once, stores it only encrypted, and reads it back', async () => {
    const { files, keys, again } = store();
    const key = await keys.getEncryptionKey();
    expect(Buffer.from(key.keyBase64, 'base64')).toHaveLength(32);
    expect(Buffer.from(files.get('/data/key.bin')!).toString()).toBe(`enc:${key.keyBase64}`);
    expect(await again().getEncryptionKey()).toEqual(key);
  });

  it('fails with a typed Vietnamese error when the OS has no secure storage', async () => {
    await expect(store(false).keys.getEncryptionKey()).rejects.toMatchObject({ code: 'secret-storage-unavailable' });
  });
});

describe('backup through file dialogs', () => {
  it('writes where the officer chose, and treats a closed dialog as no-op', async () => {
    const writeFile = vi.fn(async () => undefined);
    const service = createBackupService({
      showSaveDialog: vi.fn().mockResolvedValueOnce({ canceled: false, filePath: '/media/usb/sao-luu.motcua-backup' }).mockResolvedValueOnce({ canceled: true }),
      showOpenDialog: vi.fn(async () => ({ canceled: false, filePaths: ['/media/usb/sao-luu.motcua-backup'] })),
      writeFile,
      fileSize: async () => 600 * 1024 * 1024,
      readFile: vi.fn(),
    });
    const data = Uint8Array.from([1, 2, 3]);
    expect(await service.exportBackup({ data, suggestedFileName: 'sao-luu.motcua-backup' })).toEqual({ saved: true, fileName: '/media/usb/sao-luu.motcua-backup' });
    expect(writeFile).toHaveBeenCalledWith('/media/usb/sao-luu.motcua-backup', data);
    expect(await service.exportBackup({ data, suggestedFileName: 'x' })).toEqual({ saved: false });
    await expect(service.importBackup()).rejects.toMatchObject({ code: 'backup-too-large' });
  });
});

describe('thermal service routing', () => {
  it('sends installed printers through their OS driver and refuses oversized images', async () => {
    const documents = { printPngWithDriver: vi.fn(async () => ({ printed: true })), listPrinters: vi.fn(async () => []) };
    const service = createThermalService(documents);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000240000003e8', 'hex');
    expect(await service.printThermal({ target: 'printer:XP-80C', png, cut: true, timeoutMs: 3000 })).toEqual({ bytesSent: png.length, confirmed: false });
    expect(documents.printPngWithDriver).toHaveBeenCalledWith('XP-80C', png, 1000);
    const wide = Buffer.from('89504e470d0a1a0a0000000d4948445200000400000003e8', 'hex');
    await expect(service.printThermal({ target: 'printer:XP-80C', png: wide, cut: true, timeoutMs: 3000 })).rejects.toMatchObject({ code: 'invalid-image' });
    await expect(service.getThermalPrinterStatus({ target: 'printer:XP-80C', timeoutMs: 1000 })).rejects.toMatchObject({ code: 'printer-not-found' });
  });
});

describe('desk shell details', () => {
  it('has a Vietnamese menu; developer tools only in development', () => {
    const labels = (template: ReturnType<typeof buildMenuTemplate>) => JSON.stringify(template);
    const production = buildMenuTemplate({ isDevelopment: false, showAbout: vi.fn() });
    expect(production.map((item) => item.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Cửa sổ', 'Trợ giúp']);
    expect(labels(production)).not.toContain('toggleDevTools');
    expect(labels(buildMenuTemplate({ isDevelopment: true, showAbout: vi.fn() }))).toContain('Công cụ phát triển');
  });

  it('restores window state only when it is on a screen', () => {
    const screen = [{ workArea: { x: 0, y: 0, width: 1366, height: 768 } }];
    const saved = JSON.stringify({ x: 40, y: 30, width: 1200, height: 700, maximized: false });
    expect(restoreWindowState(saved, screen)).toEqual({ x: 40, y: 30, width: 1200, height: 700, maximized: false });
    expect(restoreWindowState(JSON.stringify({ x: 5000, y: 30, width: 1200, height: 700, maximized: false }), screen)).toEqual({ width: 1200, height: 700, maximized: false });
    expect(restoreWindowState('{broken', screen)).toMatchObject({ width: 1366, height: 768 });
  });

  it('reads the update URL from config, with the env override', () => {
    expect(readDeskConfig(undefined, {}, quiet).updateUrl).toBe('http://localhost:8080/updates/');
    expect(readDeskConfig('{"updateUrl":"https://a.gov.vn/updates/"}', {}, quiet).updateUrl).toBe('https://a.gov.vn/updates/');
    expect(readDeskConfig('{"updateUrl":"https://a.gov.vn/updates/"}', { MOTCUA_UPDATE_URL: 'https://b.gov.vn/u/' }, quiet).updateUrl).toBe('https://b.gov.vn/u/');
  });

  it('npm start without an Electron binary prints one clear line and exits 1, without downloading', () => {
    const script = fileURLToPath(new URL('../../../scripts/start-electron.mjs', import.meta.url));
    const result = spawnSync(process.execPath, [script], { env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent' }, encoding: 'utf8', timeout: 10_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'Không có Electron binary trên máy này (no Electron binary: set ELECTRON_OVERRIDE_DIST_PATH or use `npm run web`)',
    ]);
  });
});
