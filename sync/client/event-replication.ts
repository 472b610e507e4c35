import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import { proposeTextCorrection } from '../../src/dossier/event-correction.ts';
import type { DossierEvent } from '../../src/dossier/events.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import type { RxCollection } from 'rxdb';
import type { Backoff } from './backoff.ts';
import { isStamped, outgoingEventOf, pulledEventOf } from './event-docs.ts';
import { eventStream$ } from './event-stream.ts';
import type { StreamItem } from './event-stream.ts';
import type { HttpClient } from './http-client.ts';
import { SyncError } from './http-client.ts';
import { createPushedEvents, OWN_AS_STAMPS, OWN_IN_FULL, resolveOwnStamps } from './own-stamps.ts';
import type { Rejection, RejectionLog } from './rejections.ts';
import { pullPageSchema, pushResponseSchema } from './wire.ts';
import type { PullPage, SeqCheckpoint } from './wire.ts';

export const EVENTS_PULL_PATH = '/api/sync/events/pull';
export const EVENTS_PUSH_PATH = '/api/sync/events/push';
export const EVENTS_STREAM_PATH = '/api/sync/events/stream';

/** The server takes at most 1 MB per push (inflated); events are up to 64 KB each. */
const MAX_PUSH_BODY_BYTES = 900 * 1024;
/**
 * Big batches: on a slow link every request pays a round trip (300 ms on a bad rural line) while
 * a gzipped batch of 500 events is about 30 KB. Pushes stay at half the server's 1,000-event
 * maximum because the server writes one push at a time and other desks queue behind it; pulls
 * take the server's maximum.
 */
export const DEFAULT_PUSH_BATCH_SIZE = 500;
export const DEFAULT_PULL_BATCH_SIZE = 1000;
/** RxDB's fixed pause after a failed handler, before the backoff's own growing wait. */
const DEFAULT_RETRY_TIME_MS = 250;

export interface ReplicationHooks {
  /** A request reached the server and succeeded. */
  requestSucceeded(): void;
  requestFailed(error: SyncError): void;
  streamOpened(): void;
  streamClosed(error: SyncError): void;
  /** The server stored (or already had) these events. */
  acknowledged(ids: readonly string[], clockSkewMs: number | null): void;
  /** An event went into the quarantine ("Chưa gửi được"). */
  rejected(rejection: Rejection): void;
  /** Held events left the quarantine to be sent. */
  released(ids: readonly string[]): void;
}

export interface EventReplicationOptions {
  events: RxCollection<EventDoc>;
  http: HttpClient;
  /** Part of the replication id: a new server or desk starts from scratch. */
  identifier: string;
  rejections: RejectionLog;
  backoff: Backoff;
  clock: () => number;
  hooks: ReplicationHooks;
  live?: boolean;
  pushBatchSize?: number;
  pullBatchSize?: number;
  /** RxDB's fixed pause after a failed handler; the backoff adds its growing wait on top. */
  retryTimeMs?: number;
}

/** Statuses by which a server refuses what was sent (rather than the desk, its credential or the address). */
const CONTENT_REFUSALS = new Set([400, 409, 413, 422]);

/**
 * A refusal of what was sent: one of those statuses, with the provincial server's own error body
 * (`http.NNN` means something else answered, a proxy's page: that is an outage, not a verdict).
 */
function isContentRefusal(error: SyncError): boolean {
  return error.kind === 'refused' && CONTENT_REFUSALS.has(error.status ?? 0) && !error.code.startsWith('http.');
}

export interface EventReplication {
  replication: RxReplicationState<EventDoc, SeqCheckpoint>;
  /** Sends the held events whose blocker has gone through; resolves once they are sent (or throws why not). */
  releaseHeld(): Promise<void>;
}

/**
 * Replicates the desk's event log with the provincial server (RxDB `replicateRxCollection`).
 *
 * Events are append-only, so there are no conflicts to resolve. What can happen is a refusal, and
 * none may stall the desk (RxDB retries a failed batch forever, and nothing written after it would
 * leave). The server refuses a whole batch naming the first bad event: that event goes into the
 * quarantine ("Chưa gửi được", it stays in the log and on screen) and the rest is sent again
 * without it. A batch refused without a name (a body limit, a rule that names nothing) is halved
 * until the refused events are alone, and those are quarantined. An event that cannot be sent as
 * stored (it no longer reads, or holds text no database can store) is quarantined without asking.
 * Behind a quarantined event the officer can correct, the later events of its dossier are held,
 * not sent (they depend on it), and go once it has gone through.
 *
 * Anything else (offline, a 5xx, a proxy's error page, a refused credential) is thrown: RxDB
 * retries the batch later, which is safe because the server's push is idempotent. A 5xx is never
 * a reason to quarantine or to halve: it says the server failed, not which event, and a server
 * that is down fails every half too (see the README, "Chưa gửi được").
 */
