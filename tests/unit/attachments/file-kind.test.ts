import { describe, expect, it } from 'vitest';
import { claimedFileKind, detectFileKind, readImageSize } from '../../../src/attachments/file-kind.ts';
import { greyJpeg, plainPdf, pngHeader, pngImage, webpFile } from '../../support/attachments/sample-files.ts';

describe('detectFileKind', () => {
  it('recognises PDF, JPEG, PNG and WebP by their first bytes', async () => {
    expect(detectFileKind(await plainPdf(1))).toBe('pdf');
    expect(detectFileKind(greyJpeg(16, 16))).toBe('jpeg');
    expect(detectFileKind(pngImage(4, 4))).toBe('png');
    expect(detectFileKind(webpFile('VP8X', new Array(10).fill(0)))).toBe('webp');
  });

  it('finds a PDF header behind a little junk, as readers do', () => {
    expect(detectFileKind(new TextEncoder().encode('\r\n\r\n%PDF-1.4\n'))).toBe('pdf');
    expect(detectFileKind(new TextEncoder().encode(`${' '.repeat(1100)}%PDF-1.4\n`))).toBeNull();
  });

  it('knows nothing else', () => {
    expect(detectFileKind(new TextEncoder().encode('PK\x03\x04 a Word document'))).toBeNull();
    expect(detectFileKind(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(detectFileKind(Uint8Array.of(0xff, 0xd8))).toBeNull();
  });
});

describe('claimedFileKind', () => {
  it('reads the extension whatever its case', () => {
    expect(claimedFileKind('giay-khai-sinh.PDF')).toBe('pdf');
    expect(claimedFileKind('anh.Jpg')).toBe('jpeg');
    expect(claimedFileKind('anh.jpeg')).toBe('jpeg');
    expect(claimedFileKind('anh tải về.jfif')).toBe('jpeg');
    expect(claimedFileKind('so-do.png')).toBe('png');
    expect(claimedFileKind('chup.WEBP')).toBe('webp');
  });

  it('tells a name without extension from one of another type', () => {
    expect(claimedFileKind('scan0001')).toBe('none');
    expect(claimedFileKind('.pdf')).toBe('none');
    expect(claimedFileKind('C:\\Scans.d\\trang1')).toBe('none');
    expect(claimedFileKind('don.docx')).toBe('other');
    expect(claimedFileKind('anh.pdf.exe')).toBe('other');
  });
});

describe('readImageSize', () => {
  it('reads PNG width and height from IHDR', () => {
    expect(readImageSize('png', pngImage(37, 21))).toEqual({ width: 37, height: 21 });
    expect(readImageSize('png', pngHeader(20000, 6000))).toEqual({ width: 20000, height: 6000 });
  });

  it('reads the JPEG frame header, walking the segments before it', () => {
    expect(readImageSize('jpeg', greyJpeg(1654, 2339))).toEqual({ width: 1654, height: 2339 });
    // A comment holding the bytes of a fake frame header is skipped whole, not scanned.
    const decoy = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x01];
    expect(readImageSize('jpeg', greyJpeg(300, 200, { comment: decoy }))).toEqual({ width: 300, height: 200 });
  });

  it('reads a progressive frame header (SOF2) after fill bytes', () => {
    const bytes = Uint8Array.of(0xff, 0xd8, 0xff, 0xff, 0xc2, 0x00, 0x0b, 0x08, 0x01, 0x2c, 0x00, 0xc8, 0x01, 0x01, 0x11, 0x00);
    expect(readImageSize('jpeg', bytes)).toEqual({ width: 200, height: 300 });
  });

  it('gives null for a JPEG cut short, or with its scan before any frame header', () => {
    const jpeg = greyJpeg(64, 64);
    expect(readImageSize('jpeg', jpeg.subarray(0, 30))).toBeNull();
    expect(readImageSize('jpeg', Uint8Array.of(0xff, 0xd8, 0xff, 0xda, 0x00, 0x08))).toBeNull();
    expect(readImageSize('jpeg', Uint8Array.of(0xff, 0xd8, 0x00, 0x00))).toBeNull();
    expect(readImageSize('jpeg', Uint8Array.of(0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x00, 0x01, 0x00))).toBeNull();
  });

  it('reads WebP sizes from VP8X, VP8L and VP8 headers', () => {
    // VP8X: flags, 3 reserved, canvas width − 1 = 4999 and height − 1 = 6999 on 24 bits.
    expect(readImageSize('webp', webpFile('VP8X', [0x10, 0, 0, 0, 0x87, 0x13, 0x00, 0x57, 0x1b, 0x00]))).toEqual({ width: 5000, height: 7000 });
    // VP8L: 0x2F, then width − 1 = 99 and height − 1 = 49 on 14 bits each.
    const bits = 99 | (49 << 14);
    expect(readImageSize('webp', webpFile('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24]))).toEqual({ width: 100, height: 50 });
    // VP8: frame tag, start code 9D 01 2A, 14-bit width 640 and height 480.
    expect(readImageSize('webp', webpFile('VP8 ', [0x50, 0x12, 0x00, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]))).toEqual({ width: 640, height: 480 });
  });

  it('gives null for damaged WebP and PNG headers', () => {
    expect(readImageSize('webp', webpFile('VP8 ', [0x50, 0x12, 0x00, 0, 0, 0, 0x80, 0x02, 0xe0, 0x01]))).toBeNull();
    expect(readImageSize('webp', webpFile('VP8L', [0x00, 0, 0, 0, 0]))).toBeNull();
    expect(readImageSize('png', pngHeader(0, 10))).toBeNull();
    expect(readImageSize('png', pngImage(4, 4).subarray(0, 20))).toBeNull();
  });
});
