import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { assemblePdf } from '../../../src/attachments/assemble-pdf.ts';
import { checkIncomingFile } from '../../../src/attachments/check-file.ts';
import { sha256Hex } from '../../../src/attachments/content-hash.ts';
import { greyJpeg, plainPdf, pngImage } from '../../support/attachments/sample-files.ts';

const a4Jpeg = greyJpeg(1654, 2339);
const pages = [
  { bytes: a4Jpeg, kind: 'jpeg' as const, width: 1654, height: 2339 },
  { bytes: pngImage(300, 200), kind: 'png' as const, width: 300, height: 200, dpi: 100 },
  { bytes: greyJpeg(1275, 1650), kind: 'jpeg' as const, width: 1275, height: 1650, dpi: 150 },
];
const createdAt = Date.UTC(2026, 0, 5, 2, 30);

describe('assemblePdf', () => {
  it('makes one page per image, sized to the paper at its dpi', async () => {
    const document = await PDFDocument.load(await assemblePdf(pages, { title: 'Giấy khai sinh', createdAt }));
    expect(document.getPages().map((page) => page.getSize())).toEqual([
      { width: (1654 / 200) * 72, height: (2339 / 200) * 72 }, // A4: 595.44 × 842.04 pt
      { width: 216, height: 144 },
      { width: 612, height: 792 }, // US Letter at 150 dpi
    ]);
    expect(document.getTitle()).toBe('Giấy khai sinh');
    expect(document.getCreationDate()?.getTime()).toBe(createdAt);
  });

  it('embeds a JPEG as is, without recompressing it', async () => {
    const document = await PDFDocument.load(await assemblePdf([pages[0]!]));
    const jpegStreams = document.context
      .enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((object) => 'dict' in object && (object as { dict: { get(n: PDFName): unknown } }).dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'));
    expect(jpegStreams).toHaveLength(1);
    expect((jpegStreams[0] as unknown as { contents: Uint8Array }).contents).toEqual(a4Jpeg);
  });

  it('gives the same bytes, hence the same address, for the same pages', async () => {
    const first = await sha256Hex(await assemblePdf(pages, { title: 'Giấy khai sinh', createdAt }));
    const second = await sha256Hex(await assemblePdf(pages, { title: 'Giấy khai sinh', createdAt }));
    expect(second).toBe(first);
    expect(await sha256Hex(await assemblePdf(pages))).toBe(await sha256Hex(await assemblePdf(pages)));
  });

  it('passes its own file check', async () => {
    const bytes = await assemblePdf(pages);
    expect(await checkIncomingFile({ name: 'giay-khai-sinh.pdf', bytes })).toEqual({ ok: true, value: { kind: 'pdf', pages: 3 } });
  });

  it('refuses no page, a damaged page or a size that is not the image’s', async () => {
    await expect(assemblePdf([])).rejects.toMatchObject({ code: 'attachment.no_pages' });
    await expect(assemblePdf([pages[0]!, { ...pages[1]!, kind: 'jpeg' }])).rejects.toMatchObject({
      code: 'attachment.page_unreadable',
      message: 'Trang 2 không phải ảnh JPEG đọc được: hãy quét lại trang này.',
      path: ['pages', 1],
    });
    await expect(assemblePdf([{ ...pages[1]!, width: 301 }])).rejects.toMatchObject({ code: 'attachment.page_size_mismatch' });
    await expect(assemblePdf([{ ...pages[1]!, dpi: 0 }])).rejects.toMatchObject({ code: 'attachment.page_size_invalid' });
  });

  it('copies every page of an imported PDF in its place among the scanned pages', async () => {
    const imported = await plainPdf(2);
    const bytes = await assemblePdf([pages[0]!, { kind: 'pdf', bytes: imported }, pages[1]!]);
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBe(4);
    expect(document.getPages()[3]!.getSize()).toEqual({ width: 216, height: 144 });
    expect(await checkIncomingFile({ name: 'ghep.pdf', bytes })).toEqual({ ok: true, value: { kind: 'pdf', pages: 4 } });
    await expect(assemblePdf([{ kind: 'pdf', bytes: new Uint8Array([37, 80, 68, 70, 1, 2]) }])).rejects.toMatchObject({
      code: 'attachment.page_unreadable',
      path: ['pages', 0],
    });
  });
});
