import { code128Modules, code128ModuleWidth, qrMatrix, type QrMatrix } from './barcode-modules.ts';
import { formatDateTimeVi, formatFeeVnd, type ThermalReceipt } from './receipt.ts';

/** 80 mm paper at 203 dpi: 72 mm printable = 576 dots. */
export const receiptWidthDots = 576;

export interface TextStyle {
  sizeDots: number;
  bold: boolean;
  align: 'left' | 'center';
}

export type DrawItem =
  | { kind: 'text'; x: number; y: number; text: string; font: string; align: 'left' | 'center' }
  | { kind: 'rect'; x: number; y: number; width: number; height: number };

export interface ReceiptLayout {
  width: number;
  height: number;
  items: DrawItem[];
}

/** Measures a line of text in a CSS font: the canvas does it in the renderer and in tests. */
export type MeasureText = (text: string, font: string) => number;

export interface LayoutOptions {
  fontFamily: string;
  width?: number;
}

const styles = {
  title: { sizeDots: 30, bold: true, align: 'center' },
  heading: { sizeDots: 24, bold: true, align: 'center' },
  body: { sizeDots: 24, bold: false, align: 'left' },
  strong: { sizeDots: 26, bold: true, align: 'left' },
  note: { sizeDots: 20, bold: false, align: 'center' },
} as const satisfies Record<string, TextStyle>;

const margin = 4;
/** The "BẢN SAO" band: frame thickness, and the text's top below the band's top. */
export const copyFrameDots = 3;
export const copyTextInset = 14;

