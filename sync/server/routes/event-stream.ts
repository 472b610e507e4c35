import { constants, createGzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ChangeTopic } from '../db/change-channel.ts';
import type { ChangeBus } from '../db/change-bus.ts';
import type { DeskStreams } from '../domain/desk-streams.ts';
import { ServerError } from '../domain/server-error.ts';

export interface StreamSource<Page extends { documents: unknown[]; checkpoint: { seq: number } }> {
  topic: ChangeTopic;
  /** Where to start: the newest position when the stream opens (the desk pulls up to it after RESYNC). */
  start(): Promise<number>;
  pull(afterSeq: number, limit: number): Promise<Page>;
}

const BATCH = 100;
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events in the shape of RxDB's `pull.stream$`: `"RESYNC"` first (the desk then pulls
 * from its own checkpoint), then `{documents, checkpoint}` batches as commits are announced. The
 * stream counts against its desk credential's limit and ends when that credential is revoked or
 * replaced (`streams`, domain/desk-streams.ts).
 */
export async function serveStream<Page extends { documents: unknown[]; checkpoint: { seq: number } }>(
  request: FastifyRequest,
  reply: FastifyReply,
  changes: ChangeBus,
  streams: DeskStreams,
  source: StreamSource<Page>,
): Promise<void> {
  let close = () => undefined as void;
  const credentialHash = request.deskCredentialHash;
  if (credentialHash === null) throw new ServerError(401, 'desk.unauthorized', 'Quầy tiếp nhận chưa được xác thực.');
  const release = streams.open(credentialHash, () => close());
  if (!release) {
    throw new ServerError(429, 'stream.too_many', 'Quầy đang mở quá nhiều kênh cập nhật cùng lúc. Hãy đóng bớt cửa sổ ứng dụng rồi thử lại.');
  }
  let checkpoint: number;
  try {
    checkpoint = await source.start();
  } catch (error) {
    release();
    throw error;
  }
  // Hijacking skips Fastify's reply: keep the headers plugins already set (CORS for desks on
  // another origin), or the browser drops the stream and the desk shows "offline" for good.
  const pluginHeaders = reply.getHeaders();
  reply.hijack();
  const res = reply.raw;
  for (const [name, value] of Object.entries(pluginHeaders)) if (value !== undefined) res.setHeader(name, value);
  // Gzip when the desk accepts it (fetch does, in the browser and in Node), flushed after every
  // message so nothing waits in the compressor: batches of events compress several times over.
  const gzip = acceptsGzip(request) ? createGzip() : null;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
  });
  if (gzip) {
    gzip.on('error', () => res.destroy());
    gzip.pipe(res);
  }
  const write = (text: string) => {
    if (!gzip) return res.write(text);
    gzip.write(text);
    gzip.flush(constants.Z_SYNC_FLUSH);
    return true;
  };
  const send = (data: unknown) => write(`data: ${JSON.stringify(data)}\n\n`);
  write('retry: 3000\n\n');
  send('RESYNC');

  let chain = Promise.resolve();
  let closed = false;
  const drain = async () => {
    for (;;) {
      const page = await source.pull(checkpoint, BATCH);
      if (closed || page.documents.length === 0) return;
      checkpoint = page.checkpoint.seq;
      send(page);
      if (page.documents.length < BATCH) return;
    }
  };
  const unsubscribe = changes.subscribe((topic) => {
    if (topic !== source.topic || closed) return;
    chain = chain.then(drain).catch((error: unknown) => {
      request.log.warn({ err: error }, 'stream pull failed; asking the desk to resync');
      if (!closed) send('RESYNC');
    });
  });
  const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
  close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    unsubscribe();
    release();
    if (gzip) gzip.end();
    else res.end();
  };
  request.raw.on('close', close);
  res.on('close', close);
  // The desk may have gone while the stream was being set up: release its place now.
  if (res.destroyed) close();
}

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    return (coding.trim() === 'gzip' || coding.trim() === '*') && !params.some((param) => /^\s*q=0(\.0*)?\s*$/.test(param));
  });
}
