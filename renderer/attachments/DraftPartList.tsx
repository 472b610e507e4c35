import type { DraftPart } from './draft-parts.ts';
import { pageLabels } from './draft-parts.ts';
import { fileSizeText } from './file-size-text.ts';
import { useObjectUrl } from './use-object-url.ts';

interface DraftPartListProps {
  parts: readonly DraftPart[];
  onMove(id: string, step: -1 | 1): void;
  onRemove(id: string): void;
}

/** The pages so far, in the order they will be in the PDF, each with a preview. */
export function DraftPartList({ parts, onMove, onRemove }: DraftPartListProps) {
  const labels = pageLabels(parts);
  if (parts.length === 0) return null;
  return (
    <ol className="capture-pages" data-testid="capture-pages">
      {parts.map((part, index) => (
        <li key={part.id} className="capture-page" data-testid="capture-page">
          <Preview part={part} />
          <div className="capture-page-text">
            <strong>{labels[index]}</strong>
            <span className="muted">
              {part.label} · {fileSizeText(part.bytes.length)}
              {part.kind === 'pdf' ? ` · PDF ${part.pages} trang` : ''}
            </span>
          </div>
          <div className="capture-page-actions">
            <button type="button" onClick={() => onMove(part.id, -1)} disabled={index === 0} aria-label={`Đưa ${labels[index]} lên trước`}>
              ↑
            </button>
            <button type="button" onClick={() => onMove(part.id, 1)} disabled={index === parts.length - 1} aria-label={`Đưa ${labels[index]} xuống sau`}>
              ↓
            </button>
            <button type="button" className="danger" onClick={() => onRemove(part.id)} aria-label={`Xóa ${labels[index]}`}>
              Xóa
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}

function Preview({ part }: { part: DraftPart }) {
  const url = useObjectUrl(part.kind === 'jpeg' ? part.bytes : null, 'image/jpeg');
  return url ? <img src={url} alt="" className="capture-thumb" /> : <span className="capture-thumb capture-thumb-pdf">PDF</span>;
}
