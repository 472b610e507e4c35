import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkIncomingFile, MAX_FILE_BYTES } from '../../../src/attachments/check-file.ts';
import { greyJpeg, handWrittenPdf, onePageObjects, plainPdf, pngHeader, pngImage, webpFile } from '../../support/attachments/sample-files.ts';

const refusal = async (name: string, bytes: Uint8Array) => {
  const result = await checkIncomingFile({ name, bytes });
  if (result.ok) throw new Error(`${name} was accepted`);
  return { code: result.error.code, message: result.error.message };
};

/** pdf-lib warns on the console about objects it repairs; damaged files are what these tests feed it. */
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('checkIncomingFile: what is accepted', () => {
  it('accepts a PDF with its page count', async () => {
    expect(await checkIncomingFile({ name: 'to-khai.pdf', bytes: await plainPdf(3) })).toEqual({ ok: true, value: { kind: 'pdf', pages: 3 } });
  });

  it('accepts images with their pixel size', async () => {
    expect(await checkIncomingFile({ name: 'trang-1.JPG', bytes: greyJpeg(1654, 2339) })).toEqual({
      ok: true,
      value: { kind: 'jpeg', width: 1654, height: 2339 },
    });
    expect(await checkIncomingFile({ name: 'so-do.png', bytes: pngImage(40, 30) })).toEqual({ ok: true, value: { kind: 'png', width: 40, height: 30 } });
    const webp = webpFile('VP8X', [0, 0, 0, 0, 0x87, 0x13, 0x00, 0x57, 0x1b, 0x00]);
    expect(await checkIncomingFile({ name: 'chup.webp', bytes: webp })).toEqual({ ok: true, value: { kind: 'webp', width: 5000, height: 7000 } });
  });

  it('trusts the content of a file whose name has no extension', async () => {
    expect(await checkIncomingFile({ name: 'scan0001', bytes: greyJpeg(8, 8) })).toMatchObject({ ok: true, value: { kind: 'jpeg' } });
  });

  it('accepts exactly 50 MB and an image of exactly 100 megapixels', async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES);
    bytes.set(pngHeader(10000, 10000));
    expect(await checkIncomingFile({ name: 'ban-do.png', bytes })).toEqual({ ok: true, value: { kind: 'png', width: 10000, height: 10000 } });
  });
});

