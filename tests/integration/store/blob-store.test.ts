import { createHash } from 'node:crypto';
import { IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { BLOB_CHUNK_BYTES, openBlobStore } from '../../../renderer/store/blob-store.ts';
import type { BlobStore, BlobStoreOptions } from '../../../renderer/store/blob-store.ts';
import { storageRoom } from '../../../renderer/store/storage-room.ts';
import { indexedDB, TEST_KEY, uniqueName } from './test-storage.ts';

const GB = 1024 ** 3;
const roomy = async () => ({ usage: 1 * GB, quota: 50 * GB });

/** Bytes that do not compress or repeat: a scanned page as far as storage is concerned. */
function pageBytes(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the desk blob store (scanned papers)', () => {
  const opened: BlobStore[] = [];
  const open = async (options: Partial<BlobStoreOptions> = {}) => {
    const store = await openBlobStore({ encryptionKey: TEST_KEY, name: uniqueName('blobs'), indexedDB, IDBKeyRange, estimate: roomy, ...options });
    opened.push(store);
    return store;
  };
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
  });

  it('keeps a file by the SHA-256 of its content, once, and gives it back whole and chunk by chunk', async () => {
    const store = await open();
    const bytes = pageBytes(2 * BLOB_CHUNK_BYTES + 1234, 7);
    const stored = await store.put(bytes, 'application/pdf');
    expect(stored).toMatchObject({ hash: sha256(bytes), size: bytes.byteLength, type: 'application/pdf' });
    expect(await store.put(bytes, 'application/pdf')).toEqual(stored);
    expect(await store.read(stored.hash)).toEqual(bytes);
    const parts: Uint8Array[] = [];
    for await (const chunk of store.chunks(stored.hash)) parts.push(chunk);
    expect(parts.map((part) => part.byteLength)).toEqual([BLOB_CHUNK_BYTES, BLOB_CHUNK_BYTES, 1234]);
    expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
  });

  it('stores nothing readable: the chunks on disk are ciphertext, and a tampered one is refused', async () => {
    const name = uniqueName('blobs');
    const store = await open({ name });
    const bytes = new TextEncoder().encode('Giấy chứng sinh số 123 — Nguyễn Thị Mai'.repeat(20));
    const { hash } = await store.put(bytes, 'image/jpeg');
    store.close();

    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ data: ArrayBuffer; hash: string; index: number; iv: Uint8Array }[]>((resolve, reject) => {
      const request = raw.transaction('chunks').objectStore('chunks').getAll();
      request.onsuccess = () => resolve(request.result as never);
      request.onerror = () => reject(request.error);
    });
    expect(rows).toHaveLength(1);
    expect(new TextDecoder().decode(rows[0]!.data)).not.toContain('Nguyễn');
    // A tampered chunk does not decrypt: the file reads as damaged, never as other data.
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('chunks', 'readwrite');
      tx.objectStore('chunks').put({ ...rows[0], index: 0, iv: new Uint8Array(12) });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    raw.close();
    const reopened = await open({ name });
    await expect(reopened.read(hash)).rejects.toThrow(/bị hỏng/);
  });

  it('refuses chunks swapped between positions (each is bound to its file and place)', async () => {
    const name = uniqueName('blobs');
    const store = await open({ name });
    const { hash } = await store.put(pageBytes(BLOB_CHUNK_BYTES * 2, 11), 'image/jpeg');
    store.close();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = raw.transaction('chunks', 'readwrite');
      const table = tx.objectStore('chunks');
      const all = table.getAll();
      all.onsuccess = () => {
        const [first, second] = all.result as { index: number }[];
        table.put({ ...first, index: 1 });
        table.put({ ...second, index: 0 });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    raw.close();
    // Streamed for upload, chunk by chunk, before any whole-file hash could notice.
    const reopened = await open({ name });
    await expect(
      (async () => {
        for await (const chunk of reopened.chunks(hash)) void chunk;
      })(),
    ).rejects.toThrow(/bị hỏng/);
  });

  it('cannot be read with another desk key', async () => {
    const name = uniqueName('blobs');
    const store = await open({ name });
    const { hash } = await store.put(pageBytes(1000, 3), 'image/png');
    store.close();
    const other = await open({ name, encryptionKey: 'f'.repeat(64) });
    await expect(other.read(hash)).rejects.toThrow(/bị hỏng/);
  });

  it('refuses a file that would leave the desk without room, before writing anything', async () => {
    const store = await open({ estimate: async () => ({ usage: 9.85 * GB, quota: 10 * GB }) });
    const bytes = pageBytes(1000, 5);
    await expect(store.put(bytes, 'image/jpeg')).rejects.toThrow(/gần hết chỗ lưu trữ/);
    expect(await store.info(sha256(bytes))).toBeNull();
  });

  it('says a missing file is missing, and removes a file with all its chunks', async () => {
    const store = await open();
    await expect(store.read('0'.repeat(64))).rejects.toThrow(/Không có tệp số hóa/);
    await expect(store.read('../etc')).rejects.toThrow(/Không có tệp số hóa/);
    const { hash } = await store.put(pageBytes(BLOB_CHUNK_BYTES + 1, 9), 'image/jpeg');
    await store.remove(hash);
    expect(await store.info(hash)).toBeNull();
    await expect(store.read(hash)).rejects.toThrow(/Không có tệp số hóa/);
  });

  it('keeps an empty file as one empty chunk', async () => {
    const store = await open();
    const stored = await store.put(new Uint8Array(0), 'application/pdf');
    expect(await store.read(stored.hash)).toEqual(new Uint8Array(0));
  });
});

describe('storage room', () => {
  it('warns while weeks of scans still fit, and refuses what would eat the reserve', () => {
    expect(storageRoom({ usage: 1 * GB, quota: 50 * GB }).level).toBe('ok');
    const low = storageRoom({ usage: 45 * GB, quota: 50 * GB });
    expect(low.level).toBe('low');
    expect(low.message).toContain('Chỗ lưu trữ trên máy còn');
    expect(storageRoom({ usage: 49.9 * GB, quota: 50 * GB }).level).toBe('full');
    expect(storageRoom({ usage: 1 * GB, quota: 50 * GB }, 48.9 * GB).level).toBe('full');
    expect(storageRoom({}).level).toBe('ok');
  });
});
