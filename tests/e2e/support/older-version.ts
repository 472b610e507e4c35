import type { BrowserContext } from 'playwright-core';
import { runInDeskOrigin } from './desk-origin-script.ts';
import type { OlderVersionInput } from './older-version-entry.ts';

/**
 * Writes receipts (and their prints) into the desk database of `context` as an older version of the
 * app stored them, names as given, from a blank page of the renderer's origin. Call it while no
 * page of the context has the desk open.
 */
export function writeAsOlderVersion(context: BrowserContext, input: OlderVersionInput): Promise<Array<{ code: string; received: string; printed: string }>> {
  return runInDeskOrigin(context, new URL('./older-version-entry.ts', import.meta.url), 'writeAsOlderVersion', input);
}
