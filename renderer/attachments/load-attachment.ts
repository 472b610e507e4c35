import { DomainError } from '../../src/errors.ts';
import type { BlobStore } from '../store/blob-store.ts';

export interface AttachmentSource {
  blobs: Pick<BlobStore, 'info' | 'read'>;
  /** Fetches a file kept only on the provincial server into this desk's store; null offline or not enrolled. */
  fetchFromServer: ((hash: string, dossierId: string) => Promise<void>) | null;
}

/**
 * The bytes of a digitised file: from this desk when it has them, else fetched once from the
 * provincial server (another desk of the unit digitised it) and kept here for next time.
 */
export async function loadAttachment(source: AttachmentSource, hash: string, dossierId: string): Promise<Uint8Array> {
  if (await source.blobs.info(hash)) return source.blobs.read(hash);
  if (!source.fetchFromServer) {
    throw new DomainError(
      'attachment.not_on_desk',
      'Tệp này do máy khác số hóa và chưa có trên máy này. Hãy kết nối mạng để tải từ máy chủ tỉnh.',
    );
  }
  await source.fetchFromServer(hash, dossierId);
  return source.blobs.read(hash);
}
