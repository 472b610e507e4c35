import type { BrowserContext } from 'playwright-core';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { runInDeskOrigin } from './desk-origin-script.ts';

/**
 * Seeds the desk database of `context` with events (as a sync pull would), from a blank page of
 * the renderer's origin. Call it while no page of the context has the desk open.
 */
export function seedDeskEvents(context: BrowserContext, events: readonly DossierEvent[]): Promise<number> {
  return runInDeskOrigin(context, new URL('./report-seed-entry.ts', import.meta.url), 'seedReportEvents', events);
}
