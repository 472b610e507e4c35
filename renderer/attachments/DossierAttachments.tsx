import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { DossierStatus } from '../../src/dossier/status.ts';
import type { DossierAttachment, ProjectedDossier } from '../../src/dossier/projection.ts';
import { useDesk } from '../app/desk-context.tsx';
import { useRecordEvent } from '../screens/dossier-detail/actions/use-record-event.ts';
import { heldElsewhereNotice } from '../screens/dossier-detail/role-actions.ts';
import { useDeskSync } from '../sync-status/use-desk-sync.ts';
import { AttachmentViewer } from './AttachmentViewer.tsx';
import { CaptureDialog } from './CaptureDialog.tsx';
import { loadAttachment } from './load-attachment.ts';
import { currentFile, PaperFileCell } from './PaperFileCell.tsx';
import type { AttachmentTarget } from './save-attachment.ts';

const RESULT_TITLE = 'Kết quả giải quyết';

export interface DossierAttachmentsView {
  /** The cell of a checklist paper in the papers table. */
  paperFile(paperName: string): ReactNode;
  /** The electronic result's panel, once the dossier has a result. */
  resultPanel: ReactNode;
  /** The capture dialog or the viewer, when open. */
  dialogs: ReactNode;
}

/**
 * Digitisation on the dossier detail: each paper of the checklist and the result get a file
 * cell; capturing records an ATTACHED event, viewing reads the file from this desk or, when
 * another desk digitised it, from the provincial server.
 */
export function useDossierAttachments(dossier: ProjectedDossier, onSaved: (message: string) => void): DossierAttachmentsView {
  const desk = useDesk();
  const record = useRecordEvent();
  const { sync } = useDeskSync();
  const [capturing, setCapturing] = useState<AttachmentTarget | null>(null);
  const [viewing, setViewing] = useState<{ file: DossierAttachment; title: string } | null>(null);
  const code = dossier.code;
  // The holder rule of every other action: another unit's dossier is only viewed here.
  const mayCapture = heldElsewhereNotice(dossier, desk.identity.agencyId) === null;

  const load = useCallback(
    () => (viewing ? loadAttachment({ blobs: desk.blobs, fetchFromServer: sync ? (hash, id) => sync.fetchAttachment(hash, id) : null }, viewing.file.hash, code) : Promise.reject(new Error('no file'))),
    [desk.blobs, sync, viewing, code],
  );

  const cell = (title: string, role: 'paper' | 'result', paper?: string) => {
    const file = currentFile(dossier.attachments, role, paper);
    return (
      <PaperFileCell
        name={title}
        file={file}
        onView={(opened) => setViewing({ file: opened, title })}
        {...(mayCapture
          ? { onCapture: () => setCapturing({ role, title, ...(paper !== undefined ? { paper } : {}), ...(file ? { replaces: file.hash } : {}) }) }
          : {})}
      />
    );
  };

  const hasResult = dossier.status === DossierStatus.Resolved || dossier.status === DossierStatus.Returned;
  return {
    paperFile: (paperName) => cell(paperName, 'paper', paperName),
    resultPanel: hasResult ? (
      <section className="panel result-file" aria-label="Kết quả điện tử" data-testid="result-file">
        <h2>Kết quả điện tử</h2>
        {cell(RESULT_TITLE, 'result')}
      </section>
    ) : null,
    dialogs: (
      <>
        {capturing && (
          <CaptureDialog
            target={capturing}
            blobs={desk.blobs}
            now={desk.now}
            record={(payload) => record('ATTACHED', code, payload)}
            onClose={() => setCapturing(null)}
            onSaved={(pages) => {
              setCapturing(null);
              onSaved(`Đã lưu bản số hóa "${capturing.title}" (${pages} trang).`);
            }}
          />
        )}
        {viewing && <AttachmentViewer attachment={viewing.file} title={viewing.title} load={load} onClose={() => setViewing(null)} />}
      </>
    ),
  };
}
