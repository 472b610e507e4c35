import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { onInterrupt } from './cleanup.ts';

/**
 * The degraded link between the desk and the server: tests/support/tcp-proxy.ts, run in a child
 * process (link-process.ts) so the desk's own CPU work cannot slow the link down.
 */
export interface WireBytes {
  up: number;
  down: number;
}

export interface WireMeter extends WireBytes {
  byKind: Record<string, WireBytes>;
  /** When each cut came (ms after metering started), and how many events the server had stored. */
  cuts: Array<{ atMs: number; stored: number; fraction: number }>;
  /** When the push answers said every event was stored (ms after metering started). */
  allStoredAtMs: number | null;
}

export type LinkMessage =
  | { type: 'shape'; delayMs: number; bytesPerSecond: number }
  | { type: 'meter'; thresholds: number[]; events: number; halfBody: number }
  | { type: 'meter-uploads'; fractions: number[]; totalBytes: number }
  | { type: 'report' }
  | { type: 'close' };

export type LinkReply = { type: 'ready'; port: number } | { type: 'done' } | { type: 'meter'; meter: WireMeter };

export interface Link {
  url: string;
  /** Delay per chunk and throttle per connection, each way; zeros lift both. */
  shape(delayMs: number, bytesPerSecond: number): Promise<void>;
  /** Starts counting bytes and cutting every connection at these fractions of the events stored. */
  meter(options: { thresholds: number[]; events: number; halfBody: number }): Promise<void>;
  /** Starts counting bytes and cutting every connection once the file uploads have sent these fractions of `totalBytes`. */
  meterUploads(options: { fractions: number[]; totalBytes: number }): Promise<void>;
  /** Stops cutting and returns what was counted. */
  report(): Promise<WireMeter>;
  close(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export async function startLink(targetPort: number): Promise<Link> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./link-process.ts', import.meta.url)), [String(targetPort)], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const forget = onInterrupt(() => {
    child.kill('SIGKILL');
  });
  const replies: LinkReply[] = [];
  const waiting: Array<(reply: LinkReply) => void> = [];
  child.on('message', (reply: LinkReply) => {
    const next = waiting.shift();
    if (next) next(reply);
    else replies.push(reply);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const nextReply = () =>
    new Promise<LinkReply>((resolve, reject) => {
      const queued = replies.shift();
      if (queued) return resolve(queued);
      waiting.push(resolve);
      void exited.then(() => reject(new Error('the link process exited')));
    });
  const ask = async (message: LinkMessage): Promise<LinkReply> => {
    child.send(message);
    return nextReply();
  };
  const ready = await nextReply();
  if (ready.type !== 'ready') throw new Error(`link process: unexpected ${ready.type}`);
  return {
    url: `http://127.0.0.1:${ready.port}`,
    async shape(delayMs, bytesPerSecond) {
      await ask({ type: 'shape', delayMs, bytesPerSecond });
    },
    async meter(options) {
      await ask({ type: 'meter', ...options });
    },
    async meterUploads(options) {
      await ask({ type: 'meter-uploads', ...options });
    },
    async report() {
      const reply = await ask({ type: 'report' });
      if (reply.type !== 'meter') throw new Error(`link process: unexpected ${reply.type}`);
      return reply.meter;
    },
    async close() {
      forget();
      if (child.exitCode !== null) return;
      child.send({ type: 'close' } satisfies LinkMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
