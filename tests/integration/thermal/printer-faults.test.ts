import { PNG } from 'pngjs';
import { PrinterTypes, ThermalPrinter, CharacterSet } from 'node-thermal-printer';
import { afterEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import { networkPrinterStatus, printPngOnNetworkPrinter } from '../../../electron/main/printing/thermal-printer.ts';
import { retryIsCopy } from '../../../src/print/thermal/reprint.ts';
import { decodeEscpos, summarise } from '../../support/escpos/decoder.ts';
import { pictureToPngBytes, renderPicture } from '../../support/escpos/picture.ts';
import { closedPort, startVirtualPrinter, waitForJobs, type VirtualPrinter } from '../../support/escpos/virtual-printer.ts';
import { decodeBarcodes } from '../../support/escpos/zxing.ts';

/** A plain 576×600 test image (~43 KB of raster): big enough to be cut mid-job. */
function testPng(): Buffer {
  const png = new PNG({ width: 576, height: 600 });
  for (let index = 0; index < png.data.length; index += 4) {
    const x = (index / 4) % 576;
    const value = Math.floor(x / 8) % 2 === 0 ? 0 : 255;
    png.data.fill(value, index, index + 3);
    png.data[index + 3] = 255;
  }
  return PNG.sync.write(png);
}

async function failure(promise: Promise<unknown>): Promise<BridgeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BridgeError) return error;
    throw error;
  }
  throw new Error('expected the print to fail');
}

describe('network thermal printer faults: typed errors, never a hang', () => {
  let printer: VirtualPrinter | undefined;
  afterEach(async () => {
    await printer?.close();
    printer = undefined;
  });

  it('reports an unreachable printer (nothing listening) as not printed', async () => {
    const port = await closedPort();
    const started = Date.now();
    const error = await failure(printPngOnNetworkPrinter(`tcp://127.0.0.1:${port}`, testPng(), { cut: true, timeoutMs: 2000 }));
    expect(error.code).toBe('printer-unreachable');
    expect(error.printed).toBe('no');
    expect(error.message).toContain('Không kết nối được máy in');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(retryIsCopy(error.toFailure())).toBe(false);
  });

  it('times out on a printer that accepts but never answers', async () => {
    printer = await startVirtualPrinter({ behaviour: { kind: 'silent' } });
    const started = Date.now();
    const error = await failure(printPngOnNetworkPrinter(printer.target, testPng(), { cut: true, timeoutMs: 1000 }));
    expect(error.code).toBe('printer-timeout');
    expect(error.printed).toBe('no');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('reports a connection dropped mid-job as lost and possibly printed: the retry is a copy', async () => {
    printer = await startVirtualPrinter({ behaviour: { kind: 'drop-after', bytes: 20_000 } });
    const started = Date.now();
    const error = await failure(printPngOnNetworkPrinter(printer.target, testPng(), { cut: true, timeoutMs: 2000 }));
    expect(error.code).toBe('printer-connection-lost');
    expect(error.printed).toBe('maybe');
    expect(error.message).toContain('Bản sao');
    expect(retryIsCopy(error.toFailure())).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
    const [job] = await waitForJobs(printer, 1);
    expect(job!.decoded.incompleteFrom).toBeDefined();

    // The retry goes through once the printer is back.
    printer.setBehaviour({ kind: 'normal' });
    const retried = await printPngOnNetworkPrinter(printer.target, testPng(), { cut: true, timeoutMs: 2000 });
    expect(retried.confirmed).toBe(true);
  });

  it('refuses to print when out of paper or with the cover open, before sending anything', async () => {
    printer = await startVirtualPrinter({ status: { paper: 'out' } });
    const out = await failure(printPngOnNetworkPrinter(printer.target, testPng(), { cut: true, timeoutMs: 2000 }));
    expect(out.code).toBe('printer-out-of-paper');
    expect(out.message).toBe(`Máy in 127.0.0.1:${printer.port} hết giấy. Thay cuộn giấy rồi in lại.`);
    expect(out.printed).toBe('no');

    printer.setStatus({ coverOpen: true });
    const cover = await failure(printPngOnNetworkPrinter(printer.target, testPng(), { cut: true, timeoutMs: 2000 }));
    expect(cover.code).toBe('printer-offline');
    expect(cover.message).toContain('mở nắp');

    const jobs = await waitForJobs(printer, 2);
    for (const job of jobs) expect(job.summary.rasters).toEqual([]);
  });

  it('answers the settings screen status query', async () => {
    printer = await startVirtualPrinter({ status: { paper: 'near-end' } });
    expect(await networkPrinterStatus(printer.target, 1000)).toEqual({ online: true, paper: 'near-end', coverOpen: false });
  });

  it('still delivers to printers that never answer status when status queries are off', async () => {
    printer = await startVirtualPrinter({ behaviour: { kind: 'silent' } });
    const result = await printPngOnNetworkPrinter(printer.target, testPng(), { cut: true, timeoutMs: 1000, useStatus: false });
    expect(result).toEqual({ bytesSent: expect.any(Number), confirmed: false });
    const [job] = await waitForJobs(printer, 1);
    expect(job!.summary.rasters).toHaveLength(1);
    expect(job!.summary.statusQueries).toEqual([]);
  });
});

describe('why receipts are raster: the code-page route is not byte-exact', () => {
  it('CP1258 through node-thermal-printer is lossy and hops to foreign code pages mid-line', () => {
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', characterSet: CharacterSet.WPC1258_VIETNAMESE });
    printer.println('Nguyễn Thị Ngọc Ánh — Hẹn trả kết quả');
    const summary = summarise(decodeEscpos(printer.getBuffer()));
    // ESC t 52 (CP1258) cannot hold ễ, ị, ọ…: the library substitutes look-alikes
    // and switches to other tables (16 = WPC1252) inside one line.
    expect(summary.codePages).toContain(52);
    expect(new Set(summary.codePages).size).toBeGreaterThan(1);
    const printed = summary.texts.map((text) => text.latin1).join('');
    expect(printed).not.toContain('Nguyễn');
    expect(printed).not.toContain('Ngọc');
  });

  it('a native Code 128 decodes from the virtual printer picture too', async () => {
    const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
    // EPSON takes numeric width/height; the typings describe STAR's named sizes.
    printer.code128('000.00.12.H23-250701-0042', { width: 2, height: 80 } as unknown as Parameters<ThermalPrinter['code128']>[1]);
    const decoded = decodeEscpos(printer.getBuffer());
    expect(summarise(decoded).barcodes.map((barcode) => barcode.data)).toEqual(['000.00.12.H23-250701-0042']);
    const found = await decodeBarcodes(pictureToPngBytes(renderPicture(decoded)));
    expect(found.map((barcode) => barcode.text)).toEqual(['000.00.12.H23-250701-0042']);
  });
});
