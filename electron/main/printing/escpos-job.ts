import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer';
import { BridgeError } from '../../../src/bridge/bridge-error.ts';

/** 80 mm paper at 203 dpi. */
export const maxRasterWidthDots = 576;

/** Width and height from a PNG's IHDR chunk, or undefined when it is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.byteLength < 24 || signature.some((byte, index) => png[index] !== byte)) return undefined;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/**
 * Composes the ESC/POS job with node-thermal-printer: the receipt goes as one
 * raster image (GS v 0) so Vietnamese text never meets a code page.
 */
export async function buildRasterJob(png: Uint8Array, options: { cut: boolean }): Promise<Buffer> {
  const size = pngSize(png);
  if (!size || size.width === 0 || size.height === 0 || size.width > maxRasterWidthDots || size.height > 20_000) {
    throw new BridgeError(
      'invalid-image',
      `Ảnh biên nhận không hợp lệ: cần ảnh PNG rộng tối đa ${maxRasterWidthDots} điểm (khổ 80 mm).`,
      'no',
    );
  }
  // No interface: the library only composes bytes here; sending is ours (see tcp-escpos.ts).
  const printer = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '' });
  printer.alignLeft();
  await printer.printImageBuffer(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
  if (options.cut) printer.cut();
  else printer.newLine();
  return printer.getBuffer();
}
