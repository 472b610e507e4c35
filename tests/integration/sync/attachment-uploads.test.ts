import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openBlobStore } from '../../../renderer/store/blob-store.ts';
import type { BlobStore } from '../../../renderer/store/blob-store.ts';
import type { FetchLike } from '../../../sync/client/http-client.ts';
import { serverTestDatabases } from '../server/support/server-databases.ts';
import { indexedDB, TEST_KEY, uniqueName } from '../store/test-storage.ts';
import { eventually } from './support/sync-world.ts';
import type { SyncWorld, TestDesk } from './support/sync-world.ts';
import { syncWorldPerTest } from './support/world-per-test.ts';

const CHUNK = 64 * 1024;

interface Sent {
  method: string;
  path: string;
  offset: number | null;
  bodyBytes: number;
  status: number | null;
  /** The server's Upload-Offset in its answer. */
  answeredOffset: number | null;
}

/** The desk's fetch, recording every request, with a hook that may rewrite one before it goes. */
function recordingFetch(rewrite?: (sent: Sent, init: RequestInit) => Promise<RequestInit> | RequestInit) {
  const sent: Sent[] = [];
  const doFetch: FetchLike = async (input, init = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    const body = init.body instanceof Blob ? init.body : null;
    const entry: Sent = {
      method: init.method ?? 'GET',
      path: new URL(input).pathname,
      offset: headers['Upload-Offset'] === undefined ? null : Number(headers['Upload-Offset']),
      bodyBytes: body?.size ?? 0,
      status: null,
      answeredOffset: null,
    };
    sent.push(entry);
    const response = await fetch(input, rewrite ? await rewrite(entry, init) : init);
    entry.status = response.status;
    const answered = response.headers.get('upload-offset');
    entry.answeredOffset = answered === null ? null : Number(answered);
    return response;
  };
  const uploads = () => sent.filter((s) => s.path.startsWith('/api/uploads'));
  return { fetch: doFetch, sent, uploads };
}