describe('checkIncomingFile: what is refused, in plain Vietnamese', () => {
  it('refuses an empty file', async () => {
    expect(await refusal('giay-khai-sinh.pdf', new Uint8Array())).toEqual({
      code: 'attachment.empty',
      message: 'Tệp "giay-khai-sinh.pdf" trống (0 byte): hãy chọn lại tệp hoặc quét lại giấy tờ.',
    });
  });

  it('refuses a file over 50 MB before looking inside it', async () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    expect(await refusal('ho-so.pdf', bytes)).toEqual({
      code: 'attachment.too_large',
      message: 'Tệp "ho-so.pdf" nặng 50,1 MB, quá giới hạn 50 MB: hãy quét ở độ phân giải thấp hơn hoặc tách thành nhiều tệp.',
    });
  });

  it('refuses content that is none of the accepted kinds', async () => {
    expect(await refusal('don.pdf', new TextEncoder().encode('PK\x03\x04 a Word document'))).toEqual({
      code: 'attachment.unknown_type',
      message: 'Tệp "don.pdf" không phải PDF hay ảnh JPEG, PNG, WebP: hãy chọn đúng tệp giấy tờ đã quét.',
    });
  });

  it('refuses a file whose content is not what its name says', async () => {
    expect(await refusal('giay-khai-sinh.pdf', greyJpeg(16, 16))).toEqual({
      code: 'attachment.type_mismatch',
      message: 'Tệp "giay-khai-sinh.pdf" không phải PDF mà là ảnh JPEG: hãy chọn đúng tệp.',
    });
    expect((await refusal('anh.png', await plainPdf(1))).message).toBe('Tệp "anh.png" không phải ảnh PNG mà là PDF: hãy chọn đúng tệp.');
    expect(await refusal('don.docx', await plainPdf(1))).toEqual({
      code: 'attachment.type_mismatch',
      message: 'Tệp "don.docx" có phần đuôi không đúng với nội dung (là PDF): hãy chọn đúng tệp.',
    });
  });

  it('refuses a PDF that runs JavaScript when opened (pdf-lib, in an object stream)', async () => {
    const document = await PDFDocument.load(await plainPdf(1));
    const action = document.context.obj({ Type: 'Action', S: 'JavaScript', JS: PDFString.of('app.alert("xin chào")') });
    document.catalog.set(PDFName.of('OpenAction'), document.context.register(action));
    expect(await refusal('to-khai.pdf', await document.save({ useObjectStreams: true }))).toEqual({
      code: 'attachment.pdf_javascript',
      message: 'Tệp "to-khai.pdf" có chứa mã JavaScript nên không được nhận vì lý do an toàn: hãy in ra rồi quét lại.',
    });
  });

  it('finds JavaScript in the names tree, in a page action and behind escaped names', async () => {
    const [catalog, pages] = onePageObjects as [string, string, string];
    const namesTree = handWrittenPdf([catalog.replace('>>', '/Names << /JavaScript 4 0 R >> >>'), pages, onePageObjects[2]!, '<< /Names [(a) 5 0 R] >>', '<< /S /JavaScript /JS (1) >>']);
    expect((await refusal('a.pdf', namesTree)).code).toBe('attachment.pdf_javascript');
    const pageAction = handWrittenPdf([catalog, pages, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /AA << /O << /S /J#61vaScript /#4a#53 (1) >> >> >>']);
    expect((await refusal('b.pdf', pageAction)).code).toBe('attachment.pdf_javascript');
    const lowerCaseHex = handWrittenPdf([catalog.replace('>>', '/OpenAction << /S /#4aavaScript >> >>'), pages, onePageObjects[2]!]);
    expect((await refusal('c.pdf', lowerCaseHex)).code).toBe('attachment.pdf_javascript');
  });

  it('refuses an encrypted PDF, the kind pdf-lib will not open', async () => {
    const encryptDictionary = '<< /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>';
    const encrypted = handWrittenPdf([...onePageObjects, encryptDictionary], '/Encrypt 4 0 R /ID [<01> <01>]');
    await expect(PDFDocument.load(encrypted)).rejects.toThrow(/is encrypted/);
    expect(await refusal('so-do.pdf', encrypted)).toEqual({
      code: 'attachment.pdf_encrypted',
      message: 'Tệp "so-do.pdf" có mật khẩu hoặc bị mã hóa: hãy xin bản không mã hóa, hoặc in ra rồi quét lại.',
    });
    // The /Encrypt entry alone says so, even when its object cannot be found.
    expect((await refusal('so-do.pdf', handWrittenPdf(onePageObjects, '/Encrypt 9 0 R'))).code).toBe('attachment.pdf_encrypted');
  });

  it('refuses a PDF that cannot be read or has no page', async () => {
    const expected = {
      code: 'attachment.pdf_unreadable',
      message: 'Tệp "hong.pdf" bị hỏng hoặc không có trang nào đọc được: hãy chọn lại tệp hoặc quét lại giấy tờ.',
    };
    expect(await refusal('hong.pdf', new TextEncoder().encode('%PDF-1.7\nnot a pdf at all'))).toEqual(expected);
    expect(await refusal('hong.pdf', new TextEncoder().encode('%PDF-1.7\nnot a pdf at all\n%%EOF\n'))).toEqual(expected);
    expect(await refusal('hong.pdf', await plainPdf(0))).toEqual(expected);
    // Cut short: pdf-lib alone would recover its two pages, without their content.
    expect(await refusal('hong.pdf', (await plainPdf(2)).subarray(0, 400))).toEqual(expected);
  });

  it('refuses an image over 100 megapixels from its header alone', async () => {
    expect(await refusal('ban-do.png', pngHeader(20000, 6000))).toEqual({
      code: 'attachment.image_too_large',
      message: 'Tệp "ban-do.png" có 20000 × 6000 điểm ảnh (120 triệu), quá giới hạn 100 triệu điểm ảnh: hãy quét hoặc chụp ở độ phân giải thấp hơn.',
    });
  });

  it('refuses an image whose size cannot be read', async () => {
    expect(await refusal('trang-2.jpg', greyJpeg(64, 64).subarray(0, 30))).toEqual({
      code: 'attachment.image_unreadable',
      message: 'Tệp "trang-2.jpg" là ảnh bị hỏng, không đọc được kích thước: hãy chụp hoặc quét lại.',
    });
  });

  it('names the file in the error details too', async () => {
    const result = await checkIncomingFile({ name: 'x.pdf', bytes: new Uint8Array() });
    expect(result).toMatchObject({ ok: false, error: { details: { fileName: 'x.pdf' } } });
  });
});
