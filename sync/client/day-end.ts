import { getChangedDocumentsSince } from 'rxdb';
import type { RxCollection } from 'rxdb';
import { instantAt, localDateOf } from '../../src/time/vn-time.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import { deskIdOfDoc, isStamped } from './event-docs.ts';
import type { Rejection } from './rejections.ts';

export type DayEndStage = 'sending' | 'receiving' | 'uploading' | 'projecting' | 'reference' | 'done';

export interface DayEndProgress {
  stage: DayEndStage;
  /** Events waiting when the cycle started. */
  pendingAtStart: number;
  sent: number;
  received: number;
  rejected: number;
}

/**
 * What the desk exchanged with the server today, however it went: live sync during the day and
 * every day-end cycle alike. "Today" starts at local midnight (Vietnam time) on the desk clock:
 * an officer pressing "Đồng bộ cuối ngày" twice, or again after a failed attempt, sees the same
 * day's figures, not what happened to be left for the last cycle (usually nothing, since live
 * sync had already sent it).
 */
export interface DayTotals {
  /** Local midnight that starts the counted day, desk clock (ms). */
  since: number;
  /** Events (thao tác) of this desk the server accepted today. */
  sent: number;
  /** The dossiers those events belong to: what an officer counts ("đã gửi 1 hồ sơ, 6 thao tác"). */
  sentDossiers: number;
  /** Events of other desks that arrived on this desk today. */
  received: number;
  /** The dossiers those events belong to. */
  receivedDossiers: number;
  /** Refused today (by the server, or unreadable when pulled), with the reasons, oldest first. */
  rejected: Rejection[];
}

export interface DayEndReport {
  ok: boolean;
  startedAt: number;
  finishedAt: number;
  /** Events of this desk the server accepted during the cycle. */
  sent: number;
  /** Events from other desks that arrived during the cycle. */
  received: number;
  /** Refused during the cycle, with the server's reasons. */
  rejected: Rejection[];
  /** Refused before this cycle and still on the desk. */
  rejectedEarlier: number;
  /** Events still waiting after the cycle (0 when all went through). */
  pendingAfter: number;
  /** Why the cycle could not finish (offline, server error). */
  error: string | null;
  /** The day so far, this cycle included: what the report shows first. */
  today: DayTotals;
  /** Counter consultations sent in this cycle, refused in it, and still waiting after it. */
  consultations?: { sent: number; rejected: number; pendingAfter: number };
  /** Scanned papers uploaded in this cycle and still waiting after it (only when the desk keeps files). */
  attachments?: { uploaded: number; pendingAfter: number };
}

/** Local midnight (Vietnam time) of the day `nowMs` falls in. */
export function startOfLocalDay(nowMs: number): number {
  return instantAt(localDateOf(nowMs), 0);
}

export interface DayTallyInput {
  deskId: string;
  since: number;
  /** Events the server acknowledged in this session, with when (desk clock, ms). */
  acknowledged: ReadonlyMap<string, number>;
  /** The desk's rejection log. */
  rejections: readonly Rejection[];
}

/**
 * Adds up a day from the event docs written on the desk since `since` (whatever their order):
 * our own events count as sent once the server stamped them today, or acknowledged them today
 * (the stamped copy may not be back yet); other desks' events as received.
 */
export interface DayTally {
  add(doc: EventDoc): void;
  /** Our events counted as sent whose dossier is not known yet (written before the day began). */
  sentWithoutDossier(): string[];
  /** Names the dossier of one of our events read for `sentWithoutDossier`, counting nothing else. */
  learnDossier(doc: Pick<EventDoc, 'id' | 'dossierCode'>): void;
  totals(): DayTotals;
}

export function createDayTally(input: DayTallyInput): DayTally {
  const sent = new Set<string>();
  const dossierOf = new Map<string, string>();
  let received = 0;
  const receivedDossiers = new Set<string>();
  const sentIds = () => {
    const ids = new Set(sent);
    for (const [id, at] of input.acknowledged) if (at >= input.since) ids.add(id);
    for (const rejection of todaysRejections()) ids.delete(rejection.eventId);
    return ids;
  };
  const todaysRejections = () =>
    input.rejections.filter((r) => r.at >= input.since).sort((a, b) => a.at - b.at || (a.eventId < b.eventId ? -1 : 1));
  return {
    add(doc) {
      if (deskIdOfDoc(doc) !== input.deskId) {
        received += 1;
        receivedDossiers.add(doc.dossierCode);
        return;
      }
      dossierOf.set(doc.id, doc.dossierCode);
      if (isStamped(doc) && Date.parse(String(doc.event.serverAt)) >= input.since) sent.add(doc.id);
    },
    sentWithoutDossier: () => [...sentIds()].filter((id) => !dossierOf.has(id)),
    learnDossier(doc) {
      dossierOf.set(doc.id, doc.dossierCode);
    },
    totals() {
      const ids = [...sentIds()];
      // An event whose doc could not be read still went: it counts as a dossier of its own.
      const dossiers = new Set(ids.map((id) => dossierOf.get(id) ?? `event:${id}`));
      return { since: input.since, sent: ids.length, sentDossiers: dossiers.size, received, receivedDossiers: receivedDossiers.size, rejected: todaysRejections() };
    },
  };
}

const PAGE = 500;

/**
 * The day's totals from the store. Only docs written since midnight are read (RxDB's change
 * order, from `since` on), so the cost is today's traffic, not the whole log.
 */
export async function countDay(events: RxCollection<EventDoc>, input: DayTallyInput): Promise<DayTotals> {
  const tally = createDayTally(input);
  // Writes at or after `since`: the checkpoint (lwt, id) is exclusive, and every id sorts after ''.
  let checkpoint: { id: string; lwt: number } = { id: '', lwt: input.since };
  for (;;) {
    const page = await getChangedDocumentsSince(events.storageInstance, PAGE, checkpoint);
    for (const doc of page.documents) tally.add(doc);
    if (page.documents.length < PAGE) break;
    checkpoint = page.checkpoint as { id: string; lwt: number };
  }
  const unnamed = tally.sentWithoutDossier();
  if (unnamed.length > 0) {
    const docs = await events.findByIds(unnamed).exec();
    for (const doc of docs.values()) tally.learnDossier(doc.toMutableJSON());
  }
  return tally.totals();
}
