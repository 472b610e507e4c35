import { z } from 'zod';
import { thermalTargetSchema } from '../../../src/bridge/thermal-target.ts';

/**
 * The desk's printers. Kept beside the desk settings under their own key: the print service
 * can read them with the same schema (`PRINTER_SETTINGS_KEY`, `printerSettingsSchema`).
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
