import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import { sha256Hex } from '../../src/attachments/content-hash.ts';
import { DomainError } from '../../src/errors.ts';
import { storageRoom } from './storage-room.ts';
import type { StorageEstimateLike, StorageRoom } from './storage-room.ts';

/** A file kept on the desk, addressed by the SHA-256 of its content. */
export interface StoredBlob {
  hash: string;
  size: number;
  /** MIME type of the content (application/pdf, image/jpeg…). */
  type: string;
  savedAt: string;
}

export interface BlobStore {
  /** Stores the bytes once (a file already kept is not written again); refused when the desk is full. */
  put(bytes: Uint8Array, type: string): Promise<StoredBlob>;
  info(hash: string): Promise<StoredBlob | null>;
  /** The whole content, checked against its hash. */
  read(hash: string): Promise<Uint8Array>;
  /** The content chunk by chunk (for upload): never the whole file in memory. */
  chunks(hash: string): AsyncGenerator<Uint8Array>;
  remove(hash: string): Promise<void>;
  /** How full the desk's storage is, to warn before it is full. */
  room(): Promise<StorageRoom>;
  close(): void;
}

interface BlobRow extends StoredBlob {
  chunkCount: number;
}

interface ChunkRow {
  hash: string;
  index: number;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export const BLOB_CHUNK_BYTES = 256 * 1024;
const HASH_PATTERN = /^[0-9a-f]{64}$/;

export interface BlobStoreOptions {
  /** The desk's at-rest key (the KeyProvider's): the blob key is derived from it. */
  encryptionKey: string;
  name?: string;
  /** fake-indexeddb in tests. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  estimate?: () => Promise<StorageEstimateLike>;
  clock?: () => number;
  subtle?: SubtleCrypto;
}

/**
 * Scanned papers and digitised results (issue 22 point 2) kept outside the event log, in an
 * IndexedDB database of their own, as 256 KB chunks encrypted with AES-GCM through WebCrypto
 * (RxDB's field encryption is crypto-js over strings: far too slow for megabytes). The key is
 * derived from the desk key with HKDF; each chunk is bound to its file and position (additional
 * data), so chunks cannot be swapped. The file's record is written in the same transaction as its
 * chunks: a crash leaves the whole file or nothing.
 */
export async function openBlobStore(options: BlobStoreOptions): Promise<BlobStore> {
  const subtle = options.subtle ?? globalThis.crypto.subtle;
  const key = await deriveBlobKey(subtle, options.encryptionKey);
  const clock = options.clock ?? (() => Date.now());
  const estimate = options.estimate ?? (() => navigator.storage.estimate());
  const db = new Dexie(options.name ?? 'motcua-blobs', {
    ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
    ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
  });
  db.version(1).stores({ blobs: 'hash', chunks: '[hash+index]' });
  const blobs = db.table('blobs') as Table<BlobRow, string>;
  const chunks = db.table('chunks') as Table<ChunkRow, [string, number]>;

  const additionalData = (hash: string, index: number) => new TextEncoder().encode(`${hash}:${index}`);

  async function decryptChunk(row: ChunkRow): Promise<Uint8Array> {
    try {
      return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv: row.iv, additionalData: additionalData(row.hash, row.index) }, key, row.data));
    } catch {
      throw damaged(row.hash);
    }
  }

  /** A stored file's content in order, each chunk decrypted and checked against its place. */
  async function* plainChunks(row: BlobRow): AsyncGenerator<Uint8Array> {
    for (let index = 0; index < row.chunkCount; index += 1) {
      const stored = await chunks.get([row.hash, index]);
      if (!stored) throw damaged(row.hash);
      yield await decryptChunk(stored);
    }
  }

  async function rowOf(hash: string): Promise<BlobRow | null> {
    if (!HASH_PATTERN.test(hash)) return null;
    return (await blobs.get(hash)) ?? null;
  }

  return {
    async put(bytes, type) {
      const hash = await sha256Hex(bytes);
      const known = await blobs.get(hash);
      if (known) return publicOf(known);
      const room = storageRoom(await estimate(), bytes.byteLength);
      if (room.level === 'full') throw new DomainError('attachment.storage_full', room.message ?? 'Máy hết chỗ lưu trữ.');
      const rows: ChunkRow[] = [];
      for (let index = 0, offset = 0; offset < bytes.byteLength || index === 0; index += 1, offset += BLOB_CHUNK_BYTES) {
        const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
        const plain = bytes.slice(offset, offset + BLOB_CHUNK_BYTES);
        const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(hash, index) }, key, plain);
        rows.push({ hash, index, iv, data });
      }
      const row: BlobRow = { hash, size: bytes.byteLength, type, savedAt: new Date(clock()).toISOString(), chunkCount: rows.length };
      await db.transaction('rw', blobs, chunks, async () => {
        await chunks.bulkPut(rows);
        await blobs.put(row);
      });
      return publicOf(row);
    },

    async info(hash) {
      const row = await rowOf(hash);
      return row ? publicOf(row) : null;
    },

    async read(hash) {
      const row = await rowOf(hash);
      if (!row) throw missing(hash);
      const out = new Uint8Array(row.size);
      let offset = 0;
      for await (const plain of plainChunks(row)) {
        if (offset + plain.byteLength > row.size) throw damaged(hash);
        out.set(plain, offset);
        offset += plain.byteLength;
      }
      if (offset !== row.size || (await sha256Hex(out)) !== hash) throw damaged(hash);
      return out;
    },

    async *chunks(hash) {
      const row = await rowOf(hash);
      if (!row) throw missing(hash);
      yield* plainChunks(row);
    },

    async remove(hash) {
      if (!HASH_PATTERN.test(hash)) return;
      await db.transaction('rw', blobs, chunks, async () => {
        await chunks.where('[hash+index]').between([hash, Dexie.minKey], [hash, Dexie.maxKey]).delete();
        await blobs.delete(hash);
      });
    },

    async room() {
      return storageRoom(await estimate());
    },

    close() {
      db.close();
    },
  };
}

function publicOf({ hash, size, type, savedAt }: BlobRow): StoredBlob {
  return { hash, size, type, savedAt };
}

function missing(hash: string): DomainError {
  return new DomainError('attachment.missing', `Không có tệp số hóa ${hash.slice(0, 12)}… trên máy này (có thể chưa đồng bộ về).`);
}

function damaged(hash: string): DomainError {
  return new DomainError('attachment.damaged', `Tệp số hóa ${hash.slice(0, 12)}… trên máy này bị hỏng: hãy đồng bộ để tải lại bản trên máy chủ tỉnh.`);
}

async function deriveBlobKey(subtle: SubtleCrypto, encryptionKey: string): Promise<CryptoKey> {
  const master = await subtle.importKey('raw', new TextEncoder().encode(encryptionKey), 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new TextEncoder().encode('motcua-blob-store'), info: new TextEncoder().encode('aes-gcm-256 v1') },
    master,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