/** Splits text into lines no wider than `maxWidth`, breaking at spaces (or inside an overlong word). */
export function wrapText(text: string, maxWidth: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (measure(candidate, font) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = word;
    while (measure(line, font) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && measure(line.slice(0, cut), font) > maxWidth) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Splits a line of word groups into lines no wider than `maxWidth`, breaking between groups only
 * ("ỦY BAN NHÂN DÂN" / "PHƯỜNG BA ĐÌNH"); a group wider than a whole line is wrapped at its own
 * spaces (wrapText), which is still never inside a word.
 */
export function wrapGroups(groups: readonly string[], maxWidth: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const group of groups.map((g) => g.normalize('NFC').replace(/\s+/g, ' ').trim()).filter(Boolean)) {
    const candidate = line === '' ? group : `${line} ${group}`;
    if (measure(candidate, font) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    if (measure(group, font) <= maxWidth) {
      line = group;
      continue;
    }
    const wrapped = wrapText(group, maxWidth, font, measure);
    line = wrapped.pop() ?? '';
    lines.push(...wrapped);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/**
 * Lays the reception receipt out in printer dots. Pure: the caller supplies text
 * measurement, and `paintReceipt` draws the result on any 2D canvas.
 */
export function layoutReceipt(receipt: ThermalReceipt, measure: MeasureText, options: LayoutOptions): ReceiptLayout {
  const width = options.width ?? receiptWidthDots;
  const items: DrawItem[] = [];
  let y = 8;

  const fontOf = (style: TextStyle) => `${style.bold ? 'bold ' : ''}${style.sizeDots}px ${options.fontFamily}`;
  const text = (value: string | readonly string[], style: TextStyle) => {
    const font = fontOf(style);
    const lines = typeof value === 'string' ? wrapText(value, width - 2 * margin, font, measure) : wrapGroups(value, width - 2 * margin, font, measure);
    for (const line of lines) {
      const x = style.align === 'center' ? width / 2 : margin;
      items.push({ kind: 'text', x, y, text: line, font, align: style.align });
      y += Math.round(style.sizeDots * 1.3);
    }
  };
  const gap = (dots: number) => {
    y += dots;
  };
  const rule = () => {
    gap(6);
    items.push({ kind: 'rect', x: margin, y, width: width - 2 * margin, height: 2 });
    gap(10);
  };

  if (receipt.copy) {
    // Room above the letters: the hook of "Ả" rises well above the em box and, drawn against
    // the frame's top edge, would read as "Á" ("BÁN SAO").
    const bandHeight = 56;
    for (const edge of frameEdges(margin, y, width - 2 * margin, bandHeight, copyFrameDots)) items.push(edge);
    items.push({ kind: 'text', x: width / 2, y: y + copyTextInset, text: 'BẢN SAO', font: fontOf(styles.title), align: 'center' });
    y += bandHeight + 8;
  }
  text(receipt.agencyGroups, styles.heading);
  text(['Bộ phận tiếp nhận', 'và trả kết quả'], styles.note);
  rule();
  text('GIẤY TIẾP NHẬN HỒ SƠ', styles.title);
  text('VÀ HẸN TRẢ KẾT QUẢ', styles.title);
  gap(6);
  text(`Mã hồ sơ: ${receipt.dossierCode}`, { ...styles.strong, align: 'center' });
  gap(6);

  const modules = code128Modules(receipt.dossierCode);
  const moduleWidth = code128ModuleWidth(modules.length, width);
  const barHeight = 96;
  const left = Math.floor((width - modules.length * moduleWidth) / 2);
  let run = 0;
  for (let index = 0; index <= modules.length; index += 1) {
    if (modules[index] === '1') {
      run += 1;
      continue;
    }
    if (run > 0) items.push({ kind: 'rect', x: left + (index - run) * moduleWidth, y, width: run * moduleWidth, height: barHeight });
    run = 0;
  }
  y += barHeight;
  rule();

  text(`Người nộp: ${receipt.applicantName}`, styles.body);
  text(`Thủ tục: ${receipt.procedureName}`, styles.body);
  text(`Số giấy tờ đã nộp: ${receipt.papersCount}`, styles.body);
  if (receipt.presentedPapers && receipt.presentedPapers.length > 0) text(`Xuất trình (không nộp lại): ${receipt.presentedPapers.join('; ')}`, styles.body);
  text(`Lệ phí: ${formatFeeVnd(receipt.feeVnd)}`, styles.body);
  text(`Tiếp nhận lúc: ${formatDateTimeVi(receipt.receivedAt)}`, styles.body);
  text(`Hẹn trả kết quả: ${formatDateTimeVi(receipt.appointmentAt)}`, styles.strong);
  if (receipt.ledger) text(ledgerEntryText(receipt.ledger), styles.body);
  rule();

  const qr = qrMatrix(receipt.lookupUrl);
  const scale = 4;
  const qrLeft = Math.floor((width - qr.size * scale) / 2);
  gap(8);
  pushQr(items, qr, qrLeft, y, scale);
  y += qr.size * scale + 8;
  text('Quét mã để tra cứu tình trạng hồ sơ', styles.note);
  gap(24);

  return { width, height: y, items };
}

/** The same words as the A4 receipt: "Vào Sổ theo dõi hồ sơ, quyển số: 01/2026, số thứ tự: 12". */
export function ledgerEntryText(ledger: NonNullable<ThermalReceipt['ledger']>): string {
  return `Vào Sổ theo dõi hồ sơ${ledger.book ? `, quyển số: ${ledger.book}` : ''}, số thứ tự: ${ledger.line}`;
}

function pushQr(items: DrawItem[], qr: QrMatrix, left: number, top: number, scale: number): void {
  for (let row = 0; row < qr.size; row += 1) {
    let run = 0;
    for (let col = 0; col <= qr.size; col += 1) {
      if (col < qr.size && qr.isDark(col, row)) {
        run += 1;
        continue;
      }
      if (run > 0) items.push({ kind: 'rect', x: left + (col - run) * scale, y: top + row * scale, width: run * scale, height: scale });
      run = 0;
    }
  }
}

function frameEdges(x: number, y: number, width: number, height: number, thickness: number): DrawItem[] {
  return [
    { kind: 'rect', x, y, width, height: thickness },
    { kind: 'rect', x, y: y + height - thickness, width, height: thickness },
    { kind: 'rect', x, y, width: thickness, height },
    { kind: 'rect', x: x + width - thickness, y, width: thickness, height },
  ];
}
