import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import type { ThermalReceipt } from '../../../src/print/thermal/receipt.ts';
import { chromiumArgs, findChromium } from '../../e2e/support/chromium.ts';

const thermalDir = fileURLToPath(new URL('../../../src/print/thermal/', import.meta.url));

/** The receipt painter bundled for the page, exactly as the renderer would ship it. */
async function bundlePainter(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { layoutReceipt } from './layout.ts';
        import { canvasMeasure, paintReceipt } from './paint.ts';
        window.renderReceiptPng = (receipt, fontFamily) => {
          const canvas = document.createElement('canvas');
          const context = canvas.getContext('2d');
          const layout = layoutReceipt(receipt, canvasMeasure(context), { fontFamily });
          canvas.width = layout.width;
          canvas.height = layout.height;
          paintReceipt(context, layout);
          return canvas.toDataURL('image/png');
        };`,
      resolveDir: thermalDir,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export interface ReceiptRenderer {
  render(receipt: ThermalReceipt): Promise<Buffer>;
  close(): Promise<void>;
}

/** Draws receipts the way the renderer does: Chromium canvas, 576 dots wide, PNG out. */
export async function startReceiptRenderer(): Promise<ReceiptRenderer> {
  const script = await bundlePainter();
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  const page = await browser.newPage();
  await page.setContent('<!doctype html><html lang="vi"><meta charset="utf-8"><body></body></html>');
  await page.addScriptTag({ content: script });
  return {
    async render(receipt) {
      const dataUrl = await page.evaluate(
        ([value, font]) => (window as unknown as { renderReceiptPng: (r: unknown, f: string) => string }).renderReceiptPng(value, font),
        [receipt, '"DejaVu Sans", "Noto Sans", Arial, sans-serif'] as const,
      );
      return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
    },
    close: () => browser.close(),
  };
}
