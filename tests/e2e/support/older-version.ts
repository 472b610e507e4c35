import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import type { OlderVersionInput } from './older-version-entry.ts';

let bundle: Promise<string> | null = null;

function entryBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [new URL('./older-version-entry.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundle;
}

/**
 * Writes receipts (and their prints) into the desk database of `context` as an older version of the
 * app stored them, names as given, from a blank page of the renderer's origin. Call it while no
 * page of the context has the desk open.
 */
export async function writeAsOlderVersion(context: BrowserContext, input: OlderVersionInput): Promise<Array<{ code: string; received: string; printed: string }>> {
  const url = new URL('older-version.html', inject('rendererUrl')).toString();
  const page = await context.newPage();
  try {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>older version</title>' }));
    await page.goto(url);
    await page.addScriptTag({ content: await entryBundle() });
    return await page.evaluate(
      (value) => (window as unknown as { writeAsOlderVersion(i: OlderVersionInput): Promise<Array<{ code: string; received: string; printed: string }>> }).writeAsOlderVersion(value),
      input,
    );
  } finally {
    await page.close();
  }
}
