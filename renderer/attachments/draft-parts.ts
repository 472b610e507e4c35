import type { PaperPart } from '../../src/attachments/assemble-pdf.ts';

/** One piece of a paper being digitised: a compressed page image, or a PDF imported whole. */
export type DraftPart =
  | { id: string; kind: 'jpeg'; bytes: Uint8Array; width: number; height: number; dpi: number; label: string }
  | { id: string; kind: 'pdf'; bytes: Uint8Array; pages: number; label: string };

/** Moves a part up (-1) or down (+1); a move past either end leaves the order as it is. */
export function movePart(parts: readonly DraftPart[], id: string, step: -1 | 1): DraftPart[] {
  const from = parts.findIndex((part) => part.id === id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= parts.length) return [...parts];
  const next = [...parts];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export function removePart(parts: readonly DraftPart[], id: string): DraftPart[] {
  return parts.filter((part) => part.id !== id);
}

export function pageCount(parts: readonly DraftPart[]): number {
  return parts.reduce((sum, part) => sum + (part.kind === 'pdf' ? part.pages : 1), 0);
}

export function draftBytes(parts: readonly DraftPart[]): number {
  return parts.reduce((sum, part) => sum + part.bytes.length, 0);
}

/** Where each part's pages start in the assembled file: "Trang 3", "Trang 4–6". */
export function pageLabels(parts: readonly DraftPart[]): string[] {
  let next = 1;
  return parts.map((part) => {
    const count = part.kind === 'pdf' ? part.pages : 1;
    const label = count === 1 ? `Trang ${next}` : `Trang ${next}–${next + count - 1}`;
    next += count;
    return label;
  });
}

export function toPaperParts(parts: readonly DraftPart[]): PaperPart[] {
  return parts.map((part) =>
    part.kind === 'pdf' ? { kind: 'pdf', bytes: part.bytes } : { kind: 'jpeg', bytes: part.bytes, width: part.width, height: part.height, dpi: part.dpi },
  );
}
