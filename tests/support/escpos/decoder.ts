/**
 * An ESC/POS decoder for the commands a receipt uses (Epson command set, as
 * node-thermal-printer emits it). It is exact about lengths so that raster data
 * is never mistaken for commands, the way a real printer parses its stream.
 */
export type EscposOp =
  | { kind: 'init'; offset: number }
  | { kind: 'align'; offset: number; value: number }
  | { kind: 'feed'; offset: number; lines: number }
  | { kind: 'newline'; offset: number }
  | { kind: 'text'; offset: number; bytes: Uint8Array; codePage: number }
  | { kind: 'code-page'; offset: number; page: number }
  | { kind: 'style'; offset: number; command: string; value: number }
  | { kind: 'raster'; offset: number; mode: number; widthBytes: number; height: number; data: Uint8Array }
  | { kind: 'barcode'; offset: number; system: number; data: string; moduleWidth: number; height: number; hri: number }
  | { kind: 'cut'; offset: number; mode: number }
  | { kind: 'status-query'; offset: number; n: number }
  | { kind: 'unknown'; offset: number; bytes: Uint8Array };

export interface DecodedJob {
  ops: EscposOp[];
  /** Bytes at the end that do not yet form a whole command. */
  incompleteFrom: number | undefined;
}

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;

/** ESC commands followed by exactly one parameter byte. */
const escOneByte: Record<number, string> = {
  0x21: 'print-mode', 0x2d: 'underline', 0x33: 'line-spacing', 0x45: 'bold', 0x47: 'double-strike',
  0x4d: 'font', 0x52: 'international', 0x56: 'rotate', 0x72: 'colour', 0x7b: 'upside-down', 0x20: 'char-spacing',
};
const gsOneByte: Record<number, string> = {
  0x21: 'char-size', 0x42: 'invert', 0x48: 'hri-position', 0x66: 'hri-font', 0x77: 'barcode-width', 0x68: 'barcode-height',
};

