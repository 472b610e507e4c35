import { describe, expect, it } from 'vitest';
import type { DraftPart } from '../../../renderer/attachments/draft-parts.ts';
import { draftBytes, movePart, pageCount, pageLabels, removePart, toPaperParts } from '../../../renderer/attachments/draft-parts.ts';
import { storedPageSize } from '../../../renderer/attachments/page-size.ts';

const jpeg = (id: string, size = 10): DraftPart => ({ id, kind: 'jpeg', bytes: new Uint8Array(size), width: 1654, height: 2339, dpi: 200, label: `${id}.jpg` });
const pdf = (id: string, pages: number): DraftPart => ({ id, kind: 'pdf', bytes: new Uint8Array(100), pages, label: `${id}.pdf` });

describe('the pages of a paper being digitised', () => {
  const parts = [jpeg('a'), pdf('b', 3), jpeg('c', 20)];

  it('moves a part up or down, and not past either end', () => {
    expect(movePart(parts, 'b', -1).map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(movePart(parts, 'b', 1).map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(movePart(parts, 'a', -1).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(movePart(parts, 'c', 1).map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(movePart(parts, 'missing', 1).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('removes a part, counts pages and bytes, and labels where each part’s pages fall', () => {
    expect(removePart(parts, 'b').map((p) => p.id)).toEqual(['a', 'c']);
    expect(pageCount(parts)).toBe(5);
    expect(draftBytes(parts)).toBe(130);
    expect(pageLabels(parts)).toEqual(['Trang 1', 'Trang 2–4', 'Trang 5']);
  });

  it('hands the assembler images with their size and dpi, and imported PDFs whole', () => {
    expect(toPaperParts([jpeg('a'), pdf('b', 2)])).toEqual([
      { kind: 'jpeg', bytes: new Uint8Array(10), width: 1654, height: 2339, dpi: 200 },
      { kind: 'pdf', bytes: new Uint8Array(100) },
    ]);
  });
});

describe('storedPageSize', () => {
  it('brings a large scan down to an A4 page at 200 dpi, keeping its proportions', () => {
    expect(storedPageSize(4960, 7016)).toEqual({ width: 1654, height: 2339, dpi: 200 }); // A4 at 600 dpi
    expect(storedPageSize(7016, 4960)).toEqual({ width: 2339, height: 1654, dpi: 200 }); // landscape
  });

  it('never enlarges a smaller image, and gives it the dpi of an A4 page of that size', () => {
    expect(storedPageSize(1280, 960)).toEqual({ width: 1280, height: 960, dpi: 109 });
    expect(storedPageSize(1, 1)).toEqual({ width: 1, height: 1, dpi: 1 });
  });
});