describe.each(serverTestDatabases())('scanned papers go to the server after their dossier ($name)', (database) => {
  const worlds = syncWorldPerTest(() => database.target());
  afterAll(() => database.cleanup());
  const blobStores: BlobStore[] = [];
  afterEach(() => {
    for (const store of blobStores.splice(0)) store.close();
  });

  const openBlobs = async (name = uniqueName('desk-blobs')) => {
    const store = await openBlobStore({ encryptionKey: TEST_KEY, name, indexedDB, IDBKeyRange, estimate: async () => ({ usage: 0, quota: 1024 ** 4 }) });
    blobStores.push(store);
    return { store, name };
  };

  /** A dossier received on `desk` with a scanned paper of `size` bytes kept and attached. */
  async function dossierWithScan(desk: TestDesk, blobs: BlobStore, size: number): Promise<{ code: string; bytes: Buffer; hash: string }> {
    const [received] = await desk.receive(1);
    const code = received!.dossierCode;
    const bytes = randomBytes(size);
    bytes.write('%PDF-1.7\n', 0, 'latin1');
    const { hash } = await blobs.put(bytes, 'application/pdf');
    await desk.append('ATTACHED', code, { hash, size, mediaType: 'application/pdf', pages: 3, role: 'paper', paper: 'Tờ khai đăng ký khai sinh' });
    return { code, bytes, hash };
  }

  const storedOnServer = (world: SyncWorld, hash: string) => join(world.blobDir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);
  const serverHas = (world: SyncWorld, hash: string, bytes: Buffer) => existsSync(storedOnServer(world, hash)) && readFileSync(storedOnServer(world, hash)).equals(bytes);

  it('uploads a file once its ATTACHED event is on the server, only once, and a second desk fetches it checked', async () => {
    const world = await worlds.start();
    const one = await worlds.desk(1);
    const { store: blobs, name } = await openBlobs();
    const { code, bytes, hash } = await dossierWithScan(one, blobs, 300_000);

    const link = recordingFetch();
    const sync = await one.startSync({ blobs, fetch: link.fetch, uploadChunkBytes: CHUNK });
    await eventually(() => serverHas(world, hash, bytes), 'the file on the server');
    await eventually(() => sync.status().attachmentsPending === 0, 'no file waiting');
    const firstUpload = link.sent.findIndex((s) => s.path.startsWith('/api/uploads'));
    const lastPush = link.sent.findLastIndex((s) => s.path === '/api/sync/events/push' && s.status === 200);
    expect(lastPush).toBeGreaterThanOrEqual(0);
    expect(firstUpload).toBeGreaterThan(lastPush);
    expect(link.uploads().filter((s) => s.method === 'POST')).toHaveLength(1);
    const report = await sync.dayEnd();
    expect(report).toMatchObject({ ok: true, attachments: { uploaded: 0, pendingAfter: 0 } });

    // Relaunched, the desk remembers the file went.
    await one.shutdown();
    blobs.close();
    const reopened = (await openBlobs(name)).store;
    const after = recordingFetch();
    const again = await one.restart({ blobs: reopened, fetch: after.fetch, uploadChunkBytes: CHUNK });
    expect(await again.dayEnd()).toMatchObject({ ok: true, attachments: { uploaded: 0, pendingAfter: 0 } });
    expect(after.uploads()).toEqual([]);

    // Another desk of the unit fetches the file, checked against its hash.
    const two = await worlds.desk(2);
    const twoBlobs = (await openBlobs()).store;
    const syncTwo = await two.startSync({ blobs: twoBlobs, fetch: firstDownloadTampered() });
    expect(await syncTwo.dayEnd()).toMatchObject({ ok: true, attachments: { pendingAfter: 0 } });
    await expect(syncTwo.fetchAttachment(hash, code)).rejects.toMatchObject({ code: 'attachment.checksum_mismatch' });
    expect(await twoBlobs.info(hash)).toBeNull();
    await syncTwo.fetchAttachment(hash, code);
    expect(Buffer.from(await twoBlobs.read(hash)).equals(bytes)).toBe(true);
    expect(await twoBlobs.info(hash)).toMatchObject({ size: bytes.length, type: 'application/pdf' });
  }, 120_000);

  it('resumes an upload cut mid-way from the offset the server has, across a desk restart too', async () => {
    const world = await worlds.start();
    const one = await worlds.desk(1);
    const { store: blobs, name } = await openBlobs();
    const size = 12 * CHUNK + 1000;
    const { bytes, hash } = await dossierWithScan(one, blobs, size);

    // The link drops in the middle of the fourth request's body.
    let cutDone = false;
    let patchBytesUp = 0;
    world.proxy.setRule(({ direction, chunk, lastRequest }) => {
      if (cutDone || direction !== 'up' || !lastRequest.startsWith('PATCH /api/uploads/')) return 'forward';
      patchBytesUp += chunk.length;
      if (patchBytesUp < 3.5 * CHUNK) return 'forward';
      cutDone = true;
      return { cutAfter: 0 };
    });
    // Past the fifth megabyte the link stays down, so the desk quits with the file half sent however fast it runs.
    const link = recordingFetch((sent, init) => {
      if (sent.method === 'PATCH' && (sent.offset ?? 0) >= 5 * CHUNK) throw new TypeError('fetch failed');
      return init;
    });
    let sync = await one.startSync({ blobs, fetch: link.fetch, uploadChunkBytes: CHUNK });
    await eventually(() => {
      return cutDone && link.uploads().some((s) => s.method === 'PATCH' && s.status === 204 && (s.offset ?? 0) >= 4 * CHUNK);
    }, 'the upload going on after the cut');
    world.proxy.setRule(null);
    const afterCut = link.uploads().slice(link.uploads().findIndex((s) => s.method === 'PATCH' && s.status === null));
    expect(afterCut.map((s) => s.method)).toContain('HEAD');
    expect(afterCut.filter((s) => s.method === 'PATCH').every((s) => (s.offset ?? 0) >= 3 * CHUNK)).toBe(true);
    expect(afterCut.filter((s) => s.method === 'POST')).toEqual([]);

    // Quit in the middle, relaunch: the desk asks the server where it stands and goes on from there.
    await one.shutdown();
    blobs.close();
    const sentBefore = link.uploads().filter((s) => s.method === 'PATCH' && s.status === 204).length;
    expect(serverHas(world, hash, bytes)).toBe(false);
    const reopened = (await openBlobs(name)).store;
    const resumed = recordingFetch();
    sync = await one.restart({ blobs: reopened, fetch: resumed.fetch, uploadChunkBytes: CHUNK });
    await eventually(() => serverHas(world, hash, bytes), 'the whole file on the server');
    const [head, ...rest] = resumed.uploads();
    expect(head).toMatchObject({ method: 'HEAD', status: 200 });
    const serverOffset = head?.answeredOffset ?? 0;
    // At least what the desk saw acknowledged before it quit (a request in flight may have landed too).
    expect(serverOffset).toBeGreaterThanOrEqual(sentBefore * CHUNK);
    expect(rest.filter((s) => s.method !== 'PATCH')).toEqual([]);
    expect(rest[0]?.offset).toBe(serverOffset);
    expect(rest.reduce((sum, s) => sum + s.bodyBytes, 0)).toBe(size - serverOffset);
    await eventually(() => sync.status().attachmentsPending === 0, 'no file waiting');
  }, 120_000);

  it('starts over once when the server finds the content does not match its hash, and succeeds', async () => {
    const world = await worlds.start();
    const one = await worlds.desk(1);
    const { store: blobs } = await openBlobs();
    const size = 5 * CHUNK + 17;
    const { bytes, hash } = await dossierWithScan(one, blobs, size);

    // The last request's body is damaged once on its way.
    let damaged = false;
    const link = recordingFetch(async (sent, init) => {
      if (damaged || sent.method !== 'PATCH' || (sent.offset ?? 0) + sent.bodyBytes !== size) return init;
      damaged = true;
      const body = new Uint8Array(await (init.body as Blob).arrayBuffer());
      body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 0xff;
      return { ...init, body: new Blob([body]) };
    });
    // Not live: the file goes with the day-end cycle alone.
    const sync = await one.startSync({ blobs, fetch: link.fetch, uploadChunkBytes: CHUNK, live: false });
    const report = await sync.dayEnd();
    expect(report).toMatchObject({ ok: true, attachments: { uploaded: 1, pendingAfter: 0 } });
    expect(damaged).toBe(true);
    expect(link.uploads().filter((s) => s.status === 460)).toHaveLength(1);
    expect(link.uploads().filter((s) => s.method === 'POST')).toHaveLength(2);
    expect(serverHas(world, hash, bytes)).toBe(true);
    expect(sync.status().attachmentsPending).toBe(0);
  }, 120_000);
});

/** The desk's fetch, with one byte of the first file downloaded changed on the way. */
function firstDownloadTampered(): FetchLike {
  let tampered = false;
  return async (input, init) => {
    const response = await fetch(input, init);
    if (tampered || !response.ok || !new URL(input).pathname.startsWith('/api/attachments/')) return response;
    tampered = true;
    const bytes = new Uint8Array(await response.arrayBuffer());
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    return new Response(bytes, { status: response.status, headers: response.headers });
  };
}
