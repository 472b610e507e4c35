// Composition root: the only module that imports Electron's runtime. Everything it
// wires is a small module taking its Electron dependencies as parameters.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, screen, session, shell } from 'electron';
import log from 'electron-log/main';
import electronUpdater from 'electron-updater';
import { appInfoSchema, type UpdateStatus } from '../../src/bridge/desk-bridge.ts';
import { bridgeEvents } from '../../src/bridge/ipc-contract.ts';
import { registerAppProtocol, registerAppSchemeAsPrivileged } from './app-protocol.ts';
import { createBackupService } from './backup.ts';
import { readDeskConfig } from './desk-config.ts';
import { registerIpcHandlers } from './ipc.ts';
import { createMainWindow, enforceSingleInstance } from './main-window.ts';
import { buildMenuTemplate } from './menu.ts';
import { createDocumentPrinter } from './printing/document-printer.ts';
import { createThermalService } from './printing/thermal-service.ts';
import { createEncryptionKeyStore } from './secret-key.ts';
import { grantOnlyDocumentCamera, hardenWebContents } from './security/harden.ts';
import { createUpdateService } from './updates.ts';
import { restoreWindowState, trackWindowState } from './window-state.ts';

log.transports.file.level = 'info';
log.errorHandler.startCatching({ showDialog: false });

const isDevelopment = !app.isPackaged;
const here = __dirname;
const rendererDir = join(app.getAppPath(), 'dist', 'renderer');
const preloadPath = join(here, 'preload.cjs');
let mainWindow: BrowserWindow | undefined;

registerAppSchemeAsPrivileged(protocol);
app.enableSandbox();

if (enforceSingleInstance(app, () => mainWindow)) {
  // Every webContents ever created (windows, print windows) is hardened.
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, { openExternal: (url) => shell.openExternal(url), log });
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    log.error('startup failed', error);
    dialog.showErrorBox('Một Cửa', 'Không khởi động được ứng dụng. Xem tệp nhật ký để biết chi tiết.');
    app.quit();
  });
}

const readText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  const config = readDeskConfig(readText(join(userData, 'desk-config.json')), process.env, log);
  log.info('starting', app.getVersion(), { isDevelopment, updateUrl: config.updateUrl });

  grantOnlyDocumentCamera(session.defaultSession, log);
  registerAppProtocol({ protocol, net }, { rendererDir, connectOrigins: config.syncServerUrl ? [new URL(config.syncServerUrl).origin] : [] });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isDevelopment,
        showAbout: () =>
          void dialog.showMessageBox({ title: 'Giới thiệu', message: `Một Cửa ${app.getVersion()}`, detail: 'Phần mềm bộ phận tiếp nhận và trả kết quả.' }),
      }),
    ),
  );

  const statePath = join(userData, 'window-state.json');
  const state = restoreWindowState(readText(statePath), screen.getAllDisplays());
  const iconPath = join(app.getAppPath(), 'build', 'icon.png');
  const window = createMainWindow({ BrowserWindow }, { preloadPath, state, ...(existsSync(iconPath) ? { iconPath } : {}) });
  mainWindow = window;
  trackWindowState(window, (json) => writeFileSync(statePath, json));
  window.on('closed', () => {
    mainWindow = undefined;
  });

  const saveDialog = (options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }) =>
    mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
  const documents = createDocumentPrinter({
    BrowserWindow,
    getPrinters: () => window.webContents.getPrintersAsync(),
    writeTempHtml: async (html) => {
      const dir = await mkdtemp(join(tmpdir(), 'motcua-print-'));
      const file = join(dir, 'document.html');
      await writeFile(file, html, { mode: 0o600 });
      return { url: pathToFileURL(file).toString(), dispose: () => rm(dir, { recursive: true, force: true }) };
    },
    showSaveDialog: saveDialog,
    writeFile: (path, data) => writeFile(path, data),
    harden: () => undefined, // covered by 'web-contents-created'
  });
  const thermal = createThermalService(documents);
  const backup = createBackupService({
    showSaveDialog: saveDialog,
    showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
    writeFile: (path, data) => writeFile(path, data),
    fileSize: async (path) => (await stat(path)).size,
    readFile: (path) => readFile(path),
  });
  const secrets = createEncryptionKeyStore(
    {
      safeStorage,
      readFile: async (path) => (existsSync(path) ? readFile(path) : undefined),
      writeFile: (path, data) => writeFile(path, data, { mode: 0o600 }),
      randomBytes: (size) => randomBytes(size),
      log,
    },
    join(userData, 'data-key.bin'),
  );
  const updates = createUpdateService(
    {
      updater: isDevelopment ? undefined : electronUpdater.autoUpdater,
      publish: (status: UpdateStatus) => mainWindow?.webContents.send(bridgeEvents.updateStatus.channel, status),
      log,
    },
    { enabled: !isDevelopment, feedUrl: config.updateUrl, checkEveryMs: 4 * 60 * 60 * 1000 },
  );

  registerIpcHandlers(
    { ipcMain, log },
    {
      getAppInfo: async () => appInfoSchema.parse({ name: 'Một Cửa', version: app.getVersion(), host: 'electron' }),
      listPrinters: () => documents.listPrinters(),
      printDocument: (request) => documents.printDocument(request),
      saveDocumentAsPdf: (request) => documents.saveDocumentAsPdf(request),
      printThermal: (request) => thermal.printThermal(request),
      getThermalPrinterStatus: (request) => thermal.getThermalPrinterStatus(request),
      getUpdateStatus: () => updates.getUpdateStatus(),
      restartToUpdate: () => updates.restartToUpdate(),
      exportBackup: (request) => backup.exportBackup(request),
      importBackup: () => backup.importBackup(),
      getEncryptionKey: () => secrets.getEncryptionKey(),
    },
  );
  updates.start();
  app.on('before-quit', () => updates.stop());
}
