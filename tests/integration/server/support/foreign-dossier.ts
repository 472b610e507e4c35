import type { DossierEvent } from '../../../../src/dossier/events.ts';
import { projectDossier } from '../../../../src/dossier/projection.ts';
import type { Database } from '../../../../sync/server/db/database.ts';
import { canonicalText } from '../../../../sync/server/domain/canonical-hash.ts';
import { writeEventBatch } from '../../../../sync/server/repositories/event-batch.ts';

/**
 * Stores a dossier whose code another system issued (outside the desks' slot scheme), as an import
 * from that system would: through the server's own event writer, without a desk's push (a desk may
 * only push RECEIVED for codes of its own range, and that check stays). The RECEIVED event names
 * the desk and officer recorded in it; the dossier is granted to the event's unit.
 */
export async function storeDossierFromElsewhere(database: Database, received: DossierEvent, serverAt = new Date()): Promise<void> {
  const stored = canonicalText({ ...received, serverAt: null });
  const dossier = projectDossier([{ ...received, serverAt: serverAt.toISOString() } as DossierEvent]);
  await database.db.transaction().execute((trx) =>
    writeEventBatch(trx, {
      serverAt,
      events: [{ bodyHash: stored.hash, bodyJson: stored.json, dateFlags: [] }],
      grants: [{ code: received.dossierCode, unitId: received.unitId }],
      feed: [{ unitId: received.unitId, seq: { batch: 0 } }],
      projections: [{ dossier, lastBatchIndex: 0 }],
    }),
  );
}
