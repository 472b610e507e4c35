import { checkIncomingFile } from '../../src/attachments/check-file.ts';
import { DomainError, err, ok } from '../../src/errors.ts';
import type { Result } from '../../src/errors.ts';
import type { DraftPart } from './draft-parts.ts';
import { storedPageSize } from './page-size.ts';

/** A typical A4 page should stay under this (issue 22); a busier page is compressed harder once. */
const PAGE_BUDGET_BYTES = 400 * 1024;
const QUALITY = 0.72;
const HARDER_QUALITY = 0.55;

let nextId = 0;
const partId = () => `part-${Date.now().toString(36)}-${(nextId += 1)}`;

/**
 * A file the officer picked or dropped, checked before anything else (kind, size, PDF safety,
 * pixel count), then kept as it is (a PDF) or recompressed to a JPEG page of about 200 dpi.
 */
export async function importFile(file: File): Promise<Result<DraftPart>> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const checked = await checkIncomingFile({ name: file.name, bytes });
  if (!checked.ok) return checked;
  if (checked.value.kind === 'pdf') return ok({ id: partId(), kind: 'pdf', bytes, pages: checked.value.pages, label: file.name });
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes], { type: `image/${checked.value.kind}` }));
  } catch {
    return err(new DomainError('attachment.image_unreadable', `Tệp "${file.name}" là ảnh bị hỏng, không mở được: hãy chụp hoặc quét lại.`));
  }
  try {
    return ok(await compressPage(bitmap, bitmap.width, bitmap.height, file.name));
  } finally {
    bitmap.close();
  }
}

/** A still of the camera's current frame, as a page. */
export async function captureFrame(video: HTMLVideoElement, label: string): Promise<DraftPart> {
  if (video.videoWidth === 0 || video.videoHeight === 0) {
    throw new DomainError('attachment.camera_not_ready', 'Camera chưa sẵn sàng: hãy chờ hình hiện lên rồi chụp lại.');
  }
  return compressPage(video, video.videoWidth, video.videoHeight, label);
}

async function compressPage(source: CanvasImageSource, width: number, height: number, label: string): Promise<DraftPart> {
  const size = storedPageSize(width, height);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) throw new DomainError('attachment.canvas_unavailable', 'Máy không xử lý được ảnh (thiếu canvas): hãy khởi động lại ứng dụng.');
  // A transparent PNG would turn black in a JPEG: paper is white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.drawImage(source, 0, 0, size.width, size.height);
  let blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: QUALITY });
  if (blob.size > PAGE_BUDGET_BYTES) blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: HARDER_QUALITY });
  return { id: partId(), kind: 'jpeg', bytes: new Uint8Array(await blob.arrayBuffer()), width: size.width, height: size.height, dpi: size.dpi, label };
}
