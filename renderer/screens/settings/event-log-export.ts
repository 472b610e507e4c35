import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { DeskStore } from '../../store/index.ts';

export interface EventLogExport {
  format: 'motcua-event-log';
  version: 1;
  exportedAt: string;
  agencyId: string;
  deskId: string;
  eventCount: number;
  events: DossierEvent[];
}

/**
 * The whole event log as JSON, in id order (the dossiers are projections of it,
 * so this is everything needed to rebuild the desk's data). Contains personal data in clear:
 * only an explicit officer action produces it.
 */
export async function exportEventLog(store: DeskStore, meta: { agencyId: string; deskId: string; nowMs: number }): Promise<Uint8Array<ArrayBuffer>> {
  const events = await store.events.all();
  const payload: EventLogExport = {
    format: 'motcua-event-log',
    version: 1,
    exportedAt: new Date(meta.nowMs).toISOString(),
    agencyId: meta.agencyId,
    deskId: meta.deskId,
    eventCount: events.length,
    events,
  };
  return new TextEncoder().encode(JSON.stringify(payload)) as Uint8Array<ArrayBuffer>;
}
