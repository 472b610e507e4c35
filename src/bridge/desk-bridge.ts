import { z } from 'zod';
import { thermalTargetSchema } from './thermal-target.ts';

/**
 * The desk bridge is the one typed seam between the renderer and its host.
 * Electron's preload and the browser's web bridge both implement it, and
 * every payload crossing it is described here once, as a runtime schema.
 */
/** Bytes from any realm or buffer kind (IPC hands over plain Uint8Array). */
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Cần dữ liệu nhị phân (Uint8Array)' });

export const hostKindSchema = z.enum(['electron', 'web']);
export type HostKind = z.infer<typeof hostKindSchema>;

export const appInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  host: hostKindSchema,
});
export type AppInfo = z.infer<typeof appInfoSchema>;

// ── Printers and documents ────────────────────────────────────────────────

export const printerInfoSchema = z.object({
  name: z.string().min(1),
  displayName: z.string(),
  description: z.string(),
  isDefault: z.boolean(),
});
export type PrinterInfo = z.infer<typeof printerInfoSchema>;

/** A4/A5 for office printers, 80mm for a receipt printer driven by its OS driver. */
export const pageSizeSchema = z.enum(['A4', 'A5', '80mm']);
export type PageSize = z.infer<typeof pageSizeSchema>;

/** A complete, self-contained HTML document (styles inline, no scripts: they are not run). */
const htmlDocumentSchema = z.string().min(1).max(5_000_000);

export const printDocumentRequestSchema = z.strictObject({
  html: htmlDocumentSchema,
  /** The printer's `name` from `listPrinters`; the system default when absent. */
  printerName: z.string().min(1).max(200).optional(),
  silent: z.boolean(),
  copies: z.number().int().min(1).max(20),
  pageSize: pageSizeSchema,
  landscape: z.boolean().optional(),
  /** Receipt length for 80mm paper; thermal drivers cut at the end of content. */
  receiptLengthMm: z.number().int().min(50).max(2000).optional(),
});
export type PrintDocumentRequest = z.infer<typeof printDocumentRequestSchema>;

/** `printed: false`: the officer cancelled the print dialog. */
export const printDocumentResultSchema = z.object({ printed: z.boolean() });
export type PrintDocumentResult = z.infer<typeof printDocumentResultSchema>;

const fileNameSchema = z
  .string()
  .min(1)
  .max(120)
  .refine((name) => !/[/\\:*?"<>|]/.test(name) && ![...name].some((char) => char.charCodeAt(0) < 32), {
    message: 'Tên tệp không được chứa ký tự điều khiển hoặc / \\ : * ? " < > |',
  });

export const savePdfRequestSchema = z.strictObject({
  html: htmlDocumentSchema,
  pageSize: pageSizeSchema,
  landscape: z.boolean().optional(),
  suggestedFileName: fileNameSchema,
});
export type SavePdfRequest = z.infer<typeof savePdfRequestSchema>;

/** `saved: false` means the officer closed the save dialog: not an error. */
export const savedFileResultSchema = z.object({
  saved: z.boolean(),
  fileName: z.string().optional(),
});
export type SavedFileResult = z.infer<typeof savedFileResultSchema>;

// ── Thermal receipts ──────────────────────────────────────────────────────

export const maxThermalImageBytes = 4 * 1024 * 1024;

export const thermalPrintRequestSchema = z.strictObject({
  target: thermalTargetSchema,
  /** PNG drawn by the renderer, at most 576 dots wide (80 mm at 203 dpi). */
  png: bytesSchema.refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= maxThermalImageBytes, {
    message: 'Ảnh biên nhận rỗng hoặc quá lớn',
  }),
  cut: z.boolean(),
  timeoutMs: z.number().int().min(500).max(30_000),
});
export type ThermalPrintRequest = z.infer<typeof thermalPrintRequestSchema>;

export const thermalPrintResultSchema = z.object({
  bytesSent: z.number().int().nonnegative(),
  /** The printer answered a status query after the job: it received all of it. */
  confirmed: z.boolean(),
});
export type ThermalPrintResult = z.infer<typeof thermalPrintResultSchema>;

export const thermalStatusRequestSchema = z.strictObject({
  target: thermalTargetSchema,
  timeoutMs: z.number().int().min(500).max(30_000),
});
export type ThermalStatusRequest = z.infer<typeof thermalStatusRequestSchema>;

export const thermalPrinterStatusSchema = z.object({
  online: z.boolean(),
  paper: z.enum(['ok', 'near-end', 'out', 'unknown']),
  coverOpen: z.boolean(),
});
export type ThermalPrinterStatus = z.infer<typeof thermalPrinterStatusSchema>;

// ── Updates ───────────────────────────────────────────────────────────────

export const updateStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('disabled') }),
  z.object({ state: z.literal('idle') }),
  z.object({ state: z.literal('checking') }),
  z.object({ state: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  /** Shown as "update ready, restart"; the officer chooses when. */
  z.object({ state: z.literal('ready'), version: z.string() }),
  z.object({ state: z.literal('error'), message: z.string() }),
]);
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

// ── Backup and secrets ────────────────────────────────────────────────────

export const maxBackupBytes = 512 * 1024 * 1024;

export const exportBackupRequestSchema = z.strictObject({
  data: bytesSchema.refine((bytes) => bytes.byteLength <= maxBackupBytes, {
    message: 'Bản sao lưu quá lớn',
  }),
  suggestedFileName: fileNameSchema,
});
export type ExportBackupRequest = z.infer<typeof exportBackupRequestSchema>;

/** `imported: false` means the officer closed the open dialog. */
export const importBackupResultSchema = z.union([
  z.object({ imported: z.literal(false) }),
  z.object({ imported: z.literal(true), fileName: z.string(), data: bytesSchema }),
]);
export type ImportBackupResult = z.infer<typeof importBackupResultSchema>;

/** The at-rest encryption key for personal data: 32 random bytes, base64. */
export const encryptionKeySchema = z.object({ keyBase64: z.string().regex(/^[A-Za-z0-9+/]{43}=$/) });
export type EncryptionKey = z.infer<typeof encryptionKeySchema>;

// ── The interface ─────────────────────────────────────────────────────────

/** Every method rejects with a `BridgeError` (see bridge-error.ts) when it fails. */
export interface DeskBridge {
  getAppInfo(): Promise<AppInfo>;
  listPrinters(): Promise<PrinterInfo[]>;
  printDocument(request: PrintDocumentRequest): Promise<PrintDocumentResult>;
  saveDocumentAsPdf(request: SavePdfRequest): Promise<SavedFileResult>;
  printThermal(request: ThermalPrintRequest): Promise<ThermalPrintResult>;
  getThermalPrinterStatus(request: ThermalStatusRequest): Promise<ThermalPrinterStatus>;
  getUpdateStatus(): Promise<UpdateStatus>;
  /** Calls `listener` on every change; returns the unsubscribe function. */
  onUpdateStatus(listener: (status: UpdateStatus) => void): () => void;
  /** Quits and installs a downloaded update. Only on the officer's request. */
  restartToUpdate(): Promise<void>;
  exportBackup(request: ExportBackupRequest): Promise<SavedFileResult>;
  importBackup(): Promise<ImportBackupResult>;
  getEncryptionKey(): Promise<EncryptionKey>;
}
