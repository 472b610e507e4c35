import { describe, expect, it } from 'vitest';
import { code128Modules, code128ModuleWidth } from '../../../../src/print/thermal/barcode-modules.ts';
import { layoutReceipt, receiptWidthDots, wrapGroups, wrapText, type DrawItem, type MeasureText } from '../../../../src/print/thermal/layout.ts';
import { paintReceipt, canvasMeasure, type Canvas2DLike } from '../../../../src/print/thermal/paint.ts';
import { formatDateTimeVi, formatFeeVnd, thermalReceiptSchema, type ThermalReceipt } from '../../../../src/print/thermal/receipt.ts';
import { retryIsCopy } from '../../../../src/print/thermal/reprint.ts';

/** Every character half as wide as the font is tall: close enough to a real font for layout rules. */
const measure: MeasureText = (text, font) => text.length * (Number(/(\d+)px/.exec(font)?.[1] ?? 24) / 2);

const receipt: ThermalReceipt = {
  agencyGroups: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH'],
  dossierCode: '000.00.12.H23-251124-1001',
  applicantName: 'Nguyễn Thị Phương Thảo Bảo Ngọc Hoàng Anh',
  procedureName: 'Cấp bản sao Trích lục hộ tịch',
  receivedAt: '2025-11-24T09:00',
  appointmentAt: '2025-11-24T17:00',
  papersCount: 2,
  feeVnd: 8000,
  lookupUrl: 'http://localhost:8080/tra-cuu?ma=000.00.12.H23-251124-1001',
  copy: false,
};

const texts = (items: DrawItem[]) => items.filter((item) => item.kind === 'text').map((item) => item.text);

describe('80 mm receipt layout', () => {
  it('keeps every item inside the 576-dot paper width', () => {
    const layout = layoutReceipt(receipt, measure, { fontFamily: 'Noto Sans' });
    expect(layout.width).toBe(receiptWidthDots);
    for (const item of layout.items) {
      if (item.kind === 'rect') expect(item.x + item.width).toBeLessThanOrEqual(receiptWidthDots);
      else if (item.align === 'left') expect(item.x + measure(item.text, item.font)).toBeLessThanOrEqual(receiptWidthDots);
    }
  });

  it('draws the Code 128 bars of the exact dossier code with whole-dot modules', () => {
    const layout = layoutReceipt(receipt, measure, { fontFamily: 'Noto Sans' });
    const modules = code128Modules(receipt.dossierCode);
    const moduleWidth = code128ModuleWidth(modules.length, receiptWidthDots);
    expect(Number.isInteger(moduleWidth)).toBe(true);
    const barTop = layout.items.find((item) => item.kind === 'rect' && item.height === 96);
    const bars = layout.items.filter((item): item is Extract<DrawItem, { kind: 'rect' }> => item.kind === 'rect' && item.y === barTop?.y && item.height === 96);
    const left = bars[0]!.x;
    const rebuilt = Array.from({ length: modules.length }, (_, i) =>
      bars.some((bar) => left + i * moduleWidth >= bar.x && left + i * moduleWidth < bar.x + bar.width) ? '1' : '0',
    ).join('');
    expect(rebuilt).toBe(modules);
  });

  it('prints the Vietnamese fields as text, wraps long names, and marks copies', () => {
    const original = texts(layoutReceipt(receipt, measure, { fontFamily: 'Noto Sans' }).items);
    expect(original).toContain('GIẤY TIẾP NHẬN HỒ SƠ');
    expect(original).toContain('Hẹn trả kết quả: 17:00 ngày 24/11/2025');
    expect(original).toContain('Lệ phí: 8.000 đồng');
    expect(original.filter((line) => line.includes('Người nộp') || line.includes('Anh')).length).toBeGreaterThan(1);
    expect(original).not.toContain('BẢN SAO');
    expect(texts(layoutReceipt({ ...receipt, copy: true }, measure, { fontFamily: 'Noto Sans' }).items)).toContain('BẢN SAO');
  });

  it('leaves room in the copy band for the hook above "Ả", so it never reads "BÁN SAO"', () => {
    const items = layoutReceipt({ ...receipt, copy: true }, measure, { fontFamily: 'Noto Sans' }).items;
    const mark = items.find((item) => item.kind === 'text' && item.text === 'BẢN SAO');
    const frameTop = items.find((item) => item.kind === 'rect' && item.width >= receiptWidthDots - 8 && item.y <= (mark?.y ?? 0));
    if (!mark || !frameTop || frameTop.kind !== 'rect') throw new Error('no copy band');
    const size = Number(/(\d+)px/.exec(mark.kind === 'text' ? mark.font : '')?.[1]);
    // Stacked Vietnamese capitals rise about a third of the font size above the em box.
    expect(mark.y - (frameTop.y + frameTop.height)).toBeGreaterThanOrEqual(Math.ceil(size / 3));
  });

  it('wraps at spaces and cuts a word longer than a line', () => {
    expect(wrapText('một hai ba', 7 * 12, '24px x', measure)).toEqual(['một hai', 'ba']);
    expect(wrapText('abcdefghij', 4 * 12, '24px x', measure)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('   ', 100, '24px x', measure)).toEqual([]);
  });

  it('paints every item black on a white page through any 2D canvas', () => {
    const calls: string[] = [];
    const context: Canvas2DLike = {
      fillStyle: '',
      font: '',
      textAlign: '',
      textBaseline: '',
      fillRect: (x, y, w, h) => calls.push(`rect ${x} ${y} ${w} ${h}`),
      fillText: (text) => calls.push(`text ${text}`),
      measureText: (text) => ({ width: text.length * 10 }),
    };
    const layout = layoutReceipt(receipt, canvasMeasure(context), { fontFamily: 'Noto Sans' });
    paintReceipt(context, layout);
    expect(calls[0]).toBe(`rect 0 0 ${layout.width} ${layout.height}`);
    expect(calls).toHaveLength(layout.items.length + 1);
    expect(context.fillStyle).toBe('#000000');
  });
});