export function startEventReplication(options: EventReplicationOptions): EventReplication {
  const { http, rejections, backoff, hooks, clock } = options;
  const pushBatchSize = options.pushBatchSize ?? DEFAULT_PUSH_BATCH_SIZE;
  const pullBatchSize = options.pullBatchSize ?? DEFAULT_PULL_BATCH_SIZE;

  type Quarantined = Pick<Rejection, 'path' | 'correctable' | 'heldBy'>;
  async function reject(event: { id: string; dossierCode: string; type: string }, direction: Rejection['direction'], code: string, message: string, extra: Quarantined = {}) {
    const rejection: Rejection = { eventId: event.id, dossierCode: event.dossierCode, type: event.type, direction, code, message, at: clock(), ...extra };
    await rejections.record(rejection);
    hooks.rejected(rejection);
  }

  /** Holds `event` back behind `blocker`, a quarantined event of the same dossier the officer can correct. */
  function hold(event: DossierEvent, blocker: string): Promise<void> {
    return reject(event, 'push', 'event.held', 'Chờ sửa một thao tác trước của hồ sơ này; sẽ tự gửi ngay sau thao tác đó.', { heldBy: blocker });
  }

  async function request<T>(attempt: () => Promise<T>): Promise<T> {
    await backoff.beforeAttempt();
    try {
      const result = await attempt();
      backoff.succeeded();
      hooks.requestSucceeded();
      return result;
    } catch (error) {
      const failure = error instanceof SyncError ? error : new SyncError('server', error instanceof Error ? error.message : String(error));
      // A refusal of what was sent is an answer, not an outage: the caller handles it.
      if (!(failure.kind === 'refused' && (failure.eventId || isContentRefusal(failure)))) {
        backoff.failed();
        hooks.requestFailed(failure);
      }
      throw failure;
    }
  }

  async function toDocs(page: PullPage): Promise<{ documents: WithDeleted<EventDoc>[]; checkpoint: SeqCheckpoint }> {
    const documents: WithDeleted<EventDoc>[] = [];
    for (const wire of page.documents) {
      const pulled = pulledEventOf(wire);
      if (pulled.ok) documents.push(pulled.doc);
      else {
        const code = typeof wire.dossierCode === 'string' ? wire.dossierCode : '?';
        await reject({ id: pulled.id, dossierCode: code, type: String(wire.type ?? '?') }, 'pull', 'event.unreadable', pulled.reason);
      }
    }
    return { documents, checkpoint: page.checkpoint };
  }

  const pushed = createPushedEvents();

  /** A page with our own events whole again, or null when a stamp cannot be resolved here. */
  function withOwnEvents(page: PullPage): Promise<PullPage | null> {
    return resolveOwnStamps(options.events, page, pushed.all);
  }

  async function pull(after: number, limit: number): Promise<PullPage> {
    const pageOf = (own: string) => request(() => http.get(`${EVENTS_PULL_PATH}?checkpoint=${after}&limit=${limit}&${own}`, pullPageSchema));
    return (await withOwnEvents(await pageOf(OWN_AS_STAMPS))) ?? pageOf(OWN_IN_FULL);
  }

  /**
   * Event ids the server acknowledged lately: how a held event knows its blocker went through
   * before the blocker's stamp is pulled back (the stamp tells it after that).
   */
  const acknowledged = new Set<string>();
  const ACKNOWLEDGED_KEPT = 20_000;

  /** Sends `events` in order, quarantining what the server refuses; throws on anything else. */
  async function pushAll(events: DossierEvent[]): Promise<void> {
    let remaining = await withoutHeld(events);
    while (remaining.length > 0) {
      const sending = remaining;
      try {
        const response = await request(() =>
          http.post(EVENTS_PUSH_PATH, sending.map((event) => ({ newDocumentState: event })), pushResponseSchema, {
            headers: { 'x-desk-time': String(clock()) },
            compress: true,
          }),
        );
        pushed.remember(sending);
        if (acknowledged.size > ACKNOWLEDGED_KEPT) acknowledged.clear();
        for (const event of sending) acknowledged.add(event.id);
        hooks.acknowledged(
          sending.map((event) => event.id),
          response.clockSkewMs ?? null,
        );
        return;
      } catch (error) {
        const refused = error instanceof SyncError && error.kind === 'refused' ? error : null;
        const culprit = refused?.eventId ? sending.find((event) => event.id === refused.eventId) : undefined;
        if (refused && culprit) {
          const correctable = refused.code === 'event.forbidden_character' && proposeTextCorrection(culprit).ok;
          await reject(culprit, 'push', refused.code, refused.message, { ...(refused.path ? { path: refused.path } : {}), correctable });
          remaining = sending.filter((event) => event !== culprit);
          if (correctable) remaining = await holdBehind(culprit, remaining);
          continue;
        }
        const unnamed = refused !== null && isContentRefusal(refused);
        if ((unnamed || refused?.status === 413) && sending.length > 1) {
          // Halved until the refused events are alone; the halves the server takes go through.
          const half = Math.ceil(sending.length / 2);
          await pushAll(sending.slice(0, half));
          await pushAll(sending.slice(half));
          return;
        }
        if (unnamed && refused && sending.length === 1) {
          const [alone] = sending as [DossierEvent];
          await reject(alone, 'push', refused.code, refused.message, refused.path ? { path: refused.path } : {});
          return;
        }
        throw error;
      }
    }
  }

  /**
   * `events` less those held (and recorded so) behind a correctable quarantined event of their
   * dossier, or behind one whose held events have not been released yet: they follow it in order.
   */
  async function withoutHeld(events: DossierEvent[]): Promise<DossierEvent[]> {
    const blockers = new Map<string, string>();
    for (const entry of await rejections.list()) {
      const root = entry.heldBy ?? (entry.direction === 'push' && entry.correctable ? entry.eventId : undefined);
      if (root === undefined) continue;
      const known = blockers.get(entry.dossierCode);
      if (known === undefined || root < known) blockers.set(entry.dossierCode, root);
    }
    if (blockers.size === 0) return events;
    const sending: DossierEvent[] = [];
    for (const event of events) {
      const blocker = blockers.get(event.dossierCode);
      // Ids are time-ordered (UUIDv7): a later id is a later event of the dossier.
      if (blocker !== undefined && blocker < event.id) await hold(event, blocker);
      else sending.push(event);
    }
    return sending;
  }

  async function holdBehind(blocker: DossierEvent, events: DossierEvent[]): Promise<DossierEvent[]> {
    const sending: DossierEvent[] = [];
    for (const event of events) {
      if (event.dossierCode === blocker.dossierCode && event.id > blocker.id) await hold(event, blocker.id);
      else sending.push(event);
    }
    return sending;
  }

  /**
   * Sends the events held behind quarantined ones that have gone through since (corrected, then
   * acknowledged or stamped), in their order. An entry leaves the quarantine once its event is
   * acknowledged; one the server refuses is quarantined with the server's reason instead.
   */
  let releasing: Promise<void> = Promise.resolve();
  function releaseHeld(): Promise<void> {
    releasing = releasing.then(async () => {
      const entries = await rejections.list();
      const quarantined = new Set(entries.filter((entry) => !entry.heldBy).map((entry) => entry.eventId));
      const waiting = entries.filter((entry) => entry.heldBy !== undefined && !quarantined.has(entry.heldBy));
      if (waiting.length === 0) return;
      const blockers = await options.events.findByIds([...new Set(waiting.map((entry) => entry.heldBy as string))]).exec();
      const through = (id: string) => acknowledged.has(id) || (blockers.get(id) ? isStamped(blockers.get(id)!.toMutableJSON()) : false);
      const ready = waiting.filter((entry) => through(entry.heldBy as string)).sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
      if (ready.length === 0) return;
      const docs = await options.events.findByIds(ready.map((entry) => entry.eventId)).exec();
      const released: Rejection[] = [];
      const sending: DossierEvent[] = [];
      for (const entry of ready) {
        const doc = docs.get(entry.eventId)?.toMutableJSON();
        if (!doc) continue;
        const outgoing = outgoingEventOf(doc);
        if ('keep' in outgoing) {
          // It cannot go as stored either: quarantined for that reason instead of held.
          const { code, message, ...extra } = outgoing.keep;
          await reject({ id: entry.eventId, dossierCode: entry.dossierCode, type: entry.type }, 'push', code, message, extra);
          continue;
        }
        await rejections.remove(entry.eventId);
        released.push(entry);
        sending.push(outgoing.send);
      }
      hooks.released(released.map((entry) => entry.eventId));
      try {
        await inOrder(() => pushAll(sending));
      } catch (error) {
        // Not sent (offline…): back in the quarantine as they were, to go with the next success.
        for (const entry of released) {
          if (acknowledged.has(entry.eventId) || (await rejections.has(entry.eventId))) continue;
          await rejections.record(entry);
          hooks.rejected(entry);
        }
        throw error;
      }
    });
    const run = releasing;
    releasing = releasing.catch(() => undefined);
    return run;
  }

  // RxDB may hand the push handler several batches at once (its upstream sends the batches of
  // one persist in parallel, e.g. after a failed push let changes pile up). The server checks
  // each event against what it already holds, so a dossier's events must arrive in the order the
  // desk wrote them: a RESOLVED overtaking its ACCEPTED would be refused as illegal. Batches
  // therefore go one at a time, in the order RxDB hands them over; when one fails, those queued
  // behind it fail too without being sent, and RxDB retries them after it, in the same order.
  let issued = 0;
  let failedBefore = 0;
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `task` after the pushes queued before it, in turn. */
  function inOrder<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }
  function push(rows: RxReplicationWriteToMasterRow<EventDoc>[]): Promise<WithDeleted<EventDoc>[]> {
    const ticket = issued;
    issued += 1;
    // Reading the events is the desk's share of a batch: done now, while the batches before it
    // are on the wire or at the server, not after them.
    const reading = readEvents(rows);
    reading.catch(() => undefined);
    return inOrder(async () => {
      if (ticket < failedBefore) throw new SyncError('network', 'Chờ gửi lại lô sự kiện trước.');
      try {
        for (const chunk of chunksBySize(await reading, MAX_PUSH_BODY_BYTES)) await pushAll(chunk);
        void releaseHeld().catch(() => undefined);
        return [];
      } catch (error) {
        failedBefore = issued;
        throw error;
      }
    });
  }

  /** The batch's events to send: quarantined ones left out, those that cannot be sent as stored quarantined. */
  async function readEvents(rows: RxReplicationWriteToMasterRow<EventDoc>[]): Promise<DossierEvent[]> {
    const events: DossierEvent[] = [];
    for (const row of rows) {
      const doc = row.newDocumentState;
      // Stamped means it came from the server (ours read back, or another desk's): never push it
      // back. RxDB offers such docs when a desk quit between writing pulled docs and their
      // replication metadata; another desk's event would be refused as not ours.
      if (isStamped(doc) || (await rejections.has(doc.id))) continue;
      const outgoing = outgoingEventOf(doc);
      if ('send' in outgoing) events.push(outgoing.send);
      else {
        const { code, message, ...extra } = outgoing.keep;
        await reject({ id: doc.id, dossierCode: doc.dossierCode, type: doc.type }, 'push', code, message, extra);
      }
    }
    return events;
  }

  const live = options.live ?? true;
  const replication = replicateRxCollection<EventDoc, SeqCheckpoint>({
    replicationIdentifier: options.identifier,
    collection: options.events,
    live,
    // Short: after a cut the backoff (and the stream reconnecting) decides when to try again.
    retryTime: options.retryTimeMs ?? DEFAULT_RETRY_TIME_MS,
    // One desk window, one database (multiInstance off): nobody to elect. Keep syncing while minimised.
    waitForLeadership: false,
    toggleOnDocumentVisible: false,
    push: { handler: push, batchSize: pushBatchSize },
    pull: {
      batchSize: pullBatchSize,
      handler: async (checkpoint, limit) => toDocs(await pull(checkpoint?.seq ?? 0, limit)),
      ...(live
        ? {
            stream$: eventStream$(http, `${EVENTS_STREAM_PATH}?${OWN_AS_STAMPS}`, {
              onOpen: () => {
                // The server is back: retry whatever waits without sitting out the backoff.
                backoff.wake();
                hooks.streamOpened();
              },
              onClose: hooks.streamClosed,
              // A stamp we cannot resolve here: pull from the checkpoint, which falls back to whole events.
              toDocs: async (page): Promise<StreamItem> => {
                const resolved = await withOwnEvents(page);
                return resolved ? toDocs(resolved) : 'RESYNC';
              },
            }),
          }
        : {}),
    },
  });
  // Forgotten once written stamped, not once resolved: RxDB drops stream batches that arrive
  // while it pushes, and the pull that follows needs the same events again.
  replication.received$.subscribe((doc) => pushed.forget([doc.id]));
  // Held events whose blocker went through while the desk was closed.
  void releaseHeld().catch(() => undefined);
  return { replication, releaseHeld };
}

function chunksBySize(events: DossierEvent[], maxBytes: number): DossierEvent[][] {
  const chunks: DossierEvent[][] = [];
  let current: DossierEvent[] = [];
  let size = 2;
  for (const event of events) {
    const bytes = new TextEncoder().encode(JSON.stringify(event)).length + 32;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(event);
    size += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
