import { PERSIST_DENIED_WARNING } from '../store/index.ts';
import './storage-notice.css';

/**
 * The browser-storage warning as a small notice over the corner of the window: it never pushes
 * the layout down, and "Đã hiểu" puts it away (the same line stays in Cài đặt).
 */
export function StorageNotice({ onDismiss }: { onDismiss: () => void }) {
  return (
    <aside className="storage-notice" role="status" aria-label="Lưu trữ dữ liệu" data-testid="persist-warning">
      <p>{PERSIST_DENIED_WARNING}</p>
      <button type="button" onClick={onDismiss}>
        Đã hiểu
      </button>
    </aside>
  );
}
