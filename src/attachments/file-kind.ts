/** The kinds of file a dossier accepts as a scanned or photographed paper. */
export type FileKind = 'pdf' | 'jpeg' | 'png' | 'webp';
export type ImageKind = Exclude<FileKind, 'pdf'>;

export interface ImageSize {
  width: number;
  height: number;
}

/** Acrobat finds the header anywhere in the first 1024 bytes, and some scanners write junk before it. */
const PDF_HEADER_WINDOW = 1024;
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const extensionKinds: ReadonlyMap<string, FileKind> = new Map([
  ['pdf', 'pdf'],
  ['jpg', 'jpeg'],
  ['jpeg', 'jpeg'],
  ['jpe', 'jpeg'],
  // Windows saves JPEG photos downloaded from the web as .jfif.
  ['jfif', 'jpeg'],
  ['png', 'png'],
  ['webp', 'webp'],
]);

/** What the file really is, from its first bytes; null for anything else. */
export function detectFileKind(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, PNG_SIGNATURE, 0)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff], 0)) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'webp';
  const window = Math.min(bytes.length, PDF_HEADER_WINDOW);
  for (let offset = 0; offset + PDF_HEADER.length <= window; offset++) {
    if (startsWith(bytes, PDF_HEADER, offset)) return 'pdf';
  }
  return null;
}

/**
 * What the file's name says it is: a kind, `'none'` for a name without an extension
 * (scanners and phones sometimes send those), `'other'` for an extension of any other type.
 */
export function claimedFileKind(name: string): FileKind | 'none' | 'other' {
  const baseName = name.split(/[\\/]/).pop() ?? '';
  const dot = baseName.lastIndexOf('.');
  if (dot <= 0 || dot === baseName.length - 1) return 'none';
  return extensionKinds.get(baseName.slice(dot + 1).toLowerCase()) ?? 'other';
}

/** The pixel size written in the image's headers, without decoding pixels; null when the headers are damaged. */
export function readImageSize(kind: ImageKind, bytes: Uint8Array): ImageSize | null {
  const size = kind === 'png' ? pngSize(bytes) : kind === 'jpeg' ? jpegSize(bytes) : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

function pngSize(bytes: Uint8Array): ImageSize | null {
  // The IHDR chunk must come first: length (4), type (4), then width and height.
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return null;
  return { width: uint32BE(bytes, 16), height: uint32BE(bytes, 20) };
}

/** SOF0–SOF15 carry the frame size, except C4 (DHT), C8 (JPG extension) and CC (DAC). */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers without a length: TEM and RST0–RST7. */
const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

function jpegSize(bytes: Uint8Array): ImageSize | null {
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    // Any number of 0xFF fill bytes may precede a marker.
    while (bytes[offset] === 0xff) offset++;
    const marker = bytes[offset];
    offset++;
    if (marker === undefined) return null;
    if (isStandalone(marker)) continue;
    // End of image, or entropy-coded data, before any frame header: nothing to read.
    if (marker === 0xd9 || marker === 0xda || offset + 2 > bytes.length) return null;
    const segmentLength = uint16BE(bytes, offset);
    if (segmentLength < 2) return null;
    if (isStartOfFrame(marker)) {
      // Length (2), sample precision (1), height (2), width (2). A zero height is defined later
      // by a DNL segment, which scanners never write: treated as unreadable.
      if (segmentLength < 7 || offset + 7 > bytes.length) return null;
      return { height: uint16BE(bytes, offset + 3), width: uint16BE(bytes, offset + 5) };
    }
    offset += segmentLength;
  }
  return null;
}

function webpSize(bytes: Uint8Array): ImageSize | null {
  const chunk = ascii(bytes, 12, 4);
  const data = 20;
  if (chunk === 'VP8X' && bytes.length >= data + 10) {
    // Flags (1), reserved (3), canvas width − 1 and height − 1 on 24 bits each.
    return { width: uint24LE(bytes, data + 4) + 1, height: uint24LE(bytes, data + 7) + 1 };
  }
  if (chunk === 'VP8L' && bytes.length >= data + 5 && bytes[data] === 0x2f) {
    // After the 0x2F signature: width − 1 and height − 1 on 14 bits each, little-endian.
    const bits = uint32LE(bytes, data + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && bytes.length >= data + 10 && startsWith(bytes, [0x9d, 0x01, 0x2a], data + 3)) {
    // Frame tag (3), start code (3), then 14-bit width and height (the top 2 bits are scaling).
    return { width: uint16LE(bytes, data + 6) & 0x3fff, height: uint16LE(bytes, data + 8) & 0x3fff };
  }
  return null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset: number): boolean {
  return offset + prefix.length <= bytes.length && prefix.every((byte, i) => bytes[offset + i] === byte);
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return offset + length <= bytes.length ? String.fromCharCode(...bytes.subarray(offset, offset + length)) : '';
}

const byteAt = (bytes: Uint8Array, offset: number): number => bytes[offset] ?? 0;
const uint16BE = (b: Uint8Array, o: number): number => (byteAt(b, o) << 8) | byteAt(b, o + 1);
const uint16LE = (b: Uint8Array, o: number): number => byteAt(b, o) | (byteAt(b, o + 1) << 8);
const uint24LE = (b: Uint8Array, o: number): number => uint16LE(b, o) | (byteAt(b, o + 2) << 16);
const uint32BE = (b: Uint8Array, o: number): number => (uint16BE(b, o) * 0x10000 + uint16BE(b, o + 2));
const uint32LE = (b: Uint8Array, o: number): number => uint16LE(b, o) + uint16LE(b, o + 2) * 0x10000;
