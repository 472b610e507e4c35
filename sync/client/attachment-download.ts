import { sha256Hex } from '../../src/attachments/content-hash.ts';
import { DomainError } from '../../src/errors.ts';
import type { BlobStore, StoredBlob } from '../../renderer/store/blob-store.ts';
import type { HttpClient } from './http-client.ts';

export const ATTACHMENTS_PATH = '/api/attachments/';

export interface FetchAttachmentInput {
  http: HttpClient;
  blobs: BlobStore;
  hash: string;
  /** The dossier the file belongs to: the server hands a file out only as a paper of a dossier the unit holds. */
  dossierCode: string;
}

/**
 * Brings a dossier's file that another desk uploaded onto this desk (the officer opens it). The
 * bytes are kept only if they hash to the address asked for: a server or a link that hands out
 * something else is refused, and nothing is stored.
 */
export async function fetchAttachment({ http, blobs, hash, dossierCode }: FetchAttachmentInput): Promise<StoredBlob> {
  const known = await blobs.info(hash);
  if (known) return known;
  const { bytes, mediaType } = await http.getBytes(`${ATTACHMENTS_PATH}${encodeURIComponent(hash)}?dossier=${encodeURIComponent(dossierCode)}`);
  if ((await sha256Hex(bytes)) !== hash) {
    throw new DomainError('attachment.checksum_mismatch', 'Tệp tải về từ máy chủ không khớp mã băm của hồ sơ nên không được lưu. Vui lòng thử tải lại.');
  }
  return blobs.put(bytes, mediaType.split(';')[0]?.trim() || 'application/octet-stream');
}
