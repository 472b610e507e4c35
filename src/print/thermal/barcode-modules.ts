// @ts-expect-error JsBarcode publishes no typings for its encoder classes; typed below.
import { CODE128 as untypedCode128 } from 'jsbarcode/bin/barcodes/CODE128/index.js';
import QRCode from 'qrcode';

const Code128 = untypedCode128 as new (data: string, options: object) => { valid(): boolean; encode(): { data: string } };

/** Code 128 bars as a string of '1' (bar) and '0' (space) modules, via JsBarcode's encoder. */
export function code128Modules(text: string): string {
  const barcode = new Code128(text, {});
  if (!barcode.valid()) throw new Error(`Code 128 cannot encode ${JSON.stringify(text)}`);
  return barcode.encode().data;
}

/**
 * The widest whole-dot module that fits. Fractional module widths blur into
 * undecodable bars, so only integers. The 10-module quiet zone may fall in the
 * unprintable paper margin (80 mm paper, 72 mm printable: 4 mm = 32 dots a side).
 */
export function code128ModuleWidth(moduleCount: number, printableDots: number, paperMarginDots = 32): number {
  for (let width = 4; width > 1; width -= 1) {
    const barsWidth = moduleCount * width;
    const quietZone = (printableDots - barsWidth) / 2 + paperMarginDots;
    if (barsWidth <= printableDots && quietZone >= 10 * width) return width;
  }
  return 1;
}

export interface QrMatrix {
  size: number;
  isDark(x: number, y: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, isDark: (x, y) => modules.get(y, x) === 1 };
}
