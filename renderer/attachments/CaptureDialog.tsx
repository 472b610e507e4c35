import { useState } from 'react';
import type { DragEvent } from 'react';
import { Dialog } from '../components/Dialog.tsx';
import { Notice } from '../components/Notice.tsx';
import type { BlobStore } from '../store/blob-store.ts';
import { CameraCapture } from './CameraCapture.tsx';
import { DraftPartList } from './DraftPartList.tsx';
import type { DraftPart } from './draft-parts.ts';
import { draftBytes, movePart, pageCount, removePart } from './draft-parts.ts';
import { fileSizeText } from './file-size-text.ts';
import { importFile } from './import-page.ts';
import type { AttachmentTarget, SaveAttachmentDeps } from './save-attachment.ts';
import { saveAttachment } from './save-attachment.ts';
import { useStorageRoom } from './StorageRoomNotice.tsx';
import './attachments.css';

interface CaptureDialogProps {
  target: AttachmentTarget;
  blobs: Pick<BlobStore, 'put' | 'room'>;
  record: SaveAttachmentDeps['record'];
  now(): number;
  onSaved(pages: number): void;
  onClose(): void;
}

const ACCEPTED = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/**
 * Digitising one paper (or the result): pages from files (picker or drag and drop) and from the
 * camera, previewed, reordered and deleted, then saved as one PDF. Nothing is stored before
 * "Lưu": closing the dialog leaves the dossier as it was.
 */
export function CaptureDialog({ target, blobs, record, now, onSaved, onClose }: CaptureDialogProps) {
  const [parts, setParts] = useState<DraftPart[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState<'importing' | 'saving' | null>(null);
  const [camera, setCamera] = useState(false);
  const [dragging, setDragging] = useState(false);
  const room = useStorageRoom(blobs);

  const addFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setBusy('importing');
    const refused: string[] = [];
    const added: DraftPart[] = [];
    for (const file of files) {
      const result = await importFile(file);
      if (result.ok) added.push(result.value);
      else refused.push(result.error.message);
    }
    setParts((current) => [...current, ...added]);
    setErrors(refused);
    setBusy(null);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void addFiles([...event.dataTransfer.files]);
  };

  const save = async () => {
    setBusy('saving');
    setErrors([]);
    try {
      const payload = await saveAttachment(parts, target, { blobs, record, now });
      onSaved(payload.pages);
    } catch (reason) {
      setErrors([reason instanceof Error ? reason.message : String(reason)]);
      setBusy(null);
    }
  };

  const full = room?.level === 'full';
  return (
    <Dialog title={`Số hóa: ${target.title}`} onClose={onClose} wide>
      {room?.message && (
        <Notice tone={full ? 'error' : 'warning'} testId="storage-room">
          {room.message}
        </Notice>
      )}
      <div className="capture-sources">
        <label className={`capture-drop${dragging ? ' capture-drop-over' : ''}`} onDragOver={(event) => { event.preventDefault(); setDragging(true); }} onDragLeave={() => setDragging(false)} onDrop={onDrop} data-testid="capture-drop">
          <input
            type="file"
            multiple
            accept={ACCEPTED}
            disabled={full || busy !== null}
            data-testid="capture-file"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void addFiles(files);
            }}
          />
          <span>
            <strong>Chọn tệp</strong> hoặc kéo thả vào đây: PDF, ảnh JPEG, PNG (tối đa 50 MB mỗi tệp)
          </span>
        </label>
        {!camera && (
          <button type="button" onClick={() => setCamera(true)} disabled={full} data-testid="capture-camera">
            Chụp bằng camera
          </button>
        )}
      </div>
      {camera && <CameraCapture onPage={(part) => setParts((current) => [...current, part])} onClose={() => setCamera(false)} />}
      {busy === 'importing' && <p className="muted">Đang đọc và nén tệp…</p>}
      {errors.map((message) => (
        <Notice key={message} tone="error" testId="capture-error">
          {message}
        </Notice>
      ))}
      <DraftPartList
        parts={parts}
        onMove={(id, step) => setParts((current) => movePart(current, id, step))}
        onRemove={(id) => setParts((current) => removePart(current, id))}
      />
      <footer className="capture-footer">
        <span className="muted" data-testid="capture-summary">
          {parts.length === 0 ? 'Chưa có trang nào.' : `${pageCount(parts)} trang · khoảng ${fileSizeText(draftBytes(parts))}`}
        </span>
        <button type="button" onClick={onClose}>
          Hủy
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={parts.length === 0 || busy !== null || full} data-testid="capture-save">
          {busy === 'saving' ? 'Đang lưu…' : 'Lưu bản số hóa'}
        </button>
      </footer>
    </Dialog>
  );
}
