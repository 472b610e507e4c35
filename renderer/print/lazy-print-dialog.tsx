import { lazy, Suspense } from 'react';
import type { ComponentProps } from 'react';
import type { PrintFormDialog as Dialog } from './PrintFormDialog.tsx';

/**
 * The print dialog with its forms, barcodes and the HTML renderer (react-dom/server) is a chunk
 * of its own: reception needs it only after the first save, and a cold start should not wait for
 * it. `preloadScreens` fetches it in the background once the desk is up.
 */
export const loadPrintFormDialog = () => import('./PrintFormDialog.tsx').then((m) => m.PrintFormDialog);

const LazyDialog = lazy(async () => ({ default: await loadPrintFormDialog() }));

export function PrintFormDialog(props: ComponentProps<typeof Dialog>) {
  return (
    <Suspense fallback={<p className="screen-loading" role="status">Đang mở bản in…</p>}>
      <LazyDialog {...props} />
    </Suspense>
  );
}
