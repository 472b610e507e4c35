import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import type { ThermalPrinterStatus, ThermalPrintRequest, ThermalPrintResult, ThermalStatusRequest } from '../../../src/bridge/desk-bridge.ts';
import { formatThermalTarget, parseThermalTarget } from '../../../src/bridge/thermal-target.ts';
import { printInHiddenIframe } from './print-iframe.ts';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

/**
 * Thermal receipts from a plain browser. A web page cannot open a TCP socket, so a network
 * printer (`tcp://host:port`) is out of reach: that is said plainly, before anything is sent.
 * A printer installed in the operating system (`printer:NAME`) gets the receipt image as an
 * 80 mm page through the browser's print dialog, where the officer picks that printer.
 */
export async function printThermalInBrowser(request: ThermalPrintRequest): Promise<ThermalPrintResult> {
  const target = parseThermalTarget(request.target);
  if (!target) throw new BridgeError('invalid-payload', 'Địa chỉ máy in nhiệt không hợp lệ.', 'no');
  if (target.kind === 'network') {
    throw new BridgeError(
      'unsupported',
      `Trình duyệt không kết nối được trực tiếp tới máy in mạng ${formatThermalTarget(target)}: in biên nhận trên máy in nhiệt qua mạng chỉ dùng được trong ứng dụng Một Cửa trên máy tính. Chưa có gì được in.`,
      'no',
    );
  }
  const html =
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biên nhận</title>' +
    '<style>body{margin:0}img{display:block;width:72mm;margin:0 4mm;image-rendering:pixelated}</style></head>' +
    `<body><img alt="Biên nhận" src="data:image/png;base64,${base64Of(request.png)}"></body></html>`;
  await printInHiddenIframe(html, '80mm');
  // The browser does not say whether its dialog printed or was cancelled.
  return { bytesSent: request.png.byteLength, confirmed: false };
}

export async function thermalStatusInBrowser(request: ThermalStatusRequest): Promise<ThermalPrinterStatus> {
  const target = parseThermalTarget(request.target);
  throw new BridgeError(
    'unsupported',
    target?.kind === 'system'
      ? `Trình duyệt không đọc được trạng thái máy in “${target.printerName}”: kiểm tra máy in nhiệt chỉ dùng được trong ứng dụng Một Cửa trên máy tính. Khi in, hãy chọn máy in này trong hộp thoại in.`
      : 'Trình duyệt không kết nối được trực tiếp tới máy in mạng: kiểm tra máy in nhiệt chỉ dùng được trong ứng dụng Một Cửa trên máy tính.',
  );
}
