import type { DossierAttachment } from '../../src/dossier/projection.ts';
import { fileSizeText } from './file-size-text.ts';

interface PaperFileCellProps {
  file: DossierAttachment | undefined;
  /** Absent while another unit holds the dossier: this desk only views. */
  onCapture?: () => void;
  onView(file: DossierAttachment): void;
  /** The paper's or result's name, for the buttons' accessible names. */
  name: string;
}

/** The digitised file of one paper (or of the result): open it, scan it again, or scan it now. */
export function PaperFileCell({ file, onCapture, onView, name }: PaperFileCellProps) {
  if (!file) {
    return (
      <span className="paper-file">
        <span className="muted">Chưa số hóa</span>
        {onCapture && (
          <button type="button" className="link-button" onClick={onCapture} aria-label={`Số hóa ${name}`} data-testid="paper-capture">
            Số hóa
          </button>
        )}
      </span>
    );
  }
  return (
    <span className="paper-file" data-testid="paper-file">
      <span className="paper-file-line">
        <button type="button" className="link-button" onClick={() => onView(file)} aria-label={`Xem bản số hóa ${name}`} data-testid="paper-view">
          Xem
        </button>{' '}
        <span className="muted">
          {file.pages} trang · {fileSizeText(file.size)}
        </span>
      </span>
      {onCapture && (
        <button type="button" className="link-button" onClick={onCapture} aria-label={`Số hóa lại ${name}`}>
          Quét lại
        </button>
      )}
    </span>
  );
}

/** The current file of a checklist paper, or the electronic result. */
export function currentFile(attachments: readonly DossierAttachment[], role: 'paper' | 'result', paper?: string): DossierAttachment | undefined {
  return attachments.findLast((file) => file.role === role && (role === 'result' || file.paper === paper));
}
