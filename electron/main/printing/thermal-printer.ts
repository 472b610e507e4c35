import { BridgeError } from '../../../src/bridge/bridge-error.ts';
import type { ThermalPrinterStatus, ThermalPrintResult } from '../../../src/bridge/desk-bridge.ts';
import { parseThermalTarget } from '../../../src/bridge/thermal-target.ts';
import { buildRasterJob } from './escpos-job.ts';
import { queryNetworkPrinterStatus, sendEscposJob, type NetworkPrinter } from './tcp-escpos.ts';

export interface ThermalPrintOptions {
  cut: boolean;
  timeoutMs: number;
  useStatus?: boolean;
}

function networkPrinterOf(target: string): NetworkPrinter {
  const parsed = parseThermalTarget(target);
  if (parsed?.kind !== 'network') {
    throw new BridgeError('invalid-payload', 'Địa chỉ máy in mạng phải có dạng tcp://máy:cổng.', 'no');
  }
  return { host: parsed.host, port: parsed.port };
}

/**
 * Prints a receipt PNG on a network ESC/POS printer (`tcp://host:port`) as raster.
 * Plain Node, no Electron: main calls it, integration tests call it directly.
 */
export async function printPngOnNetworkPrinter(
  target: string,
  png: Uint8Array,
  options: ThermalPrintOptions,
): Promise<ThermalPrintResult> {
  const printer = networkPrinterOf(target);
  const job = await buildRasterJob(png, { cut: options.cut });
  return sendEscposJob(printer, job, { timeoutMs: options.timeoutMs, useStatus: options.useStatus ?? true });
}

export function networkPrinterStatus(target: string, timeoutMs: number): Promise<ThermalPrinterStatus> {
  return queryNetworkPrinterStatus(networkPrinterOf(target), timeoutMs);
}
