import type { HostKind } from '../../src/bridge/desk-bridge.ts';
import type { PersistResult } from '../store/index.ts';

/** Where the officer's "Đã hiểu" is kept: per browser profile, like the data it is about. */
export const STORAGE_NOTICE_DISMISSED_KEY = 'motcua.storage-notice-dismissed';

/**
 * The browser-storage notice is for a desk running in a plain browser that may evict its data.
 * Electron keeps the store in the app's own folder, never evicted: no notice there.
 */
export function storageNoticeShown(host: HostKind | null, persist: PersistResult, dismissed: boolean): boolean {
  return host === 'web' && persist !== 'granted' && !dismissed;
}

/** The settings line about where the desk's data lives. */
export function storageLine(host: HostKind, persist: PersistResult): string {
  if (host === 'electron') return 'Ứng dụng máy tính: dữ liệu lưu trữ lâu dài trong thư mục của ứng dụng.';
  if (persist === 'granted') return 'Trình duyệt đã cho phép lưu trữ lâu dài dữ liệu của quầy.';
  return 'Trình duyệt chưa cho phép lưu trữ lâu dài: dữ liệu chưa đồng bộ có thể bị xoá khi máy thiếu dung lượng. Hãy đồng bộ thường xuyên.';
}

export function readStorageNoticeDismissed(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): boolean {
  try {
    return storage?.getItem(STORAGE_NOTICE_DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberStorageNoticeDismissed(storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_NOTICE_DISMISSED_KEY, '1');
  } catch {
    // A profile without localStorage shows the notice again next time: harmless.
  }
}
