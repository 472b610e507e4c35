import type * as ExcelJs from 'exceljs';
import type { Workbook } from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs is large: it is loaded the first time an officer exports. */
export async function loadExcel(): Promise<{ createWorkbook: () => Workbook }> {
  const module = (await import('exceljs')) as unknown as { default?: typeof ExcelJs } & typeof ExcelJs;
  const excel = module.default ?? module;
  return { createWorkbook: () => new excel.Workbook() };
}
