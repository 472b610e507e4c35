/** An A4 sheet, long side, in inches: 297 mm. */
const A4_LONG_INCHES = 297 / 25.4;
/** The target of issue 22: about 200 dpi, enough to read a stamp and a signature. */
export const TARGET_DPI = 200;
const MAX_LONG_PIXELS = Math.round(A4_LONG_INCHES * TARGET_DPI);

/**
 * The size a page image is stored at: its long side brought down to an A4 page at 200 dpi
 * (2339 px), never enlarged. A photo or scan of a paper is taken to fill an A4 page, so the
 * dpi follows from its long side and the PDF page comes out A4-sized.
 */
export function storedPageSize(width: number, height: number): { width: number; height: number; dpi: number } {
  const long = Math.max(width, height);
  const scale = long > MAX_LONG_PIXELS ? MAX_LONG_PIXELS / long : 1;
  const scaled = { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
  return { ...scaled, dpi: Math.max(1, Math.round(Math.max(scaled.width, scaled.height) / A4_LONG_INCHES)) };
}