export function decodeEscpos(bytes: Uint8Array): DecodedJob {
  const ops: EscposOp[] = [];
  let codePage = 0;
  let text: number[] = [];
  let textStart = 0;
  const barcode = { moduleWidth: 3, height: 162, hri: 0 };
  const flushText = () => {
    if (text.length > 0) ops.push({ kind: 'text', offset: textStart, bytes: Uint8Array.from(text), codePage });
    text = [];
  };

  let at = 0;
  const need = (count: number) => at + count <= bytes.length;
  while (at < bytes.length) {
    const start = at;
    const byte = bytes[at]!;
    if (byte !== ESC && byte !== GS && byte !== FS && byte !== DLE && byte !== 0x0a && byte !== 0x0d && byte >= 0x20) {
      if (text.length === 0) textStart = at;
      text.push(byte);
      at += 1;
      continue;
    }
    flushText();
    if (byte === 0x0a) {
      ops.push({ kind: 'newline', offset: start });
      at += 1;
      continue;
    }
    if (byte === 0x0d) {
      at += 1;
      continue;
    }
    if (!need(2)) return { ops, incompleteFrom: start };
    const command = bytes[at + 1]!;
    if (byte === DLE) {
      if (command !== 0x04) {
        ops.push({ kind: 'unknown', offset: start, bytes: bytes.slice(at, at + 2) });
        at += 2;
        continue;
      }
      if (!need(3)) return { ops, incompleteFrom: start };
      ops.push({ kind: 'status-query', offset: start, n: bytes[at + 2]! });
      at += 3;
      continue;
    }
    if (byte === ESC) {
      if (command === 0x40) {
        ops.push({ kind: 'init', offset: start });
        codePage = 0;
        at += 2;
        continue;
      }
      if (command === 0x32) {
        at += 2;
        continue;
      }
      if (!need(3)) return { ops, incompleteFrom: start };
      const value = bytes[at + 2]!;
      if (command === 0x61) ops.push({ kind: 'align', offset: start, value });
      else if (command === 0x64) ops.push({ kind: 'feed', offset: start, lines: value });
      else if (command === 0x74) {
        codePage = value;
        ops.push({ kind: 'code-page', offset: start, page: value });
      } else if (escOneByte[command]) ops.push({ kind: 'style', offset: start, command: escOneByte[command], value });
      else ops.push({ kind: 'unknown', offset: start, bytes: bytes.slice(at, at + 3) });
      at += 3;
      continue;
    }
    if (byte === FS) {
      // FS . (cancel Kanji) and FS & (select Kanji) take no parameter.
      ops.push({ kind: 'unknown', offset: start, bytes: bytes.slice(at, at + 2) });
      at += 2;
      continue;
    }
    // GS
    if (command === 0x76) {
      if (!need(8)) return { ops, incompleteFrom: start };
      const mode = bytes[at + 3]!;
      const widthBytes = bytes[at + 4]! + bytes[at + 5]! * 256;
      const height = bytes[at + 6]! + bytes[at + 7]! * 256;
      const size = widthBytes * height;
      if (!need(8 + size)) return { ops, incompleteFrom: start };
      ops.push({ kind: 'raster', offset: start, mode, widthBytes, height, data: bytes.slice(at + 8, at + 8 + size) });
      at += 8 + size;
      continue;
    }
    if (command === 0x56) {
      if (!need(3)) return { ops, incompleteFrom: start };
      const mode = bytes[at + 2]!;
      const withFeed = mode === 65 || mode === 66;
      if (withFeed && !need(4)) return { ops, incompleteFrom: start };
      ops.push({ kind: 'cut', offset: start, mode });
      at += withFeed ? 4 : 3;
      continue;
    }
    if (command === 0x6b) {
      if (!need(4)) return { ops, incompleteFrom: start };
      const system = bytes[at + 2]!;
      if (system <= 6) {
        const end = bytes.indexOf(0, at + 3);
        if (end < 0) return { ops, incompleteFrom: start };
        ops.push({ kind: 'barcode', offset: start, system, data: latin1(bytes.slice(at + 3, end)), ...barcode });
        at = end + 1;
      } else {
        const length = bytes[at + 3]!;
        if (!need(4 + length)) return { ops, incompleteFrom: start };
        let data = latin1(bytes.slice(at + 4, at + 4 + length));
        if (system === 73) data = data.replace(/\{[ABC]/g, '');
        ops.push({ kind: 'barcode', offset: start, system, data, ...barcode });
        at += 4 + length;
      }
      continue;
    }
    if (gsOneByte[command]) {
      if (!need(3)) return { ops, incompleteFrom: start };
      const value = bytes[at + 2]!;
      if (command === 0x77) barcode.moduleWidth = value;
      if (command === 0x68) barcode.height = value;
      if (command === 0x48) barcode.hri = value;
      ops.push({ kind: 'style', offset: start, command: gsOneByte[command], value });
      at += 3;
      continue;
    }
    ops.push({ kind: 'unknown', offset: start, bytes: bytes.slice(at, at + 2) });
    at += 2;
  }
  flushText();
  return { ops, incompleteFrom: undefined };
}

function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (value) => String.fromCharCode(value)).join('');
}

/** The structure tests assert on. */
export interface JobSummary {
  texts: { bytes: Uint8Array; latin1: string; codePage: number }[];
  codePages: number[];
  rasters: Extract<EscposOp, { kind: 'raster' }>[];
  barcodes: Extract<EscposOp, { kind: 'barcode' }>[];
  cuts: number;
  statusQueries: number[];
  unknown: Uint8Array[];
}

export function summarise(job: DecodedJob): JobSummary {
  const summary: JobSummary = { texts: [], codePages: [], rasters: [], barcodes: [], cuts: 0, statusQueries: [], unknown: [] };
  for (const op of job.ops) {
    if (op.kind === 'text') summary.texts.push({ bytes: op.bytes, latin1: latin1(op.bytes), codePage: op.codePage });
    else if (op.kind === 'code-page') summary.codePages.push(op.page);
    else if (op.kind === 'raster') summary.rasters.push(op);
    else if (op.kind === 'barcode') summary.barcodes.push(op);
    else if (op.kind === 'cut') summary.cuts += 1;
    else if (op.kind === 'status-query') summary.statusQueries.push(op.n);
    else if (op.kind === 'unknown') summary.unknown.push(op.bytes);
  }
  return summary;
}
