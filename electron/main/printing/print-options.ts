import type { WebContentsPrintOptions, PrintToPDFOptions } from 'electron';
import type { PageSize, PrintDocumentRequest, SavePdfRequest } from '../../../src/bridge/desk-bridge.ts';

const micronsPerMm = 1000;
const defaultReceiptLengthMm = 297;

/** Electron falls back to A4 when no page size is given, which wastes a roll on 80 mm printers: always set one. */
export function electronPageSize(pageSize: PageSize, receiptLengthMm = defaultReceiptLengthMm): 'A4' | 'A5' | { width: number; height: number } {
  if (pageSize === '80mm') return { width: 80 * micronsPerMm, height: receiptLengthMm * micronsPerMm };
  return pageSize;
}

export function mapPrintOptions(request: PrintDocumentRequest): WebContentsPrintOptions {
  return {
    silent: request.silent,
    ...(request.printerName ? { deviceName: request.printerName } : {}),
    copies: request.copies,
    collate: true,
    printBackground: true,
    color: request.pageSize !== '80mm',
    landscape: request.landscape ?? false,
    pageSize: electronPageSize(request.pageSize, request.receiptLengthMm),
    margins: { marginType: request.pageSize === '80mm' ? 'none' : 'default' },
  };
}

/** printToPDF takes inches and defaults to Letter: always set the size. */
export function mapPdfOptions(request: Pick<SavePdfRequest, 'pageSize' | 'landscape'>): PrintToPDFOptions {
  if (request.pageSize === '80mm') {
    return { pageSize: { width: 80 / 25.4, height: defaultReceiptLengthMm / 25.4 }, landscape: false, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } };
  }
  return { pageSize: request.pageSize, landscape: request.landscape ?? false, printBackground: true };
}