describe('thermal receipt data', () => {
  it('formats times and fees the Vietnamese way', () => {
    expect(formatDateTimeVi('2025-07-01T14:05')).toBe('14:05 ngày 01/07/2025');
    expect(formatFeeVnd(0)).toBe('Miễn phí');
    expect(formatFeeVnd(1250000)).toBe('1.250.000 đồng');
  });

  it('rejects a dossier code the printer could not encode and a bad time', () => {
    expect(thermalReceiptSchema.safeParse(receipt).success).toBe(true);
    expect(thermalReceiptSchema.safeParse({ ...receipt, dossierCode: 'mã-hồ-sơ' }).success).toBe(false);
    expect(thermalReceiptSchema.safeParse({ ...receipt, receivedAt: '24/11/2025 09:00' }).success).toBe(false);
  });

  it('makes a retry a copy unless the failure surely printed nothing', () => {
    expect(retryIsCopy({ printed: 'no' })).toBe(false);
    expect(retryIsCopy({ printed: 'maybe' })).toBe(true);
  });
});

describe('the receipt header breaks between words, never inside one', () => {
  const font = '24px x';
  const width = (chars: number) => chars * 12;

  it('keeps "ỦY BAN NHÂN DÂN" and the unit\u2019s name each whole when the line is too narrow for both', () => {
    const groups = ['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH'];
    expect(wrapGroups(groups, width(40), font, measure)).toEqual(['ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH']);
    // Room for "ỦY BAN NHÂN DÂN PHƯỜNG BA" but not "ĐÌNH": a plain word wrap would split the name.
    expect(wrapText(groups.join(' '), width(26), font, measure)).toEqual(['ỦY BAN NHÂN DÂN PHƯỜNG BA', 'ĐÌNH']);
    expect(wrapGroups(groups, width(26), font, measure)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG BA ĐÌNH']);
  });

  it('wraps a group wider than a whole line at its spaces, never inside a word', () => {
    const lines = wrapGroups(['ỦY BAN NHÂN DÂN', 'XÃ CHIỀNG SƠ THƯỢNG LÂM BÌNH'], width(16), font, measure);
    expect(lines).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ CHIỀNG SƠ', 'THƯỢNG LÂM BÌNH']);
  });

  it('lays the agency out by its groups on the 80 mm receipt', () => {
    const narrow: MeasureText = (text, f) => text.length * (Number(/(\d+)px/.exec(f)?.[1] ?? 24) * 1.05);
    const items = layoutReceipt({ ...receipt, agencyGroups: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG NAM TỪ LIÊM'] }, narrow, { fontFamily: 'Noto Sans' }).items;
    const lines = texts(items);
    expect(lines).toContain('ỦY BAN NHÂN DÂN');
    expect(lines).toContain('PHƯỜNG NAM TỪ LIÊM');
    expect(lines).toContain('Bộ phận tiếp nhận');
    expect(lines).toContain('và trả kết quả');
  });

  it('prints papers only shown at the desk as such', () => {
    const lines = texts(layoutReceipt({ ...receipt, presentedPapers: ['Căn cước công dân'] }, measure, { fontFamily: 'Noto Sans' }).items);
    expect(lines).toContain('Xuất trình (không nộp lại): Căn cước công dân');
    expect(texts(layoutReceipt(receipt, measure, { fontFamily: 'Noto Sans' }).items).some((line) => line.startsWith('Xuất trình'))).toBe(false);
  });
});
