/**
 * A baseline JPEG encoder for grey images (one component, standard Huffman tables), for benches
 * that need realistic scanned pages: no JPEG encoder is among the project's packages, and the
 * desk's own camera path compresses in the browser (canvas), which Node does not have.
 */

const ZIGZAG = zigzagOrder();

/** ITU T.81 Annex K: luminance quantisation and the typical Huffman tables. */
const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103,
  77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALUES = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1,
  0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36,
  0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68,
  0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
  0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8,
  0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5,
  0xf6, 0xf7, 0xf8, 0xf9, 0xfa,
];
const DC_CODES = huffmanCodes(DC_BITS, DC_VALUES);
const AC_CODES = huffmanCodes(AC_BITS, AC_VALUES);
/** DCT basis: COS[u * 8 + x] = C(u)/2 · cos((2x + 1)uπ/16). */
const COS = Float64Array.from({ length: 64 }, (_, i) => {
  const u = Math.floor(i / 8);
  const x = i % 8;
  return (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
});

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row. */
  pixels: Uint8Array;
  dpi: number;
}

/** `quality` 1–100 as in libjpeg. */
export function encodeGreyJpeg(image: GreyImage, quality: number): Uint8Array {
  const quant = scaledQuant(quality);
  const out = new ByteWriter();
  out.bytes([0xff, 0xd8]);
  // JFIF with the scan's resolution, so the page keeps its paper size.
  out.segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 1, image.dpi >> 8, image.dpi & 0xff, image.dpi >> 8, image.dpi & 0xff, 0, 0]);
  out.segment(0xdb, [0, ...ZIGZAG.map((i) => quant[i] ?? 1)]);
  out.segment(0xc0, [8, image.height >> 8, image.height & 0xff, image.width >> 8, image.width & 0xff, 1, 1, 0x11, 0]);
  out.segment(0xc4, [0x00, ...DC_BITS, ...DC_VALUES, 0x10, ...AC_BITS, ...AC_VALUES]);
  out.segment(0xda, [1, 1, 0x00, 0, 63, 0]);
  const bits = new BitWriter(out);
  const block = new Float64Array(64);
  const rows = new Float64Array(64);
  let previousDc = 0;
  for (let by = 0; by < image.height; by += 8) {
    for (let bx = 0; bx < image.width; bx += 8) {
      for (let y = 0; y < 8; y += 1) {
        const row = Math.min(by + y, image.height - 1) * image.width;
        for (let x = 0; x < 8; x += 1) block[y * 8 + x] = (image.pixels[row + Math.min(bx + x, image.width - 1)] ?? 0) - 128;
      }
      forwardDct(block, rows);
      const dc = Math.round((block[0] ?? 0) / (quant[0] ?? 1));
      encodeValue(bits, DC_CODES, 0, dc - previousDc);
      previousDc = dc;
      let run = 0;
      for (let k = 1; k < 64; k += 1) {
        const index = ZIGZAG[k] ?? 0;
        const value = Math.round((block[index] ?? 0) / (quant[index] ?? 1));
        if (value === 0) {
          run += 1;
          continue;
        }
        for (; run > 15; run -= 16) bits.code(AC_CODES, 0xf0);
        encodeValue(bits, AC_CODES, run << 4, value);
        run = 0;
      }
      if (run > 0) bits.code(AC_CODES, 0x00);
    }
  }
  bits.flush();
  out.bytes([0xff, 0xd9]);
  return out.result();
}

/** In place: block ← COS · block · COSᵀ (rows, then columns). */
function forwardDct(block: Float64Array, scratch: Float64Array): void {
  for (let y = 0; y < 8; y += 1) {
    for (let u = 0; u < 8; u += 1) {
      let sum = 0;
      for (let x = 0; x < 8; x += 1) sum += (COS[u * 8 + x] ?? 0) * (block[y * 8 + x] ?? 0);
      scratch[y * 8 + u] = sum;
    }
  }
  for (let u = 0; u < 8; u += 1) {
    for (let v = 0; v < 8; v += 1) {
      let sum = 0;
      for (let y = 0; y < 8; y += 1) sum += (COS[v * 8 + y] ?? 0) * (scratch[y * 8 + u] ?? 0);
      block[v * 8 + u] = sum;
    }
  }
}

