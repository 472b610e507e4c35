export type PersistResult = 'granted' | 'denied' | 'unsupported';

/** Vietnamese warning for the app shell when the browser may evict the desk's data. */
export const PERSIST_DENIED_WARNING =
  'Trình duyệt chưa cho phép lưu trữ lâu dài: dữ liệu hồ sơ chưa đồng bộ có thể bị xoá khi máy thiếu dung lượng. Hãy đồng bộ thường xuyên.';

/**
 * Asks the browser not to evict the desk's IndexedDB under storage pressure. Unsynced dossiers
 * exist only here, so a refusal must be shown to the officer.
 */
export async function requestPersistentStorage(nav: Pick<Navigator, 'storage'> | undefined = globalThis.navigator): Promise<PersistResult> {
  const storage = nav?.storage;
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
