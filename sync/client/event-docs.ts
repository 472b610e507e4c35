import type { WithDeleted } from 'rxdb';
import { proposeTextCorrection } from '../../src/dossier/event-correction.ts';
import { parseEvent, readStoredEvent } from '../../src/dossier/events.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import { hasUnstorableCharacter, someText } from '../../src/text/allowed-characters.ts';
import { eventDocOf, eventOfDoc, rawEventOfDoc } from '../../renderer/store/replication-access.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';

/** A pulled wire event as the doc RxDB writes into the desk's event log, or why it cannot be. */
export type PulledEvent = { ok: true; doc: WithDeleted<EventDoc>; event: DossierEvent } | { ok: false; id: string; reason: string };

/** Pulled events were accepted by the server, maybe before the text rule: read as written. */
export function pulledEventOf(wire: Record<string, unknown>): PulledEvent {
  const { _deleted: _ignored, ...body } = wire;
  const parsed = readStoredEvent(body);
  if (!parsed.ok) return { ok: false, id: typeof body.id === 'string' ? body.id : '?', reason: parsed.error.message };
  return { ok: true, doc: { ...eventDocOf(parsed.value), _deleted: false }, event: parsed.value };
}

/** The event a stored doc holds, read as written: what our own stamps are rebuilt from. */
export function wireEventOf(doc: EventDoc): DossierEvent | null {
  return eventOfDoc(doc);
}

/** Why a stored event of ours stays on the desk instead of being sent. */
export interface Unsendable {
  code: string;
  message: string;
  path?: string;
  /** Taking the refused characters out makes it valid (src/dossier/event-correction.ts). */
  correctable: boolean;
}

/**
 * What to do with a stored event of ours that waits to be pushed. One the text rule admits is sent.
 * One holding text no database can store (NUL, a lone surrogate: an older version let it in) never
 * reached any server and is kept back, correctable. One with other refused characters is sent all
 * the same: an older server may have stored it before the rule (its answer lost), and the server
 * alone knows; a new one is refused there, naming it. One that no longer reads at all is kept back.
 */
export function outgoingEventOf(doc: EventDoc): { send: DossierEvent } | { keep: Unsendable } {
  const raw = rawEventOfDoc(doc);
  const admitted = parseEvent(raw);
  if (admitted.ok) return { send: admitted.value };
  const stored = readStoredEvent(raw);
  const path = admitted.error.path && admitted.error.path.length > 0 ? { path: admitted.error.path.join('.') } : {};
  if (!stored.ok) {
    return { keep: { code: 'event.unreadable', message: `Sự kiện lưu trên quầy không còn đọc được: ${admitted.error.message}`, ...path, correctable: false } };
  }
  if (admitted.error.code !== 'event.forbidden_character' || !someText(raw, hasUnstorableCharacter)) return { send: stored.value };
  return { keep: { code: admitted.error.code, message: admitted.error.message, ...path, correctable: proposeTextCorrection(raw).ok } };
}

/** Whether the server's refusal of `doc`'s event can be put right by a correction on the desk. */
export function isCorrectable(doc: EventDoc, refusalCode: string): boolean {
  return refusalCode === 'event.forbidden_character' && proposeTextCorrection(rawEventOfDoc(doc)).ok;
}

export function deskIdOfDoc(doc: EventDoc): string | null {
  const deskId = doc.event.deskId;
  return typeof deskId === 'string' ? deskId : null;
}

export function isStamped(doc: EventDoc): boolean {
  return typeof doc.event.serverAt === 'string';
}
