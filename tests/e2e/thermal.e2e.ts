import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IpcMainInvokeEvent } from 'electron';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerIpcHandlers, type DeskServices } from '../../electron/main/ipc.ts';
import { createThermalService } from '../../electron/main/printing/thermal-service.ts';
import { BridgeError } from '../../src/bridge/bridge-error.ts';
import type { CapturedJob } from '../support/escpos/virtual-printer.ts';
import { pictureToPngBytes, renderPicture } from '../support/escpos/picture.ts';
import { startVirtualPrinter, waitForJobs, type VirtualPrinter } from '../support/escpos/virtual-printer.ts';
import { decodeBarcodes } from '../support/escpos/zxing.ts';
import { launchChromium } from './support/chromium.ts';
import { completeSetup, logIn, newDeskContext, openFreshDesk } from './support/desk.ts';
import { receiveBirthRegistration } from './support/counter.ts';

/** Printing and page work are slow on a loaded CI machine: wait up to 15 s, not expect.poll's 1 s default. */
const poll = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const artifacts = join(import.meta.dirname, 'artifacts');
/** Monday 24/11/2025 09:00 in Hà Nội. */
const MONDAY_9AM = new Date('2025-11-24T02:00:00Z');
const root = fileURLToPath(new URL('../../', import.meta.url));

/*
 * A browser page cannot open a TCP socket, so the web bridge refuses network thermal printers
 * (first test). To print for real, the second test gives the page a test-only desk bridge: the
 * web bridge for everything, except the two thermal methods, which go through the IPC contract
 * (createInvokerBridge in the page, registerIpcHandlers here: schemas checked on both sides) to
 * the Electron main process's own thermal service, running in this Node process against a
 * virtual ESC/POS printer on loopback. Only the transport (a Playwright binding instead of
 * Electron's ipcRenderer) is not the shipped code.
 */
const bridgeEntry = `
  import { createWebBridge } from './renderer/bridge/web/web-bridge.ts';
  import { createInvokerBridge } from './src/bridge/invoker-bridge.ts';
  const base64 = (bytes) => {
    let binary = '';
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return btoa(binary);
  };
  const toWire = (payload) =>
    payload && payload.png instanceof Uint8Array ? { ...payload, png: { base64: base64(payload.png) } } : payload;
  const ipc = createInvokerBridge(
    { invoke: (channel, payload) => window.__motcuaTestIpc(channel, toWire(payload)), subscribe: () => () => undefined },
    // As the preload does: contextBridge keeps only plain data.
    (failure) => ({ name: 'BridgeError', ...failure }),
  );
  window.motcua = { ...createWebBridge('e2e'), printThermal: ipc.printThermal, getThermalPrinterStatus: ipc.getThermalPrinterStatus };
`;

