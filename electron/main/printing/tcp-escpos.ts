import { connect, type Socket } from 'node:net';
import { BridgeError, type PrintedOutcome } from '../../../src/bridge/bridge-error.ts';
import type { ThermalPrinterStatus } from '../../../src/bridge/desk-bridge.ts';
import { decodeStatus, deliveryProbe, statusQuery, statusReplyLength } from './escpos-status.ts';

export interface NetworkPrinter {
  host: string;
  port: number;
}

export interface SendOptions {
  /** Limit for each wait: connecting, a status reply, the delivery confirmation. */
  timeoutMs: number;
  /** Ask DLE EOT status before and after the job (printers that never answer: false). */
  useStatus: boolean;
}

const unreachableCodes = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);
const seconds = (ms: number) => Math.round(ms / 100) / 10;

/**
 * A TCP link to an ESC/POS printer that turns every way a print can go wrong into a
 * typed error with a deadline. node-thermal-printer's own network interface resolves
 * as soon as bytes are queued (it ignores write errors) and so cannot tell a
 * delivered receipt from one lost mid-job; this one can.
 */
class PrinterLink {
  private received = Buffer.alloc(0);
  private closedBecause: Error | 'closed' | undefined;
  private wake: (() => void) | undefined;
  bytesWritten = 0;

  private constructor(
    private readonly socket: Socket,
    readonly name: string,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.wake?.();
    });
    socket.on('error', (error) => {
      this.closedBecause ??= error;
      this.wake?.();
    });
    socket.on('close', () => {
      this.closedBecause ??= 'closed';
      this.wake?.();
    });
  }

  static open(printer: NetworkPrinter, timeoutMs: number): Promise<PrinterLink> {
    const name = `${printer.host}:${printer.port}`;
    return new Promise((resolve, reject) => {
      const socket = connect({ host: printer.host, port: printer.port });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new BridgeError('printer-timeout', `Máy in ${name} không phản hồi sau ${seconds(timeoutMs)} giây. Kiểm tra máy in đã bật và nối mạng.`, 'no'));
      }, timeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.setNoDelay(true);
        socket.removeAllListeners('error');
        resolve(new PrinterLink(socket, name));
      });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        socket.destroy();
        reject(
          unreachableCodes.has(error.code ?? '')
            ? new BridgeError('printer-unreachable', `Không kết nối được máy in ${name}. Kiểm tra máy in đã bật, đúng địa chỉ và cùng mạng.`, 'no')
            : new BridgeError('printer-unreachable', `Không kết nối được máy in ${name} (${error.code ?? error.message}).`, 'no'),
        );
      });
    });
  }

  write(bytes: Uint8Array): void {
    if (this.closedBecause) throw this.lost(this.bytesWritten > 0 ? 'maybe' : 'no');
    this.socket.write(bytes);
    this.bytesWritten += bytes.byteLength;
  }

  /** Waits for exactly `count` reply bytes, or fails on close/timeout. */
  async read(count: number, timeoutMs: number, printed: PrintedOutcome): Promise<Uint8Array> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (this.closedBecause) throw this.lost(printed);
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new BridgeError(
          'printer-timeout',
          printed === 'no'
            ? `Máy in ${this.name} không trả lời sau ${seconds(timeoutMs)} giây. Kiểm tra máy in đã bật, còn giấy và đúng địa chỉ trong Cài đặt → Máy in.`
            : `Máy in ${this.name} không xác nhận đã nhận biên nhận sau ${seconds(timeoutMs)} giây. Kiểm tra giấy đã in; bản in lại sẽ ghi “Bản sao”.`,
          printed,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    const reply = this.received.subarray(0, count);
    this.received = this.received.subarray(count);
    return reply;
  }

  /** Half-closes and waits for the printer to close, so queued bytes are flushed. */
  async finish(timeoutMs: number): Promise<void> {
    this.socket.end();
    const deadline = Date.now() + timeoutMs;
    while (!this.closedBecause && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
    if (this.closedBecause instanceof Error) throw this.lost('maybe');
  }

  close(): void {
    this.socket.destroy();
  }

  private lost(printed: PrintedOutcome): BridgeError {
    return new BridgeError(
      'printer-connection-lost',
      printed === 'no'
        ? `Máy in ${this.name} ngắt kết nối trước khi in. Hãy in lại.`
        : `Mất kết nối với máy in ${this.name} giữa chừng. Biên nhận có thể đã in một phần; bản in lại sẽ ghi “Bản sao”.`,
      printed,
    );
  }
}

function refuseIfNotReady(status: ThermalPrinterStatus, name: string): void {
  if (status.paper === 'out') throw new BridgeError('printer-out-of-paper', `Máy in ${name} hết giấy. Thay cuộn giấy rồi in lại.`, 'no');
  if (status.coverOpen) throw new BridgeError('printer-offline', `Máy in ${name} đang mở nắp. Đóng nắp rồi in lại.`, 'no');
  if (!status.online) throw new BridgeError('printer-offline', `Máy in ${name} đang ngoại tuyến (lỗi hoặc đang bận). Kiểm tra máy in rồi in lại.`, 'no');
}

/** Asks a network printer for its status (settings screen, before a job). */
export async function queryNetworkPrinterStatus(printer: NetworkPrinter, timeoutMs: number): Promise<ThermalPrinterStatus> {
  const link = await PrinterLink.open(printer, timeoutMs);
  try {
    link.write(statusQuery);
    return decodeStatus(await link.read(statusReplyLength, timeoutMs, 'no'));
  } finally {
    link.close();
  }
}

/** Sends one ESC/POS job; resolves only once the printer has it (or as far as can be known). */
export async function sendEscposJob(
  printer: NetworkPrinter,
  job: Uint8Array,
  options: SendOptions,
): Promise<{ bytesSent: number; confirmed: boolean }> {
  const link = await PrinterLink.open(printer, options.timeoutMs);
  try {
    if (options.useStatus) {
      link.write(statusQuery);
      refuseIfNotReady(decodeStatus(await link.read(statusReplyLength, options.timeoutMs, 'no')), link.name);
    }
    link.write(job);
    // A busy printer drains its buffer as it prints (~50 KB/s of raster is slow for one).
    const drainMs = options.timeoutMs + Math.ceil(job.byteLength / 50);
    if (options.useStatus) {
      link.write(deliveryProbe);
      await link.read(1, drainMs, 'maybe');
      link.close();
      return { bytesSent: job.byteLength, confirmed: true };
    }
    await link.finish(drainMs);
    return { bytesSent: job.byteLength, confirmed: false };
  } finally {
    link.close();
  }
}
