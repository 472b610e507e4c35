import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import type { ThermalPrinterStatus, ThermalPrintRequest, ThermalPrintResult, ThermalStatusRequest } from '../../../src/bridge/desk-bridge.ts';
import { parseThermalTarget } from '../../../src/bridge/thermal-target.ts';
import type { DocumentPrinter } from './document-printer.ts';
import { maxRasterWidthDots, pngSize } from './escpos-job.ts';
import { networkPrinterStatus, printPngOnNetworkPrinter } from './thermal-printer.ts';

/** Thermal receipts: raw ESC/POS for network printers, the OS driver for installed ones. */
export function createThermalService(documents: Pick<DocumentPrinter, 'printPngWithDriver' | 'listPrinters'>) {
  return {
    async printThermal(request: ThermalPrintRequest): Promise<ThermalPrintResult> {
      const target = parseThermalTarget(request.target);
      if (!target) throw new BridgeError('invalid-payload', 'Địa chỉ máy in nhiệt không hợp lệ.', 'no');
      if (target.kind === 'network') {
        return printPngOnNetworkPrinter(request.target, request.png, { cut: request.cut, timeoutMs: request.timeoutMs });
      }
      const size = pngSize(request.png);
      if (!size || size.width > maxRasterWidthDots) {
        throw new BridgeError('invalid-image', `Ảnh biên nhận không hợp lệ: cần ảnh PNG rộng tối đa ${maxRasterWidthDots} điểm.`, 'no');
      }
      const result = await documents.printPngWithDriver(target.printerName, request.png, size.height);
      if (!result.printed) throw new BridgeError('print-failed', 'Lệnh in đã bị hủy.', 'no');
      return { bytesSent: request.png.byteLength, confirmed: false };
    },

    async getThermalPrinterStatus(request: ThermalStatusRequest): Promise<ThermalPrinterStatus> {
      const target = parseThermalTarget(request.target);
      if (!target) throw new BridgeError('invalid-payload', 'Địa chỉ máy in nhiệt không hợp lệ.');
      if (target.kind === 'network') return networkPrinterStatus(request.target, request.timeoutMs);
      const installed = (await documents.listPrinters()).some((printer) => printer.name === target.printerName);
      if (!installed) throw new BridgeError('printer-not-found', `Không tìm thấy máy in “${target.printerName}” trên máy tính này.`);
      // The OS spooler does not tell paper state to applications.
      return { online: true, paper: 'unknown', coverOpen: false };
    },
  };
}
