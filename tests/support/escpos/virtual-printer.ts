import { createServer, type Server, type Socket } from 'node:net';
import { decodeEscpos, summarise, type DecodedJob, type JobSummary } from './decoder.ts';

export interface VirtualPrinterStatus {
  offline?: boolean;
  coverOpen?: boolean;
  paper?: 'ok' | 'near-end' | 'out';
}

export type VirtualPrinterBehaviour =
  /** Answers status queries, keeps everything. */
  | { kind: 'normal' }
  /** Accepts the connection, reads, never answers anything. */
  | { kind: 'silent' }
  /** Drops the connection once this many bytes have arrived. */
  | { kind: 'drop-after'; bytes: number };

export interface CapturedJob {
  bytes: Buffer;
  decoded: DecodedJob;
  summary: JobSummary;
}

export interface VirtualPrinter {
  port: number;
  target: string;
  /** One entry per connection, completed when the connection ends. */
  jobs: CapturedJob[];
  connections: number;
  setStatus(status: VirtualPrinterStatus): void;
  setBehaviour(behaviour: VirtualPrinterBehaviour): void;
  close(): Promise<void>;
}

/** Epson-style replies to DLE EOT n, with the fixed bits (0b0xx1xx10) set. */
export function statusReply(n: number, status: VirtualPrinterStatus): number {
  const base = 0x12;
  if (n === 1) return base | (status.offline || status.coverOpen || status.paper === 'out' ? 0x08 : 0);
  if (n === 2) return base | (status.coverOpen ? 0x04 : 0) | (status.paper === 'out' ? 0x20 : 0);
  if (n === 4) return base | (status.paper === 'near-end' ? 0x0c : 0) | (status.paper === 'out' ? 0x60 : 0);
  return base;
}

/**
 * A network ESC/POS printer on loopback: it parses the stream as it arrives,
 * answers status queries in real time, and keeps every job's bytes for tests.
 */
export async function startVirtualPrinter(
  options: { status?: VirtualPrinterStatus; behaviour?: VirtualPrinterBehaviour } = {},
): Promise<VirtualPrinter> {
  let status: VirtualPrinterStatus = options.status ?? {};
  let behaviour: VirtualPrinterBehaviour = options.behaviour ?? { kind: 'normal' };
  const jobs: CapturedJob[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;

  const server: Server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    const own = behaviour;
    let buffer = Buffer.alloc(0);
    let answered = 0;
    const capture = () => {
      sockets.delete(socket);
      const decoded = decodeEscpos(buffer);
      jobs.push({ bytes: buffer, decoded, summary: summarise(decoded) });
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (own.kind === 'drop-after' && buffer.length >= own.bytes) {
        buffer = buffer.subarray(0, own.bytes);
        socket.resetAndDestroy();
        return;
      }
      if (own.kind === 'silent') return;
      const queries = decodeEscpos(buffer).ops.filter((op) => op.kind === 'status-query');
      for (const query of queries.slice(answered)) socket.write(Uint8Array.of(statusReply(query.n, status)));
      answered = queries.length;
    });
    socket.on('error', () => undefined);
    socket.on('close', capture);
    socket.on('end', () => socket.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('virtual printer has no TCP address');

  return {
    port: address.port,
    target: `tcp://127.0.0.1:${address.port}`,
    jobs,
    get connections() {
      return connections;
    },
    setStatus: (next) => {
      status = next;
    },
    setBehaviour: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port with nothing listening: bind, note the port, close. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return address.port;
}

/** Waits until the printer has recorded `count` finished jobs. */
export async function waitForJobs(printer: VirtualPrinter, count: number, timeoutMs = 5000): Promise<CapturedJob[]> {
  const deadline = Date.now() + timeoutMs;
  while (printer.jobs.length < count) {
    if (Date.now() > deadline) throw new Error(`virtual printer got ${printer.jobs.length} of ${count} jobs`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return printer.jobs;
}
