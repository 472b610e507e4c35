import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { DeskStore } from '../../../renderer/store/index.ts';
import { normalizeInstant } from '../../../renderer/store/instant.ts';
import { splitPersonal } from '../../../renderer/store/personal-data.ts';
import type { PlannedDossier } from '../../support/report-dataset.ts';

/** What a unit's desk holds after sync: the dossiers it received and those transferred to it. */
export function visibleTo(unitId: string, dossiers: readonly PlannedDossier[]): PlannedDossier[] {
  return dossiers.filter((d) => d.plan.unitId === unitId || d.plan.transferredTo === unitId);
}

/**
 * Puts events into a desk store the way a sync pull does (bulk insert into the replicated event
 * collection, then the projector catches up), which is far faster than one append per event.
 */
export async function seedDesk(store: DeskStore, events: readonly DossierEvent[]): Promise<void> {
  const BATCH = 2_000;
  for (let i = 0; i < events.length; i += BATCH) {
    const docs = events.slice(i, i + BATCH).map((event) => {
      const { clear, personal } = splitPersonal(event);
      return { id: event.id, dossierCode: event.dossierCode, type: event.type, at: normalizeInstant(event.at), event: clear, personal };
    });
    const result = await store.database.events.bulkInsert(docs);
    if (result.error.length > 0) throw new Error(`seed: ${result.error.length} events refused, first: ${JSON.stringify(result.error[0]).slice(0, 300)}`);
  }
  await store.projections.catchUp();
}
