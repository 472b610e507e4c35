import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPngOnNetworkPrinter } from '../../../electron/main/printing/thermal-printer.ts';
import type { ThermalReceipt } from '../../../src/print/thermal/receipt.ts';
import { startReceiptRenderer, type ReceiptRenderer } from '../../support/escpos/chromium-receipt.ts';
import { pictureToPngBytes, renderPicture } from '../../support/escpos/picture.ts';
import { startVirtualPrinter, waitForJobs, type VirtualPrinter } from '../../support/escpos/virtual-printer.ts';
import { decodeBarcodes } from '../../support/escpos/zxing.ts';

const artifacts = join(import.meta.dirname, '../../e2e/artifacts/thermal');

const receipt: ThermalReceipt = {
  agencyGroups: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG HOÀN KIẾM'],
  dossierCode: '000.00.12.H23-250701-0042',
  applicantName: 'Nguyễn Thị Ngọc Ánh',
  procedureName: 'Đăng ký khai sinh kết hợp đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi',
  receivedAt: '2025-07-01T14:05',
  appointmentAt: '2025-07-03T16:30',
  papersCount: 4,
  feeVnd: 1_250_000,
  lookupUrl: 'https://dichvucong.example.gov.vn/tra-cuu?ma=000.00.12.H23-250701-0042',
  copy: false,
};

describe('80 mm reception receipt on a network ESC/POS printer', () => {
  let renderer: ReceiptRenderer;
  let printer: VirtualPrinter;

  beforeAll(async () => {
    renderer = await startReceiptRenderer();
    printer = await startVirtualPrinter();
    mkdirSync(artifacts, { recursive: true });
  });
  afterAll(async () => {
    await renderer?.close();
    await printer?.close();
  });

  it('prints as raster whose Code 128 decodes to the exact dossier code, with no text bytes', async () => {
    const png = await renderer.render(receipt);
    writeFileSync(join(artifacts, 'receipt-rendered.png'), png);

    const result = await printPngOnNetworkPrinter(printer.target, png, { cut: true, timeoutMs: 3000 });
    expect(result.confirmed).toBe(true);

    const [job] = await waitForJobs(printer, 1);
    const { summary } = job!;
    expect(job!.decoded.incompleteFrom).toBeUndefined();
    expect(summary.unknown).toEqual([]);
    expect(summary.rasters).toHaveLength(1);
    expect(summary.rasters[0]!.widthBytes * 8).toBe(576);
    expect(summary.cuts).toBe(1);
    // Vietnamese never goes through a code page: no text bytes, no `?`, no ESC t.
    expect(summary.texts).toEqual([]);
    expect(summary.codePages).toEqual([]);

    const picture = pictureToPngBytes(renderPicture(job!.decoded));
    writeFileSync(join(artifacts, 'receipt-printed.png'), picture);
    const found = await decodeBarcodes(picture);
    const code128 = found.filter((barcode) => barcode.format === 'Code128');
    expect(code128.map((barcode) => barcode.text)).toEqual([receipt.dossierCode]);
    const qr = found.filter((barcode) => barcode.format === 'QRCode');
    expect(qr.map((barcode) => barcode.text)).toEqual([receipt.lookupUrl]);
  });

  it('marks a copy with a band and still decodes', async () => {
    const png = await renderer.render({ ...receipt, copy: true });
    writeFileSync(join(artifacts, 'receipt-copy-rendered.png'), png);
    const before = printer.jobs.length;
    await printPngOnNetworkPrinter(printer.target, png, { cut: true, timeoutMs: 3000 });
    const jobs = await waitForJobs(printer, before + 1);
    const found = await decodeBarcodes(pictureToPngBytes(renderPicture(jobs.at(-1)!.decoded)));
    expect(found.find((barcode) => barcode.format === 'Code128')?.text).toBe(receipt.dossierCode);
  });
});
