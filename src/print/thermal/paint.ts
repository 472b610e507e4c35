import type { ReceiptLayout } from './layout.ts';

/** The slice of CanvasRenderingContext2D the receipt needs; src/ stays free of the DOM. */
export interface Canvas2DLike {
  fillStyle: unknown;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

/** A `MeasureText` backed by a canvas context. */
export const canvasMeasure =
  (context: Canvas2DLike) =>
  (text: string, font: string): number => {
    context.font = font;
    return context.measureText(text).width;
  };

/** Draws a laid-out receipt black on white; the canvas must be `layout.width × layout.height`. */
export function paintReceipt(context: Canvas2DLike, layout: ReceiptLayout): void {
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, layout.width, layout.height);
  context.fillStyle = '#000000';
  context.textBaseline = 'top';
  for (const item of layout.items) {
    if (item.kind === 'rect') {
      context.fillRect(item.x, item.y, item.width, item.height);
    } else {
      context.font = item.font;
      context.textAlign = item.align;
      context.fillText(item.text, item.x, item.y);
    }
  }
}
