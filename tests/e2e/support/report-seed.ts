import { build } from 'esbuild';
import type { BrowserContext } from 'playwright-core';
import { inject } from 'vitest';
import type { DossierEvent } from '../../../src/dossier/events.ts';

let bundle: Promise<string> | null = null;

function seedBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [new URL('./report-seed-entry.ts', import.meta.url).pathname],
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
 * Seeds the desk database of `context` with events (as a sync pull would), from a blank page of
 * the renderer's origin. Call it while no page of the context has the desk open.
 */
export async function seedDeskEvents(context: BrowserContext, events: readonly DossierEvent[]): Promise<number> {
  const url = new URL('seed-reports.html', inject('rendererUrl')).toString();
  const page = await context.newPage();
  try {
    await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }));
    await page.goto(url);
    await page.addScriptTag({ content: await seedBundle() });
    return await page.evaluate((list) => (window as unknown as { seedReportEvents(e: unknown[]): Promise<number> }).seedReportEvents(list), events as unknown[]);
  } finally {
    await page.close();
  }
}
