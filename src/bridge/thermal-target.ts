import { z } from 'zod';

/**
 * A thermal printer is addressed like node-thermal-printer does: `tcp://host:port`
 * for a network printer, `printer:NAME` for one installed in the operating system.
 */
export type ThermalTarget =
  | { kind: 'network'; host: string; port: number }
  | { kind: 'system'; printerName: string };

const networkPattern = /^tcp:\/\/([A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:]{2,39}\])(?::(\d{1,5}))?\/?$/;
const systemPattern = /^printer:(.{1,200})$/;
export const defaultEscposPort = 9100;

export function parseThermalTarget(value: string): ThermalTarget | undefined {
  const network = networkPattern.exec(value);
  if (network) {
    const port = network[2] === undefined ? defaultEscposPort : Number(network[2]);
    if (port < 1 || port > 65535) return undefined;
    const host = network[1]!.replace(/^\[|\]$/g, '');
    return { kind: 'network', host, port };
  }
  const system = systemPattern.exec(value);
  if (system && system[1]!.trim() !== '') return { kind: 'system', printerName: system[1]!.trim() };
  return undefined;
}

export const formatThermalTarget = (target: ThermalTarget): string =>
  target.kind === 'network' ? `tcp://${target.host}:${target.port}` : `printer:${target.printerName}`;

export const thermalTargetSchema = z
  .string()
  .max(260)
  .refine((value) => parseThermalTarget(value) !== undefined, {
    message: 'Địa chỉ máy in nhiệt phải có dạng tcp://máy:cổng hoặc printer:TÊN',
  });