/** A coefficient: the Huffman code of (run, size category), then its `size` extra bits. */
function encodeValue(bits: BitWriter, codes: Map<number, [number, number]>, runNibble: number, value: number): void {
  const magnitude = Math.abs(value);
  const size = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
  bits.code(codes, runNibble | size);
  if (size > 0) bits.write(value < 0 ? value + (1 << size) - 1 : value, size);
}

function scaledQuant(quality: number): number[] {
  const q = Math.min(100, Math.max(1, quality));
  const scale = q < 50 ? 5000 / q : 200 - 2 * q;
  return LUMA_QUANT.map((base) => Math.min(255, Math.max(1, Math.floor((base * scale + 50) / 100))));
}

/** symbol → [code, length] from a DHT's counts per length and symbols. */
function huffmanCodes(counts: readonly number[], symbols: readonly number[]): Map<number, [number, number]> {
  const codes = new Map<number, [number, number]>();
  let code = 0;
  let next = 0;
  for (let length = 1; length <= 16; length += 1) {
    for (let i = 0; i < (counts[length - 1] ?? 0); i += 1) codes.set(symbols[next++] ?? 0, [code++, length]);
    code <<= 1;
  }
  return codes;
}

function zigzagOrder(): number[] {
  const order: number[] = [];
  for (let diagonal = 0; diagonal < 15; diagonal += 1) {
    const cells: number[] = [];
    for (let y = 0; y < 8; y += 1) {
      const x = diagonal - y;
      if (x >= 0 && x < 8) cells.push(y * 8 + x);
    }
    // Even diagonals go up (from the bottom-left), odd ones down.
    order.push(...(diagonal % 2 === 0 ? cells.reverse() : cells));
  }
  return order;
}

class ByteWriter {
  private chunks: Uint8Array[] = [];
  private current = new Uint8Array(1 << 16);
  private length = 0;
  byte(value: number): void {
    if (this.length === this.current.length) {
      this.chunks.push(this.current);
      this.current = new Uint8Array(1 << 16);
      this.length = 0;
    }
    this.current[this.length++] = value;
  }
  bytes(values: readonly number[]): void {
    for (const value of values) this.byte(value);
  }
  segment(marker: number, body: readonly number[]): void {
    const length = body.length + 2;
    this.bytes([0xff, marker, length >> 8, length & 0xff, ...body]);
  }
  result(): Uint8Array {
    const parts = [...this.chunks, this.current.subarray(0, this.length)];
    const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Entropy-coded bits, MSB first, with a 0x00 stuffed after every 0xFF byte. */
class BitWriter {
  private buffer = 0;
  private count = 0;
  constructor(private readonly out: ByteWriter) {}
  code(codes: Map<number, [number, number]>, symbol: number): void {
    const entry = codes.get(symbol);
    if (!entry) throw new Error(`no Huffman code for symbol ${symbol}`);
    this.write(entry[0], entry[1]);
  }
  write(value: number, length: number): void {
    for (let bit = length - 1; bit >= 0; bit -= 1) {
      this.buffer = (this.buffer << 1) | ((value >> bit) & 1);
      this.count += 1;
      if (this.count === 8) this.emit();
    }
  }
  flush(): void {
    // Padded with ones, as the standard asks.
    while (this.count !== 0) this.write(1, 1);
  }
  private emit(): void {
    this.out.byte(this.buffer);
    if (this.buffer === 0xff) this.out.byte(0x00);
    this.buffer = 0;
    this.count = 0;
  }
}
