import type { RxCollection } from 'rxdb';
import { proposeTextCorrection } from '../../src/dossier/event-correction.ts';
import type { EventCorrection } from '../../src/dossier/event-correction.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { DomainError } from '../../src/errors.ts';
import type { DeskStore } from '../../renderer/store/index.ts';
import { eventOfDoc, rawEventOfDoc } from '../../renderer/store/replication-access.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import { isStamped } from './event-docs.ts';
import type { Rejection, RejectionLog } from './rejections.ts';

/** One event of "Chưa gửi được": why it is there, the event as stored, and its correction when there is one. */
export interface UnsentEvent {
  rejection: Rejection;
  /** The event exactly as stored (personal fields joined back): what the export holds. */
  raw: unknown;
  /** The event read as written, or null when it does not read at all. */
  event: DossierEvent | null;
  /** The text correction the officer may confirm; null for a held event or another problem. */
  correction: EventCorrection | null;
}

/**
 * The events this desk has not managed to send, oldest first, each with its reason. An entry whose
 * event reached the server after all (stamped) is not listed.
 */
export async function listUnsent(events: RxCollection<EventDoc>, rejections: RejectionLog): Promise<UnsentEvent[]> {
  const entries = (await rejections.list()).filter((entry) => entry.direction === 'push');
  const docs = await events.findByIds(entries.map((entry) => entry.eventId)).exec();
  const unsent: UnsentEvent[] = [];
  for (const rejection of entries) {
    const doc = docs.get(rejection.eventId)?.toMutableJSON();
    if (!doc || isStamped(doc)) continue;
    const raw = rawEventOfDoc(doc);
    const proposal = rejection.heldBy === undefined && rejection.code === 'event.forbidden_character' ? proposeTextCorrection(raw) : null;
    unsent.push({ rejection, raw, event: eventOfDoc(doc), correction: proposal?.ok ? proposal.value : null });
  }
  return unsent;
}

/**
 * Corrects a quarantined event (its refused characters taken out, as proposed) and lets it go: the
 * entry leaves the quarantine first, so that the push no longer skips it, then the stored event is
 * replaced in place (same id: it never reached the server) and RxDB's change stream sends it like
 * any new write. The events held behind it follow once the server has acknowledged it.
 */
export async function correctUnsent(store: DeskStore, events: RxCollection<EventDoc>, rejections: RejectionLog, eventId: string): Promise<DossierEvent> {
  const entry = await rejections.get(eventId);
  const doc = (await events.findOne(eventId).exec())?.toMutableJSON();
  if (!entry || entry.heldBy !== undefined || !doc || isStamped(doc)) {
    throw new DomainError('correction.not_quarantined', 'Thao tác này không nằm trong danh sách chưa gửi được, hoặc đang chờ thao tác khác.');
  }
  const proposal = proposeTextCorrection(rawEventOfDoc(doc));
  if (!proposal.ok) throw proposal.error;
  await rejections.remove(eventId);
  try {
    return await store.events.correctUnsent(proposal.value.corrected);
  } catch (error) {
    await rejections.record(entry);
    throw error;
  }
}
