import { crc32 } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';

/** A real PNG (pngjs), light grey with a dark band, opaque. */
export function pngImage(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 4;
      const level = y < height / 8 ? 40 : 230;
      png.data[at] = png.data[at + 1] = png.data[at + 2] = level;
      png.data[at + 3] = 255;
    }
  }
  return new Uint8Array(PNG.sync.write(png));
}

/** Only the signature and the IHDR chunk (with its CRC): what the size is read from. */
export function pngHeader(width: number, height: number): Uint8Array {
  const body = new Uint8Array(17);
  const view = new DataView(body.buffer);
  body.set([0x49, 0x48, 0x44, 0x52]); // IHDR
  view.setUint32(4, width);
  view.setUint32(8, height);
  body.set([8, 2, 0, 0, 0], 12); // 8-bit RGB, deflate, no filter, no interlace
  const chunk = new Uint8Array(4 + body.length + 4);
  new DataView(chunk.buffer).setUint32(0, 13);
  chunk.set(body, 4);
  new DataView(chunk.buffer).setUint32(4 + body.length, crc32(body));
  return concat([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], chunk);
}

const segment = (marker: number, payload: ArrayLike<number>): number[] => [
  0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...Array.from(payload),
];

/**
 * A real, decodable baseline JPEG of one grey level: every 8×8 block has a zero DC difference and
 * no AC coefficient, with one-code Huffman tables ('0' for each), so the scan is two bits a block.
 * `comment` adds a COM segment before the frame header (to check the segments are walked).
 */
export function greyJpeg(width: number, height: number, options: { comment?: number[]; dpi?: number } = {}): Uint8Array {
  const dpi = options.dpi ?? 200;
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = new Uint8Array(Math.ceil((blocks * 2) / 8));
  // The last byte's unused bits are padded with ones, as the standard asks.
  const usedBits = (blocks * 2) % 8;
  if (usedBits !== 0) scan[scan.length - 1] = 0xff >> usedBits;
  return Uint8Array.from([
    0xff, 0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 1, dpi >> 8, dpi & 0xff, dpi >> 8, dpi & 0xff, 0, 0]),
    ...(options.comment ? segment(0xfe, options.comment) : []),
    ...segment(0xdb, [0, ...new Array<number>(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, [0x00, 1, ...new Array<number>(15).fill(0), 0x00]), // DC table 0: one code, category 0
    ...segment(0xc4, [0x10, 1, ...new Array<number>(15).fill(0), 0x00]), // AC table 0: one code, end of block
    ...segment(0xda, [1, 1, 0x00, 0, 63, 0]),
    ...scan,
    0xff, 0xd9,
  ]);
}

/** The RIFF/WEBP container around one chunk: enough for the headers the size is read from. */
export function webpFile(chunkName: 'VP8 ' | 'VP8L' | 'VP8X', data: number[]): Uint8Array {
  const chunkLength = [data.length & 0xff, (data.length >> 8) & 0xff, 0, 0];
  const riffLength = 4 + 8 + data.length;
  return Uint8Array.from([
    ...ascii('RIFF'), riffLength & 0xff, (riffLength >> 8) & 0xff, 0, 0, ...ascii('WEBP'),
    ...ascii(chunkName), ...chunkLength, ...data,
  ]);
}

/** A PDF of blank A4 pages (none at all for 0) made with pdf-lib. */
export async function plainPdf(pageCount: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  for (let index = 0; index < pageCount; index++) document.addPage([595.28, 841.89]);
  // pdf-lib adds a blank page to a document without any unless told not to.
  return document.save({ addDefaultPage: false });
}

/**
 * A classic PDF written by hand from its object bodies (object n is `objects[n - 1]`), with a
 * correct cross-reference table, for what pdf-lib will not write (encryption, escaped names).
 */
export function handWrittenPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) text += `${String(offset).padStart(10, '0')} 00000 n \n`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}

export const onePageObjects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
];

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

function concat(...parts: ArrayLike<number>[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((part) => Array.from(part)));
}
