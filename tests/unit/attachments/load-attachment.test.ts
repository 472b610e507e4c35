import { describe, expect, it, vi } from 'vitest';
import { loadAttachment } from '../../../renderer/attachments/load-attachment.ts';
import { SyncError } from '../../../sync/client/http-client.ts';

const HASH = 'a'.repeat(64);
const bytes = new Uint8Array([37, 80, 68, 70]);

function source(kept: boolean, fetchFromServer: ((hash: string, code: string) => Promise<void>) | null) {
  let here = kept;
  return {
    blobs: { info: vi.fn(async () => (here ? { hash: HASH, size: 4, type: 'application/pdf', savedAt: '' } : null)), read: vi.fn(async () => bytes) },
    fetchFromServer: fetchFromServer
      ? vi.fn(async (hash: string, code: string) => {
          await fetchFromServer(hash, code);
          here = true;
        })
      : null,
  };
}

describe('loadAttachment', () => {
  it('reads a file this desk keeps without asking the server', async () => {
    const fetchFromServer = vi.fn(async () => undefined);
    expect(await loadAttachment(source(true, fetchFromServer), HASH, 'D-1')).toBe(bytes);
    expect(fetchFromServer).not.toHaveBeenCalled();
  });

  it('fetches a file another desk digitised, for its dossier, then reads it from here', async () => {
    const from = source(false, async () => undefined);
    expect(await loadAttachment(from, HASH, 'D-1')).toBe(bytes);
    expect(from.fetchFromServer).toHaveBeenCalledWith(HASH, 'D-1');
  });

  it('says what to do when the desk is offline, not enrolled, or the file is not on the server yet', async () => {
    await expect(loadAttachment(source(false, null), HASH, 'D-1')).rejects.toMatchObject({ code: 'attachment.not_on_desk' });
    const offline = source(false, async () => Promise.reject(new SyncError('network', 'fetch failed')));
    await expect(loadAttachment(offline, HASH, 'D-1')).rejects.toMatchObject({ code: 'attachment.not_on_desk', message: expect.stringContaining('kết nối mạng') });
    const notYet = source(false, async () => Promise.reject(new SyncError('refused', 'Không có tệp này.', 404, 'attachment.not_found')));
    await expect(loadAttachment(notYet, HASH, 'D-1')).rejects.toMatchObject({ code: 'attachment.not_uploaded', message: expect.stringContaining('chưa gửi') });
    const forbidden = new SyncError('refused', 'Đơn vị của quầy không giữ hồ sơ này.', 403, 'attachment.forbidden');
    await expect(loadAttachment(source(false, async () => Promise.reject(forbidden)), HASH, 'D-1')).rejects.toBe(forbidden);
  });
});
