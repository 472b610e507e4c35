import type { BrowserWindow, BrowserWindowConstructorOptions, PrinterInfo as ElectronPrinterInfo, WebContentsPrintOptions } from 'electron';
import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import type {
  PrintDocumentRequest,
  PrintDocumentResult,
  PrinterInfo,
  SavedFileResult,
  SavePdfRequest,
} from '../../../src/bridge/desk-bridge.ts';
import { secureWebPreferences } from '../security/web-preferences.ts';
import { mapPdfOptions, mapPrintOptions } from './print-options.ts';

export interface DocumentPrinterDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  getPrinters(): Promise<ElectronPrinterInfo[]>;
  /** Writes the document to a private temp file; file:// avoids data: URL size limits. */
  writeTempHtml(html: string): Promise<{ url: string; dispose(): Promise<void> }>;
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  harden(window: BrowserWindow): void;
}

/** An offscreen, script-less window holding exactly the document to print. */
async function withDocumentWindow<T>(deps: DocumentPrinterDeps, html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const file = await deps.writeTempHtml(html);
  const window = new deps.BrowserWindow({ show: false, webPreferences: { ...secureWebPreferences(), javascript: false } });
  deps.harden(window);
  try {
    await window.loadURL(file.url);
    return await use(window);
  } finally {
    window.destroy();
    await file.dispose();
  }
}

function printWith(window: BrowserWindow, options: WebContentsPrintOptions): Promise<PrintDocumentResult> {
  return new Promise((resolve, reject) => {
    window.webContents.print(options, (success, failureReason) => {
      if (success) resolve({ printed: true });
      else if (failureReason === 'Print job canceled' || /cancel/i.test(failureReason)) resolve({ printed: false });
      else reject(new BridgeError('print-failed', `Máy in báo lỗi, chưa in được (${failureReason}). Kiểm tra máy in rồi in lại.`, 'no'));
    });
  });
}

export function createDocumentPrinter(deps: DocumentPrinterDeps) {
  const listPrinters = async (): Promise<PrinterInfo[]> =>
    (await deps.getPrinters()).map((printer) => ({
      name: printer.name,
      displayName: printer.displayName || printer.name,
      description: printer.description ?? '',
      isDefault: Boolean((printer as { isDefault?: boolean }).isDefault),
    }));

  const requirePrinter = async (printerName: string | undefined) => {
    if (printerName === undefined) return;
    const printers = await deps.getPrinters();
    if (!printers.some((printer) => printer.name === printerName)) {
      throw new BridgeError('printer-not-found', `Không tìm thấy máy in “${printerName}”. Chọn lại máy in trong Cài đặt.`, 'no');
    }
  };

  return {
    listPrinters,

    async printDocument(request: PrintDocumentRequest): Promise<PrintDocumentResult> {
      await requirePrinter(request.printerName);
      return withDocumentWindow(deps, request.html, (window) => printWith(window, mapPrintOptions(request)));
    },

    async saveDocumentAsPdf(request: SavePdfRequest): Promise<SavedFileResult> {
      const pdf = await withDocumentWindow(deps, request.html, (window) => window.webContents.printToPDF(mapPdfOptions(request))).catch(
        (error: unknown) => {
          if (error instanceof BridgeError) throw error;
          throw new BridgeError('pdf-failed', 'Không tạo được tệp PDF. Hãy thử lại.');
        },
      );
      const name = request.suggestedFileName.toLowerCase().endsWith('.pdf') ? request.suggestedFileName : `${request.suggestedFileName}.pdf`;
      const choice = await deps.showSaveDialog({ defaultPath: name, filters: [{ name: 'Tài liệu PDF', extensions: ['pdf'] }] });
      if (choice.canceled || !choice.filePath) return { saved: false };
      await deps.writeFile(choice.filePath, pdf).catch(() => {
        throw new BridgeError('pdf-failed', 'Không ghi được tệp PDF vào thư mục đã chọn. Chọn thư mục khác.');
      });
      return { saved: true, fileName: choice.filePath };
    },

    /**
     * A receipt image through an OS-installed printer's own driver (`printer:NAME`):
     * the driver rasterises it, so diacritics are as exact as on the screen.
     */
    async printPngWithDriver(printerName: string, png: Uint8Array, heightDots: number): Promise<PrintDocumentResult> {
      await requirePrinter(printerName);
      const lengthMm = Math.ceil(heightDots / 8) + 6;
      const html = `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:80mm ${lengthMm}mm;margin:0}body{margin:0}img{display:block;width:72mm;margin:0 4mm;image-rendering:pixelated}</style></head><body><img src="data:image/png;base64,${Buffer.from(png).toString('base64')}"></body></html>`;
      return withDocumentWindow(deps, html, (window) =>
        printWith(window, {
          silent: true,
          deviceName: printerName,
          copies: 1,
          printBackground: true,
          color: false,
          pageSize: { width: 80_000, height: lengthMm * 1000 },
          margins: { marginType: 'none' },
        }),
      );
    },
  };
}

export type DocumentPrinter = ReturnType<typeof createDocumentPrinter>;
