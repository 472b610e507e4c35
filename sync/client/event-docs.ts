import type { WithDeleted } from 'rxdb';
import { parseEvent } from '../../src/dossier/events.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { eventDocOf, eventOfDoc } from '../../renderer/store/replication-access.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';

/** A pulled wire event as the doc RxDB writes into the desk's event log, or why it cannot be. */
export type PulledEvent = { ok: true; doc: WithDeleted<EventDoc>; event: DossierEvent } | { ok: false; id: string; reason: string };

export function pulledEventOf(wire: Record<string, unknown>): PulledEvent {
  const { _deleted: _ignored, ...body } = wire;
  const parsed = parseEvent(body);
  if (!parsed.ok) return { ok: false, id: typeof body.id === 'string' ? body.id : '?', reason: parsed.error.message };
  return { ok: true, doc: { ...eventDocOf(parsed.value), _deleted: false }, event: parsed.value };
}

/** The event to push for a stored doc, or null when it no longer parses. */
export function wireEventOf(doc: EventDoc): DossierEvent | null {
  return eventOfDoc(doc);
}

export function deskIdOfDoc(doc: EventDoc): string | null {
  const deskId = doc.event.deskId;
  return typeof deskId === 'string' ? deskId : null;
}

export function isStamped(doc: EventDoc): boolean {
  return typeof doc.event.serverAt === 'string';
}
