import { z } from 'zod';
import type { PageSize } from '../../src/bridge/desk-bridge.ts';
import { parseThermalTarget, thermalTargetSchema } from '../../src/bridge/thermal-target.ts';

/**
 * The desk's printers, chosen on the settings screen and kept beside the desk settings under
 * their own key; the print service reads them for every print.
 */
export const PRINTER_SETTINGS_KEY = 'printer-settings';

export const printerSettingsSchema = z.strictObject({
  /** Printer `name` from listPrinters; '' = the system default printer. */
  a4Printer: z.string().max(200),
  a5Printer: z.string().max(200),
  /** `tcp://host:port` or `printer:NAME`; '' = no receipt printer. */
  thermalTarget: z.union([z.literal(''), thermalTargetSchema]),
});
export type PrinterSettings = z.infer<typeof printerSettingsSchema>;

export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = { a4Printer: '', a5Printer: '', thermalTarget: '' };

/**
 * The system printer a document of this size goes to, or undefined for the system default.
 * An 80 mm document can only go to a thermal printer installed in the system (`printer:NAME`);
 * a network one (`tcp://…`) takes raw ESC/POS, not a page.
 */
export function printerNameFor(settings: PrinterSettings, pageSize: PageSize): string | undefined {
  if (pageSize === 'A4') return settings.a4Printer || undefined;
  if (pageSize === 'A5') return settings.a5Printer || undefined;
  const thermal = settings.thermalTarget ? parseThermalTarget(settings.thermalTarget) : undefined;
  return thermal?.kind === 'system' ? thermal.printerName : undefined;
}