async function bridgeScript(): Promise<string> {
  const result = await build({
    stdin: { contents: bridgeEntry, resolveDir: root, loader: 'ts', sourcefile: 'e2e-thermal-bridge.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** Main's IPC handlers with the real thermal service; the rest of the host is the web bridge's. */
function mainProcessIpc(): (channel: string, payload: unknown) => Promise<unknown> {
  type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;
  const handlers = new Map<string, Handler>();
  const thermal = createThermalService({
    listPrinters: async () => [],
    printPngWithDriver: async () => {
      throw new BridgeError('printer-not-found', 'Không có máy in hệ thống trong kiểm thử.', 'no');
    },
  });
  const notHere = async (): Promise<never> => {
    throw new BridgeError('unsupported', 'Không dùng qua cầu nối kiểm thử.');
  };
  const services: DeskServices = {
    getAppInfo: notHere,
    listPrinters: notHere,
    printDocument: notHere,
    saveDocumentAsPdf: notHere,
    printThermal: (request) => thermal.printThermal(request),
    getThermalPrinterStatus: (request) => thermal.getThermalPrinterStatus(request),
    getUpdateStatus: notHere,
    restartToUpdate: notHere,
    exportBackup: notHere,
    importBackup: notHere,
    getEncryptionKey: notHere,
  };
  registerIpcHandlers(
    {
      ipcMain: { handle: (channel: string, handler: Handler) => handlers.set(channel, handler) } as never,
      log: { warn: () => undefined, error: (...values: unknown[]) => console.error(...values) },
      isTrustedSender: () => true,
    },
    services,
  );
  const fromWire = (payload: unknown) => {
    const png = (payload as { png?: { base64?: string } } | null)?.png?.base64;
    return png === undefined ? payload : { ...(payload as object), png: new Uint8Array(Buffer.from(png, 'base64')) };
  };
  return async (channel, payload) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    return handler({} as IpcMainInvokeEvent, fromWire(payload));
  };
}

/** A fresh desk whose page has the test-only thermal bridge. */
async function openDeskWithThermalBridge(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newDeskContext(browser);
  const invoke = mainProcessIpc();
  await context.exposeBinding('__motcuaTestIpc', (_source, channel: string, payload: unknown) => invoke(channel, payload));
  await context.addInitScript({ content: await bridgeScript() });
  const page = await context.newPage();
  await page.clock.install({ time: MONDAY_9AM });
  await page.goto(inject('rendererUrl'));
  await completeSetup(page);
  await logIn(page);
  return { context, page };
}

async function saveThermalPrinter(page: Page, target: string, check: boolean): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Máy in nhiệt 80 mm').fill(target);
  if (check) {
    await page.getByRole('button', { name: 'Kiểm tra máy in nhiệt' }).click();
    await poll(() => page.getByTestId('printer-message').textContent()).toContain('Máy in nhiệt sẵn sàng, đủ giấy');
  }
  await page.getByRole('button', { name: 'Lưu máy in' }).click();
  await poll(() => page.getByTestId('printer-message').textContent()).toContain('Đã lưu cài đặt máy in');
}

const thermalButton = (page: Page) => page.getByTestId('thermal-print');
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.textContent ?? null);

/** The raster rows of a job (all of a complete one; those that arrived of a cut one). */
function rasterRows(job: CapturedJob): { widthBytes: number; rows: Uint8Array[] } {
  const complete = job.summary.rasters[0];
  if (complete) {
    const rows = Array.from({ length: complete.height }, (_, y) => complete.data.subarray(y * complete.widthBytes, (y + 1) * complete.widthBytes));
    return { widthBytes: complete.widthBytes, rows };
  }
  const at = job.decoded.incompleteFrom;
  const bytes = job.bytes;
  if (at === undefined || bytes[at] !== 0x1d || bytes[at + 1] !== 0x76) throw new Error('no raster image in the job');
  const widthBytes = bytes[at + 4]! + bytes[at + 5]! * 256;
  const data = bytes.subarray(at + 8);
  const count = Math.floor(data.length / widthBytes);
  return { widthBytes, rows: Array.from({ length: count }, (_, y) => data.subarray(y * widthBytes, (y + 1) * widthBytes)) };
}

/**
 * The "BẢN SAO" band is a frame across the paper above everything else: its top edge is a
 * black line of ~568 dots within the first rows. An original starts with the agency's name,
 * whose text rows never come near that.
 */
function hasCopyBand(job: CapturedJob): boolean {
  const { rows } = rasterRows(job);
  if (rows.length < 24) throw new Error(`only ${rows.length} raster rows arrived`);
  const black = (row: Uint8Array) => row.reduce((sum, byte) => sum + popcount(byte), 0);
  return rows.slice(0, 24).some((row) => black(row) >= 500);
}

function popcount(byte: number): number {
  let count = 0;
  for (let bits = byte; bits; bits >>= 1) count += bits & 1;
  return count;
}

async function decodedCode128(job: CapturedJob, artifact: string): Promise<string[]> {
  const picture = pictureToPngBytes(renderPicture(job.decoded));
  writeFileSync(join(artifacts, artifact), picture);
  return (await decodeBarcodes(picture)).filter((result) => result.format === 'Code128').map((result) => result.text);
}

describe('80 mm thermal receipt from the receive flow and the dossier detail', () => {
  let browser: Browser;
  let printer: VirtualPrinter;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium();
    printer = await startVirtualPrinter();
  });
  afterAll(async () => {
    await browser?.close();
    await printer?.close();
  });

  it('in plain web mode, says clearly that a browser cannot reach a network printer; the dossier is saved', async () => {
    const { context, page } = await openFreshDesk(browser, { now: MONDAY_9AM });
    try {
      await saveThermalPrinter(page, printer.target, false);
      const code = await receiveBirthRegistration(page, 'Phạm Thị Web', { pickBy: 'code', keepPrintDialog: true });
      const jobsBefore = printer.connections;
      await poll(() => focusedTestId(page)).toBe('thermal-print');
      await page.keyboard.press('Enter');
      const error = page.getByTestId('thermal-error');
      await poll(() => error.textContent()).toContain('Trình duyệt không kết nối được trực tiếp tới máy in mạng');
      expect(await error.textContent()).toContain(`Hồ sơ ${code} đã được lưu`);
      // Trying again cannot help in a browser: no "In lại", the A4/A5 print is still there.
      expect(await error.getByRole('button').count()).toBe(0);
      expect(await page.getByRole('dialog').getByRole('button', { name: /^In Ctrl\+P/ }).isEnabled()).toBe(true);
      expect(printer.connections).toBe(jobsBefore);
      await page.screenshot({ path: join(artifacts, 'thermal-web-refused.png') });
      await page.keyboard.press('Escape');

      // A receipt printer installed in the system is reached through the browser's print dialog;
      // the refusal above logged nothing, so this first real print is the original.
      await saveThermalPrinter(page, 'printer:XP-80C', false);
      await page.evaluate((target) => {
        window.location.hash = `/ho-so/${encodeURIComponent(target)}`;
      }, code);
      await page.getByRole('button', { name: 'In lại giấy biên nhận' }).click();
      await thermalButton(page).waitFor();
      await page.keyboard.press('Control+b');
      await poll(() => page.getByTestId('thermal-status').textContent()).toContain('Đã in biên nhận trên máy in nhiệt lúc 09:');
      expect(await page.getByTestId('thermal-status').textContent()).toContain('lần in thứ 1, bản chính');
    } finally {
      await context.close();
    }
  });

  it('prints through the desk thermal service, survives a dropped connection, and marks the retry as a copy', async () => {
    const { context, page } = await openDeskWithThermalBridge(browser);
    try {
      // Settings: the status check reaches the printer through the same bridge (one connection).
      const before = printer.connections;
      await saveThermalPrinter(page, printer.target, true);
      expect(printer.connections).toBe(before + 1);
      await waitForJobs(printer, before + 1);
      let jobs = before + 1;

      // 1. Receive, and print the original from the receipt dialog: the thermal print is pre-selected.
      const first = await receiveBirthRegistration(page, 'Nguyễn Văn An', { pickBy: 'code', keepPrintDialog: true });
      const dialog = page.getByRole('dialog');
      const status = page.getByTestId('thermal-status');
      await thermalButton(page).waitFor();
      await poll(() => focusedTestId(page)).toBe('thermal-print');
      await dialog.getByRole('img', { name: /Biên nhận 80 mm/ }).waitFor();
      await page.screenshot({ path: join(artifacts, 'thermal-receipt-dialog.png') });
      await page.keyboard.press('Enter');
      await poll(() => status.textContent()).toContain('Đã in biên nhận trên máy in nhiệt lúc 09:');
      expect(await status.textContent()).toContain('lần in thứ 1, bản chính');
      const original = (await waitForJobs(printer, jobs + 1))[jobs]!;
      jobs += 1;
      expect(original.decoded.incompleteFrom).toBeUndefined();
      expect(original.summary.rasters).toHaveLength(1);
      expect(original.summary.rasters[0]!.widthBytes * 8).toBe(576);
      expect(original.summary.texts).toEqual([]);
      expect(original.summary.cuts).toBe(1);
      expect(hasCopyBand(original)).toBe(false);
      expect(await decodedCode128(original, 'thermal-printed-original.png')).toEqual([first]);
      await page.keyboard.press('Escape');

      // 2. A second dossier. The printer first accepts the connection and never answers: the
      //    desk keeps working while it waits, and the timeout is a clear failure (nothing sent).
      printer.setBehaviour({ kind: 'silent' });
      const second = await receiveBirthRegistration(page, 'Trần Thị Bình', { pickBy: 'code', keepPrintDialog: true });
      await thermalButton(page).waitFor();
      await page.keyboard.press('Control+b');
      await poll(() => status.textContent()).toContain('Đang gửi biên nhận tới máy in nhiệt');
      await page.keyboard.press('5');
      await poll(() => page.locator('iframe.print-preview').getAttribute('data-page-size')).toBe('A5');
      expect(await status.textContent()).toContain('Đang gửi biên nhận tới máy in nhiệt');
      const error = page.getByTestId('thermal-error');
      await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain('không trả lời sau 5 giây');
      expect(await error.textContent()).toContain('bản in lại vẫn là bản chính');
      await waitForJobs(printer, jobs + 1);
      expect(printer.jobs[jobs]!.summary.rasters).toEqual([]);
      jobs += 1;

      // Then out of paper (clear again: refused before sending).
      printer.setBehaviour({ kind: 'normal' });
      printer.setStatus({ paper: 'out' });
      await error.getByRole('button', { name: /^In lại/ }).click();
      await poll(() => error.textContent()).toContain('hết giấy. Thay cuộn giấy rồi in lại.');
      expect(await error.textContent()).toContain(`Hồ sơ ${second} đã được lưu, không bị mất.`);
      expect(await error.textContent()).toContain('bản in lại vẫn là bản chính');
      await waitForJobs(printer, jobs + 1);
      expect(printer.jobs[jobs]!.summary.rasters).toEqual([]);
      jobs += 1;

      printer.setStatus({});
      printer.setBehaviour({ kind: 'drop-after', bytes: 20_000 });
      // Then the connection drops mid-job: paper may be out.
      await error.getByRole('button', { name: /^In lại/ }).click();
      await expect.poll(() => error.textContent(), { timeout: 15_000 }).toContain('Mất kết nối với máy in');
      expect(await error.textContent()).toContain('bản in lại sẽ ghi “Bản sao”');
      expect(await error.getByRole('button').textContent()).toContain('In lại (bản sao)');
      // The UI stayed alive: the retry button has the focus and the dialog still answers.
      await poll(() => focusedTestId(page)).toContain('In lại (bản sao)');
      expect(await page.locator('.copy-note').textContent()).toBe('Lần in này là bản sao');
      const dropped = (await waitForJobs(printer, jobs + 1))[jobs]!;
      jobs += 1;
      expect(dropped.decoded.incompleteFrom).toBeDefined();
      // What may have come out was an original: the retry after a clear failure was not marked.
      expect(hasCopyBand(dropped)).toBe(false);
      await dialog.getByRole('img', { name: /Biên nhận 80 mm/ }).waitFor();
      await page.screenshot({ path: join(artifacts, 'thermal-receipt-error.png') });

      // 3. The printer is back: Enter retries (focused), the slip carries "BẢN SAO", the log says copy.
      printer.setBehaviour({ kind: 'normal' });
      await page.keyboard.press('Enter');
      await poll(() => status.textContent()).toContain('Đã in biên nhận trên máy in nhiệt (bản sao)');
      expect(await status.textContent()).toContain('nhật ký in: lần in thứ 2, bản sao');
      expect(await page.getByTestId('thermal-error').count()).toBe(0);
      const retried = (await waitForJobs(printer, jobs + 1))[jobs]!;
      jobs += 1;
      expect(retried.decoded.incompleteFrom).toBeUndefined();
      expect(hasCopyBand(retried)).toBe(true);
      expect(await decodedCode128(retried, 'thermal-printed-copy.png')).toEqual([second]);
      await page.screenshot({ path: join(artifacts, 'thermal-receipt-retried.png') });
      await page.keyboard.press('Escape');

      // The dossier's route shows both logged prints: the uncertain original, then the copy.
      await page.getByTestId('receive-notice').getByRole('link', { name: 'Mở hồ sơ' }).click();
      await poll(() => decodeURIComponent(page.url())).toContain(`#/ho-so/${second}`);
      await poll(() => page.getByText('Giấy tiếp nhận và hẹn trả kết quả (bản sao), 1 bản').count()).toBe(1);
      expect(await page.getByText('Giấy tiếp nhận và hẹn trả kết quả, 1 bản').count()).toBe(1);

      // 4. Reprint of the first dossier from its detail screen: a copy, keyboard only.
      await page.evaluate((code) => {
        window.location.hash = `/ho-so/${encodeURIComponent(code)}`;
      }, first);
      await page.getByRole('button', { name: 'In lại giấy biên nhận' }).click();
      await thermalButton(page).waitFor();
      await poll(() => focusedTestId(page)).toBe('thermal-print');
      await page.keyboard.press('Enter');
      await poll(() => status.textContent()).toContain('(bản sao)');
      const reprint = (await waitForJobs(printer, jobs + 1))[jobs]!;
      expect(hasCopyBand(reprint)).toBe(true);
      expect(await decodedCode128(reprint, 'thermal-printed-reprint.png')).toEqual([first]);
    } finally {
      await context.close();
    }
  });
});
