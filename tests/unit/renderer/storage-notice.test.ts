import { describe, expect, it } from 'vitest';
import { storageLine, storageNoticeShown } from '../../../renderer/components/storage-notice.ts';

/** Issue 19 point 3: the browser-storage notice never shows in Electron, and can be put away. */
describe('the browser-storage notice', () => {
  it('shows only in a browser that refused persistent storage, until put away', () => {
    expect(storageNoticeShown('web', 'denied', false)).toBe(true);
    expect(storageNoticeShown('web', 'unsupported', false)).toBe(true);
    expect(storageNoticeShown('web', 'denied', true)).toBe(false);
    expect(storageNoticeShown('web', 'granted', false)).toBe(false);
    // Electron keeps its store in the app's folder: never evicted, whatever the storage API says.
    expect(storageNoticeShown('electron', 'denied', false)).toBe(false);
    expect(storageNoticeShown(null, 'denied', false)).toBe(false);
  });

  it('says in settings where the data lives', () => {
    expect(storageLine('electron', 'denied')).toContain('thư mục của ứng dụng');
    expect(storageLine('web', 'granted')).toContain('đã cho phép lưu trữ lâu dài');
    expect(storageLine('web', 'denied')).toContain('chưa cho phép lưu trữ lâu dài');
  });
});
