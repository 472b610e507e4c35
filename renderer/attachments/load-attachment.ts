import { DomainError } from '../../src/errors.ts';
import type { BlobStore } from '../store/blob-store.ts';

export interface AttachmentSource {
  blobs: Pick<BlobStore, 'info' | 'read'>;
  /** Fetches a file kept only on the provincial server into this desk's store; null offline or not enrolled. */
  fetchFromServer: ((hash: string, dossierCode: string) => Promise<void>) | null;
}

const NOT_ON_DESK = 'Tệp này do máy khác số hóa và chưa có trên máy này. Hãy kết nối mạng để tải từ máy chủ tỉnh.';

/**
 * The bytes of a digitised file: from this desk when it has them, else fetched once from the
 * provincial server (another desk of the unit digitised it) and kept here for next time.
 */
export async function loadAttachment(source: AttachmentSource, hash: string, dossierCode: string): Promise<Uint8Array> {
  if (await source.blobs.info(hash)) return source.blobs.read(hash);
  if (!source.fetchFromServer) throw new DomainError('attachment.not_on_desk', NOT_ON_DESK);
  try {
    await source.fetchFromServer(hash, dossierCode);
  } catch (error) {
    throw inPlainWords(error);
  }
  return source.blobs.read(hash);
}

/** The two failures an officer can act on, said as what to do; anything else as the server said it. */
function inPlainWords(error: unknown): unknown {
  const { kind, code } = (error ?? {}) as { kind?: string; code?: string };
  if (kind === 'network') return new DomainError('attachment.not_on_desk', NOT_ON_DESK);
  if (code === 'attachment.not_found') {
    return new DomainError(
      'attachment.not_uploaded',
      'Máy đã số hóa tệp này chưa gửi nó lên máy chủ tỉnh (tệp được gửi sau hồ sơ, khi máy đó có mạng). Hãy thử mở lại sau.',
    );
  }
  return error;
}
