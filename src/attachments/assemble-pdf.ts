import { PDFDocument } from 'pdf-lib';
import type { PDFImage, PDFPage } from 'pdf-lib';
import { DomainError } from '../errors.ts';
import type { Instant } from '../time/vn-time.ts';

/**
 * One captured page, already compressed in the browser. Only JPEG and PNG: a PDF cannot hold
 * WebP, so the caller converts a WebP page (canvas) before assembling.
 */
export interface CapturedPage {
  bytes: Uint8Array;
  kind: 'jpeg' | 'png';
  /** Pixel size, as read from the image's headers (readImageSize). */
  width: number;
  height: number;
  /** The resolution it was scanned at; 200 when not given. */
  dpi?: number;
}

/** A PDF the officer imported whole: its pages are copied as they are, never re-rendered. */
export interface ImportedPdf {
  kind: 'pdf';
  bytes: Uint8Array;
}

/** What one paper is made of, in the order the officer arranged it. */
export type PaperPart = CapturedPage | ImportedPdf;

export interface AssembledPdfMeta {
  title?: string;
  /** Written as both creation and modification date; without it the PDF has no dates. */
  createdAt?: Instant;
}

export const DEFAULT_SCAN_DPI = 200;
const POINTS_PER_INCH = 72;

/**
 * Assembles the pages of one paper into one PDF, a page per image, each page the paper's real
 * size (an A4 sheet scanned at 200 dpi gives an A4 page). JPEG is embedded as is, never
 * recompressed. The same pages and meta always give the same bytes, so the same paper
 * captured twice has the same content address.
 */
export async function assemblePdf(pages: readonly PaperPart[], meta: AssembledPdfMeta = {}): Promise<Uint8Array> {
  if (pages.length === 0) {
    throw new DomainError('attachment.no_pages', 'Chưa có trang nào để ghép thành tệp PDF: hãy quét ít nhất một trang.');
  }
  // No metadata of pdf-lib's own: it would stamp the current time and make the bytes differ.
  const document = await PDFDocument.create({ updateMetadata: false });
  if (meta.title !== undefined) document.setTitle(meta.title);
  if (meta.createdAt !== undefined) {
    document.setCreationDate(new Date(meta.createdAt));
    document.setModificationDate(new Date(meta.createdAt));
  }
  for (const [index, page] of pages.entries()) {
    if (page.kind === 'pdf') {
      for (const copied of await copyAllPages(document, page.bytes, index)) document.addPage(copied);
      continue;
    }
    const dpi = page.dpi ?? DEFAULT_SCAN_DPI;
    if (!(dpi > 0) || !(page.width > 0) || !(page.height > 0)) {
      throw pageError(index, 'page_size_invalid', 'có kích thước hoặc độ phân giải không hợp lệ');
    }
    const image = await embed(document, page, index);
    if (image.width !== page.width || image.height !== page.height) {
      throw pageError(index, 'page_size_mismatch', `có kích thước ${image.width} × ${image.height} điểm ảnh, không phải ${page.width} × ${page.height}`);
    }
    const width = (page.width / dpi) * POINTS_PER_INCH;
    const height = (page.height / dpi) * POINTS_PER_INCH;
    document.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return document.save();
}

async function embed(document: PDFDocument, page: CapturedPage, index: number): Promise<PDFImage> {
  try {
    return page.kind === 'jpeg' ? await document.embedJpg(page.bytes) : await document.embedPng(page.bytes);
  } catch {
    throw pageError(index, 'page_unreadable', `không phải ảnh ${page.kind === 'jpeg' ? 'JPEG' : 'PNG'} đọc được`);
  }
}

async function copyAllPages(document: PDFDocument, bytes: Uint8Array, index: number): Promise<PDFPage[]> {
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    return await document.copyPages(source, source.getPageIndices());
  } catch {
    throw pageError(index, 'page_unreadable', 'là tệp PDF không đọc được');
  }
}

const pageError = (index: number, code: string, problem: string): DomainError =>
  new DomainError(`attachment.${code}`, `Trang ${index + 1} ${problem}: hãy quét lại trang này.`, ['pages', index]);
