import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { claimedFileKind, detectFileKind, readImageSize } from './file-kind.ts';
import type { FileKind, ImageKind } from './file-kind.ts';
import { inspectPdf } from './pdf-inspection.ts';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 100_000_000;

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** A file fit to store: a PDF with its page count, or an image with its pixel size. */
export type CheckedFile = { kind: 'pdf'; pages: number } | { kind: ImageKind; width: number; height: number };

const kindLabels: Readonly<Record<FileKind, string>> = {
  pdf: 'PDF',
  jpeg: 'ảnh JPEG',
  png: 'ảnh PNG',
  webp: 'ảnh WebP',
};

/**
 * Checks a file an officer attaches before anything is stored: not empty, at most 50 MB, really
 * the kind its name says, a PDF neither encrypted nor carrying JavaScript, an image of at most
 * 100 megapixels with readable headers. The size is checked first: it costs nothing, and a
 * PDF is only parsed once it is known to be small enough.
 */
export async function checkIncomingFile({ name, bytes }: IncomingFile): Promise<Result<CheckedFile>> {
  const refuse = (code: string, message: string, details: Record<string, unknown> = {}): Result<never> =>
    err(new DomainError(`attachment.${code}`, message, undefined, { fileName: name, ...details }));
  const file = `Tệp "${name}"`;

  if (bytes.length === 0) return refuse('empty', `${file} trống (0 byte): hãy chọn lại tệp hoặc quét lại giấy tờ.`);
  if (bytes.length > MAX_FILE_BYTES) {
    return refuse(
      'too_large',
      `${file} nặng ${megabytes(bytes.length)} MB, quá giới hạn 50 MB: hãy quét ở độ phân giải thấp hơn hoặc tách thành nhiều tệp.`,
      { size: bytes.length },
    );
  }

  const kind = detectFileKind(bytes);
  if (kind === null) {
    return refuse('unknown_type', `${file} không phải PDF hay ảnh JPEG, PNG, WebP: hãy chọn đúng tệp giấy tờ đã quét.`);
  }
  const claimed = claimedFileKind(name);
  if (claimed === 'other') {
    return refuse('type_mismatch', `${file} có phần đuôi không đúng với nội dung (là ${kindLabels[kind]}): hãy chọn đúng tệp.`, { kind });
  }
  if (claimed !== 'none' && claimed !== kind) {
    return refuse('type_mismatch', `${file} không phải ${kindLabels[claimed]} mà là ${kindLabels[kind]}: hãy chọn đúng tệp.`, { kind, claimed });
  }

  if (kind === 'pdf') {
    const pdf = await inspectPdf(bytes);
    switch (pdf.verdict) {
      case 'readable':
        return ok({ kind, pages: pdf.pages });
      case 'encrypted':
        return refuse('pdf_encrypted', `${file} có mật khẩu hoặc bị mã hóa: hãy xin bản không mã hóa, hoặc in ra rồi quét lại.`);
      case 'javascript':
        return refuse('pdf_javascript', `${file} có chứa mã JavaScript nên không được nhận vì lý do an toàn: hãy in ra rồi quét lại.`);
      case 'unreadable':
        return refuse('pdf_unreadable', `${file} bị hỏng hoặc không có trang nào đọc được: hãy chọn lại tệp hoặc quét lại giấy tờ.`);
    }
  }

  const size = readImageSize(kind, bytes);
  if (!size) return refuse('image_unreadable', `${file} là ảnh bị hỏng, không đọc được kích thước: hãy chụp hoặc quét lại.`);
  const pixels = size.width * size.height;
  if (pixels > MAX_IMAGE_PIXELS) {
    return refuse(
      'image_too_large',
      `${file} có ${size.width} × ${size.height} điểm ảnh (${megapixels(pixels)} triệu), quá giới hạn 100 triệu điểm ảnh: hãy quét hoặc chụp ở độ phân giải thấp hơn.`,
      { width: size.width, height: size.height },
    );
  }
  return ok({ kind, width: size.width, height: size.height });
}

/** Rounded up, so a file just over the limit never reads as exactly 50 MB. */
const megabytes = (bytes: number): string => decimalComma(Math.ceil((bytes / (1024 * 1024)) * 10) / 10);
const megapixels = (pixels: number): string => decimalComma(Math.ceil(pixels / 100_000) / 10);
const decimalComma = (value: number): string => String(value).replace('.', ',');
