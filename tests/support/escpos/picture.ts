import { PNG } from 'pngjs';
import { code128Modules } from '../../../src/print/thermal/barcode-modules.ts';
import type { DecodedJob } from './decoder.ts';

/** 80 mm paper at 203 dpi is 640 dots; the printable 576 sit in the middle. */
export const paperWidthDots = 640;
const printableOffset = 32;
const lineHeight = 30;

/**
 * Draws what the paper would look like: raster images and native barcodes in
 * order, with feeds as blank space. Text commands leave blank lines (their bytes
 * are in the structure; a receipt printed right has none).
 */
export function renderPicture(job: DecodedJob): PNG {
  const rows: Uint8Array[] = [];
  const blank = () => new Uint8Array(paperWidthDots);
  const addBlank = (count: number) => {
    for (let index = 0; index < count; index += 1) rows.push(blank());
  };
  let align = 0;
  for (const op of job.ops) {
    if (op.kind === 'align') align = op.value % 48;
    if (op.kind === 'raster') {
      const widthDots = op.widthBytes * 8;
      const left = printableOffset + (align === 1 ? Math.floor((576 - widthDots) / 2) : align === 2 ? 576 - widthDots : 0);
      for (let y = 0; y < op.height; y += 1) {
        const row = blank();
        for (let x = 0; x < widthDots; x += 1) {
          const byte = op.data[y * op.widthBytes + (x >> 3)]!;
          if (byte & (0x80 >> (x & 7)) && left + x < paperWidthDots) row[left + x] = 1;
        }
        rows.push(row);
      }
    } else if (op.kind === 'barcode' && op.system === 73) {
      const modules = code128Modules(op.data);
      const left = Math.max(0, printableOffset + Math.floor((576 - modules.length * op.moduleWidth) / 2));
      const row = blank();
      for (let index = 0; index < modules.length; index += 1) {
        if (modules[index] !== '1') continue;
        for (let dx = 0; dx < op.moduleWidth; dx += 1) {
          const x = left + index * op.moduleWidth + dx;
          if (x < paperWidthDots) row[x] = 1;
        }
      }
      for (let y = 0; y < op.height; y += 1) rows.push(row.slice());
    } else if (op.kind === 'feed') addBlank(op.lines * lineHeight);
    else if (op.kind === 'newline') addBlank(lineHeight);
  }
  addBlank(16);

  const png = new PNG({ width: paperWidthDots, height: rows.length });
  rows.forEach((row, y) => {
    for (let x = 0; x < paperWidthDots; x += 1) {
      const index = (y * paperWidthDots + x) * 4;
      const value = row[x] ? 0 : 255;
      png.data[index] = value;
      png.data[index + 1] = value;
      png.data[index + 2] = value;
      png.data[index + 3] = 255;
    }
  });
  return png;
}

export const pictureToPngBytes = (picture: PNG): Buffer => PNG.sync.write(picture);
