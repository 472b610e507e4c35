import type { RxDocument } from 'rxdb';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { DeskStore } from '../../store/index.ts';
import { docToEvent } from '../../store/projector.ts';
import type { EventDoc } from '../../store/schemas/event-schema.ts';

const PAGE = 2_000;

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
 * The whole event log as JSON, read in id order by pages (the dossiers are projections of it,
 * so this is everything needed to rebuild the desk's data). Contains personal data in clear:
 * only an explicit officer action produces it.
 */
export async function exportEventLog(store: DeskStore, meta: { agencyId: string; deskId: string; nowMs: number }): Promise<Uint8Array<ArrayBuffer>> {
  const events: DossierEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const docs: RxDocument<EventDoc>[] = await store.database.events
      .find({ selector: after === null ? {} : { id: { $gt: after } }, sort: [{ id: 'asc' }], limit: PAGE })
      .exec();
    for (const doc of docs) {
      const event = docToEvent(doc.toMutableJSON());
      if (event) events.push(event);
    }
    if (docs.length < PAGE) break;
    after = docs[docs.length - 1]?.id ?? null;
  }
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
