import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/utils';

/**
 * Where uploaded papers live: tus writes an upload under its own id in `uploads`; once its content
 * matched its declared SHA-256 it is kept under that hash (`keep`), so one content is stored once.
 */
export interface BlobStorage {
  readonly kind: 'file' | 's3';
  readonly uploads: DataStore;
  /** The bytes of a finished tus upload. */
  readUpload(uploadId: string): Promise<Readable>;
  /** Keeps a checked upload as the blob `hash` and drops the upload. */
  keep(uploadId: string, hash: string): Promise<void>;
  /** Drops an upload (refused content). */
  discard(uploadId: string): Promise<void>;
  readBlob(hash: string): Promise<Readable>;
  /** Drops uploads left unfinished past their expiry (a desk gone for good); how many. */
  removeExpiredUploads(): Promise<number>;
}

/** An unfinished upload is kept this long after it was created: a desk offline for a week still resumes. */
export const UPLOAD_EXPIRY_MS = 14 * 24 * 60 * 60 * 1000;

export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** SHA-256 (hex) of a stream, chunk by chunk: a file is never held whole in memory. */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
