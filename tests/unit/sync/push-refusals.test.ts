import { createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { eventDocOf } from '../../../renderer/store/replication-access.ts';
import type { EventDoc, SettingsDoc } from '../../../renderer/store/replication-access.ts';
import { eventSchema } from '../../../renderer/store/schemas/event-schema.ts';
import { settingsSchema } from '../../../renderer/store/schemas/settings-schema.ts';
import { createBackoff } from '../../../sync/client/backoff.ts';
import { startEventReplication } from '../../../sync/client/event-replication.ts';
import { SyncError } from '../../../sync/client/http-client.ts';
import type { HttpClient } from '../../../sync/client/http-client.ts';
import { createRejectionLog } from '../../../sync/client/rejections.ts';
import { eventFactory, receivedPayload } from '../dossier/fixtures.ts';

/**
 * Issue 18: how the push answers each kind of refusal, with a scripted server. Halving and
 * quarantine are for refusals of what was sent (4xx with the server's own error body); a 5xx, a
 * proxy's page or a refused credential quarantines nothing and halves nothing.
 */

let database: RxDatabase | null = null;
afterEach(async () => {
  await database?.close();
  database = null;
});

async function desk(count: number) {
  database = await createRxDatabase({ name: `push${Math.floor(Math.random() * 1e9)}`, storage: getRxStorageMemory() });
  const { encrypted: _events, ...events } = eventSchema;
  const { encrypted: _settings, ...settings } = settingsSchema;
  // Version 0: these collections are new here, nothing to migrate (no migration plugin in this test).
  const collections = await database.addCollections({ events: { schema: events }, settings: { schema: { ...settings, version: 0 } } });
  const factory = eventFactory();
  const written: DossierEvent[] = [];
  for (let i = 0; i < count; i += 1) {
    factory.advance(1000);
    written.push(factory.make('RECEIVED', receivedPayload(), { dossierCode: `000.00.12.H23-251122-${1001 + i}` }));
  }
  await collections.events.bulkInsert(written.map(eventDocOf));
  return { events: collections.events as RxCollection<EventDoc>, settings: collections.settings as RxCollection<SettingsDoc>, written };
}

/** A server that answers each push with `answer(ids)`: a SyncError to throw, or nothing for "stored". */
function scriptedServer(answer: (ids: string[]) => SyncError | null) {
  const pushes: string[][] = [];
  const stored: string[] = [];
  const http: HttpClient = {
    baseUrl: 'http://server.test',
    async get<S extends z.ZodType>(_path: string, schema: S) {
      return schema.parse({ documents: [], checkpoint: { seq: 0 } });
    },
    async post<S extends z.ZodType>(_path: string, body: unknown, schema: S) {
      const ids = (body as Array<{ newDocumentState: { id: string } }>).map((row) => row.newDocumentState.id);
      pushes.push(ids);
      const refusal = answer(ids);
      if (refusal) throw refusal;
      stored.push(...ids);
      return schema.parse({ conflicts: [], accepted: ids.length, duplicates: 0 });
    },
    // The stream never opens: pushes are what these tests watch.
    open: () => new Promise<Response>(() => undefined),
    getBytes: () => Promise.reject(new SyncError('refused', 'no files here', 404)),
  };
  return { http, pushes, stored };
}

function start(events: RxCollection<EventDoc>, settings: RxCollection<SettingsDoc>, http: HttpClient) {
  const rejections = createRejectionLog(settings);
  const { replication } = startEventReplication({
    events,
    http,
    identifier: 'push-refusals',
    rejections,
    backoff: createBackoff({ baseMs: 1, maxMs: 5 }),
    clock: Date.now,
    // Live, as on a desk: a one-off replication (live: false) cannot be cancelled while its push fails.
    live: true,
    retryTimeMs: 5,
    pushBatchSize: 100,
    hooks: { requestSucceeded() {}, requestFailed() {}, streamOpened() {}, streamClosed() {}, acknowledged() {}, rejected() {}, released() {} },
  });
  return { replication, rejections };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe('push refusals that name no event', () => {
  it.each([
    { status: 400, code: 'request.invalid' },
    { status: 413, code: 'request.too_large' },
    { status: 422, code: 'event.something_new' },
  ])('$status $code: halves until the refused event is alone, quarantines it, sends the rest', async ({ status, code }) => {
    const { events, settings, written } = await desk(40);
    const bad = written[27]!.id;
    const server = scriptedServer((ids) => (ids.includes(bad) ? new SyncError('refused', 'Máy chủ từ chối lô này.', status, code) : null));
    const { replication, rejections } = start(events, settings, server.http);
    await replication.awaitInitialReplication();
    // Every other event stored once, in the order it was written.
    expect(server.stored).toEqual(written.map((e) => e.id).filter((id) => id !== bad));
    expect(await rejections.list()).toEqual([expect.objectContaining({ eventId: bad, direction: 'push', code, message: 'Máy chủ từ chối lô này.' })]);
    // Halving costs a logarithm of the batch, not a push per event.
    expect(server.pushes.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(40)) + 1);
  });

  it.each([
    { name: 'a 500 from the server', error: () => new SyncError('server', 'Máy chủ gặp lỗi, vui lòng thử lại sau.', 500, 'server.internal') },
    { name: 'a 503 from a proxy', error: () => new SyncError('server', 'Máy chủ báo lỗi 503.', 503, 'http.503') },
    { name: 'a 400 page from a proxy (not the server\u2019s error body)', error: () => new SyncError('refused', 'Máy chủ báo lỗi 400.', 400, 'http.400') },
    { name: 'a refused credential', error: () => new SyncError('refused', 'Quầy tiếp nhận chưa được kích hoạt.', 401, 'auth.invalid_credential') },
    { name: 'a revoked desk', error: () => new SyncError('refused', 'Quầy tiếp nhận này đã bị thu hồi.', 403, 'desk.revoked') },
    { name: 'no answer at all', error: () => new SyncError('network', 'Mất kết nối.') },
  ])('$name: quarantines nothing, halves nothing, retries the whole batch', async ({ error }) => {
    const { events, settings, written } = await desk(12);
    const server = scriptedServer(() => error());
    const { replication, rejections } = start(events, settings, server.http);
    await until(() => server.pushes.length >= 4, 'four attempts');
    await replication.cancel();
    for (const push of server.pushes) expect(push).toEqual(written.map((e) => e.id));
    expect(await rejections.list()).toEqual([]);
  });
});
