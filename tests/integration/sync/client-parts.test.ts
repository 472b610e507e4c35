import { describe, expect, it } from 'vitest';
import { createBackoff } from '../../../sync/client/backoff.ts';
import { readSse } from '../../../sync/client/sse.ts';
import type { SseMessage } from '../../../sync/client/sse.ts';
import { phaseOf } from '../../../sync/client/sync-status.ts';
import { createHttpClient, SyncError } from '../../../sync/client/http-client.ts';
import { pullPageSchema } from '../../../sync/client/wire.ts';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('server-sent events reader', () => {
  it('joins messages split across chunks, skips comments and keeps event names', async () => {
    const messages: SseMessage[] = [];
    await readSse(streamOf(['retry: 3000\n\ndata: "RES', 'YNC"\n\n: ping\n\n', 'event: x\r\ndata: {"a":1}\r\ndata: 2\r\n\r\n']), (m) => messages.push(m));
    expect(messages).toEqual([
      { event: 'message', data: '"RESYNC"' },
      { event: 'x', data: '{"a":1}\n2' },
    ]);
  });
});

describe('backoff', () => {
  it('waits longer after each failure, not at all after a success, and wakes early', async () => {
    const backoff = createBackoff({ baseMs: 40, maxMs: 1000, random: () => 1 });
    let t = Date.now();
    await backoff.beforeAttempt();
    expect(Date.now() - t).toBeLessThan(20);
    backoff.failed();
    backoff.failed();
    t = Date.now();
    await backoff.beforeAttempt();
    expect(Date.now() - t).toBeGreaterThanOrEqual(75);
    backoff.failed();
    t = Date.now();
    const waiting = backoff.beforeAttempt();
    backoff.wake();
    await waiting;
    expect(Date.now() - t).toBeLessThan(60);
    backoff.succeeded();
    expect(backoff.failures).toBe(0);
  });
});

describe('status phase', () => {
  it('says offline on network failures, error on server failures, syncing while active', () => {
    expect(phaseOf({ active: true, reachable: true, failure: 'network' })).toBe('offline');
    expect(phaseOf({ active: false, reachable: true, failure: 'server' })).toBe('error');
    expect(phaseOf({ active: true, reachable: true, failure: null })).toBe('syncing');
    expect(phaseOf({ active: false, reachable: true, failure: null })).toBe('online');
    expect(phaseOf({ active: false, reachable: false, failure: null })).toBe('offline');
  });
});

describe('http client', () => {
  const respond = (status: number, body: unknown) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('turns refusals into SyncErrors with the server reason and event id', async () => {
    const http = createHttpClient({ baseUrl: 'http://x/', fetch: respond(409, { error: { code: 'event.id_reused', message: 'Mã trùng', eventId: 'e1' } }) });
    await expect(http.get('/p', pullPageSchema)).rejects.toMatchObject({ kind: 'refused', status: 409, code: 'event.id_reused', eventId: 'e1', message: 'Mã trùng' });
  });

  it('calls a failing server and a bad answer "server", no answer "network"', async () => {
    await expect(createHttpClient({ baseUrl: 'http://x', fetch: respond(503, {}) }).get('/p', pullPageSchema)).rejects.toMatchObject({ kind: 'server' });
    await expect(createHttpClient({ baseUrl: 'http://x', fetch: respond(200, { nope: 1 }) }).get('/p', pullPageSchema)).rejects.toMatchObject({ kind: 'server', code: 'response.bad_shape' });
    const offline = createHttpClient({ baseUrl: 'http://x', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    await expect(offline.get('/p', pullPageSchema)).rejects.toBeInstanceOf(SyncError);
    await expect(offline.get('/p', pullPageSchema)).rejects.toMatchObject({ kind: 'network' });
  });
});
