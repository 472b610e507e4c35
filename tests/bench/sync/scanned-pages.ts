import { encodeGreyJpeg } from '../support/gray-jpeg.ts';
import type { GreyImage } from '../support/gray-jpeg.ts';

/**
 * Pages as a desk's scanner or camera gives them: an A4 form scanned in grey, off-white paper with
 * sensor noise and uneven lighting, a letterhead, ruled lines, lines of typed words and a
 * handwritten-looking signature, JPEG at the quality the capture screen uses. The same seed always
 * gives the same bytes; different seeds give different pages (different content addresses).
 */
export interface ScannedPageOptions {
  seed: number;
  /** 200 dpi A4 by default, the capture screen's setting. */
  dpi?: number;
  /** Fraction of A4's width and height (smoke runs use small pages). */
  scale?: number;
  quality?: number;
}

export interface ScannedPage {
  bytes: Uint8Array;
  width: number;
  height: number;
  dpi: number;
}

const A4_INCHES = { width: 8.27, height: 11.69 };

export function scannedPage({ seed, dpi = 200, scale = 1, quality = 60 }: ScannedPageOptions): ScannedPage {
  const width = Math.round(A4_INCHES.width * dpi * scale);
  const height = Math.round(A4_INCHES.height * dpi * scale);
  const random = xorshift(seed);
  const ink = new Float32Array(width * height);
  const margin = Math.round(width * 0.1);
  const lineHeight = Math.max(6, Math.round(dpi * scale * 0.17));
  const xHeight = Math.max(3, Math.round(lineHeight * 0.45));

  const fill = (x0: number, y0: number, w: number, h: number, darkness: number) => {
    for (let y = Math.max(0, y0); y < Math.min(height, y0 + h); y += 1) {
      for (let x = Math.max(0, x0); x < Math.min(width, x0 + w); x += 1) ink[y * width + x] = Math.max(ink[y * width + x] ?? 0, darkness);
    }
  };

  // Letterhead: two centred bold lines and a rule.
  let y = margin;
  for (const share of [0.5, 0.6]) {
    const w = Math.round((width - 2 * margin) * share);
    typeLine(random, fill, Math.round((width - w) / 2), y, w, Math.round(xHeight * 1.4), 0.9);
    y += Math.round(lineHeight * 1.5);
  }
  fill(margin, y, width - 2 * margin, Math.max(1, Math.round(dpi * scale * 0.01)), 0.8);
  y += lineHeight * 2;
  // Body: paragraphs of typed lines, down to where this page's text ends (forms are often half empty).
  const textEnd = margin * 3 + (height - margin * 5.5) * (0.35 + random() * 0.65);
  while (y < textEnd) {
    const paragraph = 3 + Math.floor(random() * 6);
    for (let line = 0; line < paragraph && y < textEnd; line += 1) {
      const indent = line === 0 ? Math.round(lineHeight * 1.5) : 0;
      const w = line === paragraph - 1 ? Math.round((width - 2 * margin) * (0.3 + random() * 0.6)) : width - 2 * margin - indent;
      typeLine(random, fill, margin + indent, y, w, xHeight, 0.85);
      y += lineHeight;
    }
    y += Math.round(lineHeight * 0.6);
  }
  // Signature: a scribble of strokes.
  let sx = width - margin * 3.2;
  let sy = height - margin * 1.8;
  for (let stroke = 0; stroke < 400; stroke += 1) {
    sx += (random() - 0.3) * 3 * scale * 4;
    sy += Math.sin(stroke / 6) * 2 * scale * 4;
    fill(Math.round(sx), Math.round(sy), 3, 3, 0.95);
  }

  // Paper: off-white with a lighting gradient and sensor noise (more on some scanners than others);
  // ink slightly blurred by the scan.
  const grain = 2 + random() * 3;
  const pixels = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const light = 236 - 14 * (row / height);
    for (let col = 0; col < width; col += 1) {
      const i = row * width + col;
      const around = ((ink[i] ?? 0) * 2 + (ink[i - 1] ?? 0) + (ink[i + 1] ?? 0) + (ink[i - width] ?? 0) + (ink[i + width] ?? 0)) / 6;
      const noise = (random() + random() + random() - 1.5) * grain;
      const paper = light - 6 * Math.cos(col / 37 + row / 53);
      pixels[i] = clamp(paper * (1 - around) + 25 * around + noise);
    }
  }
  const image: GreyImage = { width, height, pixels, dpi };
  return { bytes: encodeGreyJpeg(image, quality), width, height, dpi };
}

/** A line of words: dark blocks of x-height with ascenders here and there. */
function typeLine(random: () => number, fill: (x: number, y: number, w: number, h: number, d: number) => void, x0: number, y: number, width: number, xHeight: number, darkness: number): void {
  let x = x0;
  while (x < x0 + width - xHeight) {
    const letters = 1 + Math.floor(random() * 8);
    for (let letter = 0; letter < letters && x < x0 + width; letter += 1) {
      const letterWidth = Math.max(2, Math.round(xHeight * (0.5 + random() * 0.4)));
      const stroke = Math.max(1, Math.round(xHeight * 0.18));
      const tall = random() < 0.3 ? Math.round(xHeight * 0.6) : 0;
      fill(x, y - tall, stroke, xHeight + tall, darkness);
      fill(x + letterWidth - stroke, y, stroke, xHeight, darkness);
      fill(x, y, letterWidth, stroke, darkness);
      if (random() < 0.5) fill(x, y + xHeight - stroke, letterWidth, stroke, darkness);
      // Vietnamese diacritics above many letters.
      if (random() < 0.4) fill(x + Math.round(letterWidth / 3), y - Math.round(xHeight * 0.5), stroke + 1, stroke, darkness);
      x += letterWidth + Math.max(1, Math.round(xHeight * 0.15));
    }
    x += Math.round(xHeight * 0.7);
  }
}

function clamp(value: number): number {
  return value < 0 ? 0 : value > 255 ? 255 : Math.round(value);
}

function xorshift(seed: number): () => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
}
