import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { UPLOAD_EXPIRY_MS } from './storage.ts';
import type { BlobStorage } from './storage.ts';

/** Blobs on disk: `<dir>/uploads/<id>` while uploading, then `<dir>/blobs/ab/cd/<hash>`. */
export function fileBlobStorage(dir: string, { uploadExpiryMs = UPLOAD_EXPIRY_MS }: { uploadExpiryMs?: number } = {}): BlobStorage {
  const uploadsDir = join(dir, 'uploads');
  const uploads = new FileStore({ directory: uploadsDir, expirationPeriodInMilliseconds: uploadExpiryMs });
  const blobPath = (hash: string) => join(dir, 'blobs', hash.slice(0, 2), hash.slice(2, 4), hash);
  const dropUpload = async (uploadId: string) => {
    await rm(join(uploadsDir, uploadId), { force: true });
    await rm(join(uploadsDir, `${uploadId}.json`), { force: true });
  };
  return {
    kind: 'file',
    uploads,
    readUpload: async (uploadId) => createReadStream(join(uploadsDir, uploadId)),
    keep: async (uploadId, hash) => {
      const target = blobPath(hash);
      await mkdir(dirname(target), { recursive: true });
      // Same file system: the checked file moves in one step; a blob of this hash already there had the same bytes.
      await rename(join(uploadsDir, uploadId), target);
      await dropUpload(uploadId);
    },
    discard: dropUpload,
    removeExpiredUploads: () => uploads.deleteExpired(),
    readBlob: async (hash): Promise<Readable> => {
      const stream = createReadStream(blobPath(hash));
      // Opening errors (a blob recorded but lost on disk) surface here, before headers are sent.
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
      return stream;
    },
  };
}
