import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb';
import type { DossierEvent } from '../../src/dossier/events.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import type { RxCollection } from 'rxdb';
import type { Backoff } from './backoff.ts';
import { isStamped, pulledEventOf, wireEventOf } from './event-docs.ts';
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
  rejected(rejection: Rejection): void;
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

/**
 * Replicates the desk's event log with the provincial server (RxDB `replicateRxCollection`).
 *
 * Events are append-only, so there are no conflicts to resolve. What can happen is a refusal:
 * the server rejects a whole batch naming the first bad event. That event is recorded as
 * refused (it stays in the log and on screen), and the rest of the batch is sent again without
 * it, so one bad event never blocks the desk. Anything else (offline, server down) is thrown:
 * RxDB retries the batch later, which is safe because the server's push is idempotent.
 */
export function startEventReplication(options: EventReplicationOptions): RxReplicationState<EventDoc, SeqCheckpoint> {
  const { http, rejections, backoff, hooks, clock } = options;
  const pushBatchSize = options.pushBatchSize ?? DEFAULT_PUSH_BATCH_SIZE;
  const pullBatchSize = options.pullBatchSize ?? DEFAULT_PULL_BATCH_SIZE;

  async function reject(event: { id: string; dossierCode: string; type: string }, direction: Rejection['direction'], code: string, message: string) {
    const rejection: Rejection = { eventId: event.id, dossierCode: event.dossierCode, type: event.type, direction, code, message, at: clock() };
    await rejections.record(rejection);
    hooks.rejected(rejection);
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
      // A refusal naming one of our events is an answer, not an outage: the caller handles it.
      if (!(failure.kind === 'refused' && failure.eventId)) {
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

  async function pushAll(events: DossierEvent[]): Promise<void> {
    let remaining = events;
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
        hooks.acknowledged(
          sending.map((event) => event.id),
          response.clockSkewMs ?? null,
        );
        return;
      } catch (error) {
        const refused = error instanceof SyncError && error.kind === 'refused' ? error : null;
        const culprit = refused?.eventId ? sending.find((event) => event.id === refused.eventId) : undefined;
        if (refused && culprit) {
          await reject(culprit, 'push', refused.code, refused.message);
          remaining = sending.filter((event) => event !== culprit);
          continue;
        }
        if (refused?.status === 413 && sending.length > 1) {
          const half = Math.ceil(sending.length / 2);
          await pushAll(sending.slice(0, half));
          await pushAll(sending.slice(half));
          return;
        }
        throw error;
      }
    }
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
  function push(rows: RxReplicationWriteToMasterRow<EventDoc>[]): Promise<WithDeleted<EventDoc>[]> {
    const ticket = issued;
    issued += 1;
    // Reading the events is the desk's share of a batch: done now, while the batches before it
    // are on the wire or at the server, not after them.
    const reading = readEvents(rows);
    reading.catch(() => undefined);
    const run = queue.then(async () => {
      if (ticket < failedBefore) throw new SyncError('network', 'Chờ gửi lại lô sự kiện trước.');
      try {
        for (const chunk of chunksBySize(await reading, MAX_PUSH_BODY_BYTES)) await pushAll(chunk);
        return [];
      } catch (error) {
        failedBefore = issued;
        throw error;
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  /** The batch's events to send: refused ones left out, unreadable ones recorded as refused. */
  async function readEvents(rows: RxReplicationWriteToMasterRow<EventDoc>[]): Promise<DossierEvent[]> {
    const events: DossierEvent[] = [];
    for (const row of rows) {
      const doc = row.newDocumentState;
      // Stamped means it came from the server (ours read back, or another desk's): never push it
      // back. RxDB offers such docs when a desk quit between writing pulled docs and their
      // replication metadata; another desk's event would be refused as not ours.
      if (isStamped(doc) || (await rejections.has(doc.id))) continue;
      const event = wireEventOf(doc);
      if (event) events.push(event);
      else await reject({ id: doc.id, dossierCode: doc.dossierCode, type: doc.type }, 'push', 'event.unreadable', 'Sự kiện lưu trên quầy không còn đọc được: không gửi lên máy chủ.');
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
  return replication;
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
