import { describe, expect, it } from 'vitest';
import { mapPdfOptions, mapPrintOptions } from '../../../electron/main/printing/print-options.ts';
import type { PrintDocumentRequest } from '../../../src/bridge/desk-bridge.ts';

const base: PrintDocumentRequest = { html: '<p>x</p>', silent: false, copies: 1, pageSize: 'A4' };

describe('print option mapping', () => {
  it('always names a page size (Electron would silently use A4)', () => {
    expect(mapPrintOptions(base).pageSize).toBe('A4');
    expect(mapPrintOptions({ ...base, pageSize: 'A5' }).pageSize).toBe('A5');
    expect(mapPrintOptions({ ...base, pageSize: '80mm' }).pageSize).toEqual({ width: 80_000, height: 297_000 });
    expect(mapPrintOptions({ ...base, pageSize: '80mm', receiptLengthMm: 150 }).pageSize).toEqual({ width: 80_000, height: 150_000 });
  });

  it('maps silent, copies and the chosen printer', () => {
    const options = mapPrintOptions({ ...base, silent: true, copies: 2, printerName: 'HP_LaserJet_M404' });
    expect(options).toMatchObject({ silent: true, copies: 2, collate: true, deviceName: 'HP_LaserJet_M404', landscape: false });
    const dialog = mapPrintOptions(base);
    expect(dialog.silent).toBe(false);
    expect(dialog).not.toHaveProperty('deviceName');
  });

  it('prints receipts edge to edge in black, documents with default margins', () => {
    expect(mapPrintOptions({ ...base, pageSize: '80mm' })).toMatchObject({ margins: { marginType: 'none' }, color: false });
    expect(mapPrintOptions({ ...base, landscape: true })).toMatchObject({ margins: { marginType: 'default' }, landscape: true });
  });

  it('sets PDF sizes explicitly (printToPDF defaults to Letter)', () => {
    expect(mapPdfOptions({ pageSize: 'A4' })).toMatchObject({ pageSize: 'A4', printBackground: true });
    expect(mapPdfOptions({ pageSize: 'A5', landscape: true })).toMatchObject({ pageSize: 'A5', landscape: true });
    const receipt = mapPdfOptions({ pageSize: '80mm' }).pageSize as { width: number; height: number };
    expect(receipt.width).toBeCloseTo(80 / 25.4);
  });
});
