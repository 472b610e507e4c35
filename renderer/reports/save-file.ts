import type * as ExcelJs from 'exceljs';
import type { Workbook } from 'exceljs';

/**
 * Hands a generated file to the officer as a download. The desk bridge has no generic "save file"
 * yet (only backups and PDFs); a download works in the browser and in Electron, whose default
 * download handler asks where to save.
 */
export function downloadFile(data: Uint8Array, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([data as Uint8Array<ArrayBuffer>], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs is large: it is loaded the first time an officer exports. */
export async function loadExcel(): Promise<{ createWorkbook: () => Workbook }> {
  const module = (await import('exceljs')) as unknown as { default?: typeof ExcelJs } & typeof ExcelJs;
  const excel = module.default ?? module;
  return { createWorkbook: () => new excel.Workbook() };
}
