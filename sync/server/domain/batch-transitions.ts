import type { Anomaly } from '../../../src/dossier/dossier-state.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { projectDossier, type ProjectedDossier } from '../../../src/dossier/projection.ts';

export interface AddedEvent {
  /** Stamped with the server time. */
  event: DossierEvent;
  /** Its position in the pushed batch. */
  index: number;
}

export interface BatchProjection {
  /** The dossier with its stored and added events. */
  dossier: ProjectedDossier;
  /** The first added event (batch order) the state machine refuses, if any. */
  refused: { index: number; anomaly: Anomaly } | null;
}

/**
 * Projects a dossier's stored events plus a batch's new ones (in batch order) and finds the first
 * new event the state machine refuses, with the answer checking each new event after the ones
 * before it in the batch would give. An event's anomaly depends only on the events the projection
 * orders before it, so when the new events are in projection order already (a desk pushes its
 * events in the order it made them) one projection answers for all of them; otherwise each new
 * event is checked on its own prefix.
 */
export function projectWithBatch(stored: readonly DossierEvent[], added: readonly AddedEvent[]): BatchProjection {
  const dossier = projectDossier([...stored, ...added.map((a) => a.event)]);
  const position = new Map(dossier.eventIds.map((id, at) => [id, at]));
  const inProjectionOrder = added.every((a, at) => at === 0 || (position.get(a.event.id) ?? 0) > (position.get(added[at - 1]?.event.id ?? '') ?? 0));
  if (inProjectionOrder) {
    for (const a of added) {
      const anomaly = dossier.anomalies.find((x) => x.eventId === a.event.id);
      if (anomaly) return { dossier, refused: { index: a.index, anomaly } };
    }
    return { dossier, refused: null };
  }
  for (let at = 0; at < added.length; at += 1) {
    const current = added[at] as AddedEvent;
    const prefix = projectDossier([...stored, ...added.slice(0, at + 1).map((a) => a.event)]);
    const anomaly = prefix.anomalies.find((x) => x.eventId === current.event.id);
    if (anomaly) return { dossier, refused: { index: current.index, anomaly } };
  }
  return { dossier, refused: null };
}
