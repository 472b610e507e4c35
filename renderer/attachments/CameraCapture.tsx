import { useEffect, useRef, useState } from 'react';
import { Notice } from '../components/Notice.tsx';
import type { DraftPart } from './draft-parts.ts';
import { captureFrame } from './import-page.ts';

/** What the officer is told when the camera cannot be used, by the browser's error name. */
function cameraRefusal(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return 'Ứng dụng chưa được phép dùng camera: hãy cho phép truy cập camera rồi thử lại.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'Không tìm thấy camera hay máy chụp tài liệu nào: hãy cắm camera, hoặc chọn tệp đã quét.';
  if (name === 'NotReadableError') return 'Camera đang được một chương trình khác dùng: hãy đóng chương trình đó rồi thử lại.';
  return `Không mở được camera: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * A document camera or webcam, video only: the officer holds each page under it and takes a
 * still; each still becomes a page. The camera is released when this closes.
 */
export function CameraCapture({ onPage, onClose }: { onPage(part: DraftPart): void; onClose(): void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [shotError, setShotError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [shooting, setShooting] = useState(false);
  const [shots, setShots] = useState(0);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 2592 }, height: { ideal: 1944 } }, audio: false })
      .then((opened) => {
        if (cancelled) return opened.getTracks().forEach((track) => track.stop());
        stream = opened;
        if (video.current) video.current.srcObject = opened;
      })
      .catch((reason: unknown) => !cancelled && setError(cameraRefusal(reason)));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  const shoot = async () => {
    if (!video.current || shooting) return;
    setShooting(true);
    setShotError(null);
    try {
      const count = shots + 1;
      onPage(await captureFrame(video.current, `Ảnh chụp ${count}`));
      setShots(count);
    } catch (reason) {
      setShotError(reason instanceof Error ? reason.message : String(reason));
    } finally {
      setShooting(false);
    }
  };

  return (
    <div className="camera-capture" data-testid="camera">
      {error ? (
        <Notice tone="error" testId="camera-error">
          {error}
        </Notice>
      ) : (
        <video ref={video} autoPlay playsInline muted onLoadedData={() => setReady(true)} className="camera-preview" aria-label="Hình từ camera" />
      )}
      {shotError && (
        <Notice tone="error" testId="camera-error">
          {shotError}
        </Notice>
      )}
      <div className="camera-actions">
        <button type="button" className="primary" onClick={() => void shoot()} disabled={!ready || shooting || error !== null} data-testid="camera-shoot">
          Chụp trang
        </button>
        <button type="button" onClick={onClose}>
          Tắt camera
        </button>
        {shots > 0 && <span className="muted">Đã chụp {shots} trang</span>}
      </div>
    </div>
  );
}
