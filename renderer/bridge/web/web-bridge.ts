import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import {
  appInfoSchema,
  exportBackupRequestSchema,
  printDocumentRequestSchema,
  savePdfRequestSchema,
  thermalPrintRequestSchema,
  thermalStatusRequestSchema,
  type AppInfo,
  type DeskBridge,
  type UpdateStatus,
} from '../../../src/bridge/desk-bridge.ts';
import { downloadFile } from '../../browser/download-file.ts';
import { pickBackupFile } from './backup-files.ts';
import { printInHiddenIframe } from './print-iframe.ts';
import { printThermalInBrowser, thermalStatusInBrowser } from './thermal.ts';

const unsupported = (code: 'unsupported' | 'secret-storage-unavailable' | 'update-not-ready', message: string) =>
  Promise.reject(new BridgeError(code, message));

function parseOrReject<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BridgeError('invalid-payload', 'Yêu cầu gửi tới máy chủ ứng dụng không hợp lệ.');
  return parsed.data;
}

/**
 * The desk bridge for a plain browser (`npm run web`, E2E tests). It does what a
 * browser honestly can and fails with a typed, Vietnamese error otherwise.
 */
export function createWebBridge(version: string): DeskBridge {
  const info: AppInfo = appInfoSchema.parse({ name: 'Một Cửa', version, host: 'web' });
  const updateStatus: UpdateStatus = { state: 'disabled' };
  return {
    getAppInfo: async () => info,
    // A browser cannot enumerate printers; its print dialog lists them.
    listPrinters: async () => [],
    printDocument: async (request) => {
      const { html, pageSize, landscape } = parseOrReject(printDocumentRequestSchema, request);
      await printInHiddenIframe(html, pageSize, landscape);
      return { printed: true };
    },
    saveDocumentAsPdf: async (request) => {
      parseOrReject(savePdfRequestSchema, request);
      return unsupported(
        'unsupported',
        'Trình duyệt không lưu PDF trực tiếp được. Hãy dùng lệnh In rồi chọn “Lưu dưới dạng PDF”.',
      );
    },
    printThermal: async (request) => printThermalInBrowser(parseOrReject(thermalPrintRequestSchema, request)),
    getThermalPrinterStatus: async (request) => thermalStatusInBrowser(parseOrReject(thermalStatusRequestSchema, request)),
    getUpdateStatus: async () => updateStatus,
    onUpdateStatus: () => () => undefined,
    restartToUpdate: () => unsupported('update-not-ready', 'Bản web không có cập nhật để cài.'),
    exportBackup: async (request) => {
      const { data, suggestedFileName } = parseOrReject(exportBackupRequestSchema, request);
      downloadFile(data, suggestedFileName);
      return { saved: true, fileName: suggestedFileName };
    },
    importBackup: () => pickBackupFile(),
    getEncryptionKey: () =>
      unsupported(
        'secret-storage-unavailable',
        'Trình duyệt không có kho khóa an toàn; dữ liệu cá nhân chỉ được mã hóa trong ứng dụng Một Cửa trên máy tính.',
      ),
  };
}
