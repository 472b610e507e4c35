import { useEffect, useRef, useState } from 'react';
import type { DossierAttachment } from '../../src/dossier/projection.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import { loadPdfJs } from './pdf-js.ts';
import { fileSizeText } from './file-size-text.ts';
import { useObjectUrl } from './use-object-url.ts';
import './attachments.css';

/** Pages drawn at once: a long file is read a screenful at a time, not all rendered up front. */
const PAGES_PER_STEP = 10;
const PAGE_WIDTH_PX = 640;

type Loaded = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; bytes: Uint8Array };

interface AttachmentViewerProps {
  attachment: DossierAttachment;
  title: string;
  load(): Promise<Uint8Array>;
  onClose(): void;
}

/** A digitised paper or result, shown inside the app (pdf.js for PDFs), offline. */
export function AttachmentViewer({ attachment, title, load, onClose }: AttachmentViewerProps) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let cancelled = false;
    load().then(
      (bytes) => !cancelled && setLoaded({ state: 'ready', bytes }),
      (error: unknown) => !cancelled && setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [load]);

  return (
    <Dialog title={title} onClose={onClose} wide>
      <p className="muted viewer-facts">
        {attachment.pages} trang · {fileSizeText(attachment.size)}
      </p>
      {loaded.state === 'loading' && <p className="muted">Đang mở tệp…</p>}
      {loaded.state === 'failed' && (
        <Notice tone="error" testId="viewer-error">
          {loaded.message}
        </Notice>
      )}
      {loaded.state === 'ready' &&
        (attachment.mediaType === 'application/pdf' ? (
          <PdfPages bytes={loaded.bytes} />
        ) : (
          <ImagePage bytes={loaded.bytes} type={attachment.mediaType} />
        ))}
    </Dialog>
  );
}

function ImagePage({ bytes, type }: { bytes: Uint8Array; type: string }) {
  const url = useObjectUrl(bytes, type);
  return <div className="viewer-pages">{url && <img src={url} alt="Trang 1" className="viewer-page" data-testid="viewer-page" />}</div>;
}

function PdfPages({ bytes }: { bytes: Uint8Array }) {
  const container = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(PAGES_PER_STEP);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const target = container.current;
    if (!target) return;
    const task = loadPdfJs().then((pdfjs) => pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false }));
    void (async () => {
      try {
        const pdf = await (await task).promise;
        if (cancelled) return;
        setTotal(pdf.numPages);
        target.replaceChildren();
        for (let number = 1; number <= Math.min(pdf.numPages, shown); number += 1) {
          const page = await pdf.getPage(number);
          if (cancelled) return;
          const viewport = page.getViewport({ scale: PAGE_WIDTH_PX / page.getViewport({ scale: 1 }).width });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'viewer-page';
          canvas.dataset.testid = 'viewer-page';
          canvas.setAttribute('aria-label', `Trang ${number}`);
          target.append(canvas);
          await page.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
        }
      } catch (reason) {
        if (!cancelled) setError(`Không hiển thị được tệp PDF: ${reason instanceof Error ? reason.message : String(reason)}`);
      }
    })();
    return () => {
      cancelled = true;
      void task.then((loading) => loading.destroy()).catch(() => undefined);
    };
  }, [bytes, shown]);

  return (
    <>
      {error && <Notice tone="error" testId="viewer-error">{error}</Notice>}
      <div className="viewer-pages" ref={container} data-testid="viewer-pages" />
      {total !== null && total > shown && (
        <button type="button" onClick={() => setShown(shown + PAGES_PER_STEP)}>
          Xem thêm trang ({shown}/{total})
        </button>
      )}
    </>
  );
}
