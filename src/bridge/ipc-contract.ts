import { z } from 'zod';
import {
  appInfoSchema,
  encryptionKeySchema,
  exportBackupRequestSchema,
  importBackupResultSchema,
  printDocumentRequestSchema,
  printDocumentResultSchema,
  printerInfoSchema,
  savedFileResultSchema,
  savePdfRequestSchema,
  thermalPrinterStatusSchema,
  thermalPrintRequestSchema,
  thermalPrintResultSchema,
  thermalStatusRequestSchema,
  updateStatusSchema,
  type DeskBridge,
} from './desk-bridge.ts';

const noPayload = z.undefined();

/**
 * The IPC channels behind the desk bridge: one entry per request/response
 * method, used by the preload (to call), main (to validate) and tests.
 */
export const bridgeMethods = {
  getAppInfo: { channel: 'motcua:app:info', request: noPayload, response: appInfoSchema },
  listPrinters: { channel: 'motcua:print:list-printers', request: noPayload, response: z.array(printerInfoSchema) },
  printDocument: { channel: 'motcua:print:document', request: printDocumentRequestSchema, response: printDocumentResultSchema },
  saveDocumentAsPdf: { channel: 'motcua:print:save-pdf', request: savePdfRequestSchema, response: savedFileResultSchema },
  printThermal: { channel: 'motcua:thermal:print', request: thermalPrintRequestSchema, response: thermalPrintResultSchema },
  getThermalPrinterStatus: {
    channel: 'motcua:thermal:status',
    request: thermalStatusRequestSchema,
    response: thermalPrinterStatusSchema,
  },
  getUpdateStatus: { channel: 'motcua:update:status', request: noPayload, response: updateStatusSchema },
  restartToUpdate: { channel: 'motcua:update:restart', request: noPayload, response: z.undefined() },
  exportBackup: { channel: 'motcua:backup:export', request: exportBackupRequestSchema, response: savedFileResultSchema },
  importBackup: { channel: 'motcua:backup:import', request: noPayload, response: importBackupResultSchema },
  getEncryptionKey: { channel: 'motcua:secret:encryption-key', request: noPayload, response: encryptionKeySchema },
} as const satisfies Record<Exclude<keyof DeskBridge, 'onUpdateStatus'>, BridgeMethod>;

export interface BridgeMethod {
  channel: string;
  request: z.ZodType;
  response: z.ZodType;
}

export type BridgeMethodName = keyof typeof bridgeMethods;

/** Main → renderer pushes. */
export const bridgeEvents = {
  updateStatus: { channel: 'motcua:update:status-changed', payload: updateStatusSchema },
} as const;

export const bridgeMethodNames = Object.keys(bridgeMethods) as BridgeMethodName[];
