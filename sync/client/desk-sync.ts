import { BehaviorSubject, Subject, debounceTime, filter, firstValueFrom, merge } from 'rxjs';
import type { DossierEvent } from '../../src/dossier/events.ts';
import type { Observable, Subscription } from 'rxjs';
import type { BlobStore } from '../../renderer/store/blob-store.ts';
import type { DeskStore } from '../../renderer/store/index.ts';
import { eventsCollectionOf, settingsCollectionOf } from '../../renderer/store/replication-access.ts';
import { fetchAttachment } from './attachment-download.ts';
import { createAttachmentQueue } from './attachment-queue.ts';
import { createAttachmentUploader } from './attachment-uploads.ts';
import type { AttachmentUploader, UploadDrainReport } from './attachment-uploads.ts';
import { createBackoff } from './backoff.ts';
import type { BackoffOptions } from './backoff.ts';
import { saveClockOffset } from './clock-offset.ts';
import { CONSULTATION_KEY_PREFIX } from '../../renderer/store/consultation-repository.ts';
import { pushConsultations } from './consultation-push.ts';
import type { ConsultationPushResult } from './consultation-push.ts';
import { countDay, startOfLocalDay } from './day-end.ts';
import type { DayEndProgress, DayEndReport } from './day-end.ts';
import { deskHealthReportOf, sendDeskHealth } from './desk-health.ts';
import type { Enrollment } from './enrollment.ts';
import { deskIdOfDoc } from './event-docs.ts';
import { startEventReplication } from './event-replication.ts';
import type { Gzip } from './gzip.ts';
import { createHttpClient, SyncError } from './http-client.ts';
import type { FetchLike } from './http-client.ts';
import { createPendingCounter, createPendingTracker } from './pending-counter.ts';
import type { PendingSummary } from './pending-counter.ts';
import { pullReferenceData } from './reference-sync.ts';
import { createRejectionLog } from './rejections.ts';
import type { Rejection } from './rejections.ts';
import { checkServerAddress } from './server-address.ts';
import type { ServerTransport } from './server-address.ts';
import { correctUnsent, listUnsent } from './unsent.ts';
import type { UnsentEvent } from './unsent.ts';
import { credentialRefusalMessage, INITIAL_STATUS, isCredentialRefusal, LAST_SUCCESS_KEY, lastSuccessSchema, phaseOf } from './sync-status.ts';
import { loadTransportSettings } from './transport-settings.ts';
import type { PhaseInputs, SyncStatus } from './sync-status.ts';

export interface DeskSyncOptions {
  store: DeskStore;
  enrollment: Enrollment;
  clock: () => number;
  fetch?: FetchLike;
  /** Live replication with the server's stream (the app); false runs one cycle per `syncNow`. */
  live?: boolean;
  /** Push and pull batch size both (tests); the defaults are in event-replication.ts. */
  batchSize?: number;
  pushBatchSize?: number;
  pullBatchSize?: number;
  /** Gzip for push bodies; defaults to the platform's (CompressionStream), null sends them plain. */
  gzip?: Gzip | null;
  retryTimeMs?: number;
  backoff?: BackoffOptions;
  /** Consecutive failed requests after which the day-end sync gives up and reports. */
  dayEndFailureLimit?: number;
  /** The desk's scanned papers: given, they are uploaded after their dossier's events, and fetched on demand. */
  blobs?: BlobStore;
  /** Bytes per upload request (tests make it small to cut an upload in the middle). */
  uploadChunkBytes?: number;
}

export interface DeskSync {
  /** How this desk reaches its server (the indicator warns about plain HTTP on the network). */
  transport: ServerTransport;
  status$: Observable<SyncStatus>;
  status(): SyncStatus;
  /** Forces a full cycle (push everything, pull everything, re-project) and reports. */
  dayEnd(onProgress?: (progress: DayEndProgress) => void): Promise<DayEndReport>;
  /** Resolves when everything local is on the server and everything new is here. */
  awaitInSync(): Promise<void>;
  rejections(): Promise<Rejection[]>;
  /** Brings a file of a dossier onto this desk from the server, checked against its hash (needs `blobs`). */
  fetchAttachment(hash: string, dossierCode: string): Promise<void>;
  /** "Chưa gửi được": the events this desk has not managed to send, and the way out of a text problem. */
  unsent: {
    list(): Promise<UnsentEvent[]>;
    /** Confirms the proposed correction of a quarantined event; it is sent like a new write. */
    correct(eventId: string): Promise<DossierEvent>;
  };
  stop(): Promise<void>;
}

/**
 * The desk's side of sync, started once the desk is enrolled and the store is open. Replication
 * resumes where it stopped (RxDB keeps its checkpoints in the store), retries with backoff and
 * reports what the indicator shows. It refuses to start towards a plain-HTTP server on the network
 * unless the administrator allowed it (server-address.ts), and stops for good, saying why, when
 * the server refuses the desk's credential (revoked, or replaced by another enrollment).
 */
export async function startDeskSync(options: DeskSyncOptions): Promise<DeskSync> {
  const { store, enrollment, clock } = options;
  const address = checkServerAddress(enrollment.serverUrl, await loadTransportSettings(store));
  if (!address.ok) throw address.error;
  const http = createHttpClient({
    baseUrl: enrollment.serverUrl,
    credential: () => enrollment.credential,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.gzip !== undefined ? { gzip: options.gzip } : {}),
  });
  const settings = settingsCollectionOf(store);
  const events = eventsCollectionOf(store);
  const rejectionLog = createRejectionLog(settings);
  const pendingTracker = createPendingTracker(createPendingCounter(events, settings));
  const backoff = createBackoff(options.backoff);
  const live = options.live ?? true;

  const acked = new Set<string>();
  /** When each acknowledgement came (desk clock): the day-end report counts today's. */
  const ackedAt = new Map<string, number>();
  let rejectedIds = new Set((await rejectionLog.list()).map((r) => r.eventId));
  const lastSuccess = await store.settings.get(LAST_SUCCESS_KEY, lastSuccessSchema, { at: null });

  const status = new BehaviorSubject<SyncStatus>({ ...INITIAL_STATUS, rejected: rejectedIds.size, lastSuccessAt: lastSuccess.at });
  const inputs: PhaseInputs = { active: false, reachable: false, failure: null, revoked: false };
  const update = (change: Partial<SyncStatus>) => {
    const next = { ...status.value, ...change };
    if (JSON.stringify(next) !== JSON.stringify(status.value)) status.next(next);
  };
  const refreshPhase = () => update({ phase: phaseOf(inputs) });

  // Day-end listeners: the replication calls these hooks as things happen.
  const requestFailures = new Subject<SyncError>();
  const acknowledgedIds = new Subject<readonly string[]>();
  const rejectedNow = new Subject<Rejection>();
  const recount = new Subject<void>();
  let consecutiveFailures = 0;

  /** No retry can help once the credential is refused: stop replicating and say why. */
  const stopForRefusedCredential = (error: SyncError) => {
    if (inputs.revoked) return;
    inputs.revoked = true;
    update({ lastError: { message: credentialRefusalMessage(error.code), at: clock() } });
    refreshPhase();
    void replication.cancel().catch(() => undefined);
    void uploader?.stop().catch(() => undefined);
  };
  let uploader: AttachmentUploader | null = null;
  const uploadBackoff = createBackoff(options.backoff);

  const { replication, releaseHeld } = startEventReplication({
    events,
    http,
    identifier: `motcua-events:${enrollment.serverUrl}:${enrollment.deskId}`,
    rejections: rejectionLog,
    backoff,
    clock,
    live,
    ...batchSizesOf(options),
    ...(options.retryTimeMs !== undefined ? { retryTimeMs: options.retryTimeMs } : {}),
    hooks: {
      requestSucceeded() {
        consecutiveFailures = 0;
        inputs.failure = null;
        if (!live) inputs.reachable = true;
        refreshPhase();
      },
      requestFailed(error) {
        if (isCredentialRefusal(error)) stopForRefusedCredential(error);
        consecutiveFailures += 1;
        inputs.failure = error.kind;
        if (!live) inputs.reachable = false;
        if (!inputs.revoked) update({ lastError: { message: error.message, at: clock() } });
        refreshPhase();
        requestFailures.next(error);
      },
      streamOpened() {
        inputs.reachable = true;
        refreshPhase();
        uploadBackoff.wake();
        uploader?.nudge();
      },
      streamClosed(error) {
        if (isCredentialRefusal(error)) stopForRefusedCredential(error);
        inputs.reachable = false;
        if (error.kind !== 'network' && !inputs.revoked) update({ lastError: { message: error.message, at: clock() } });
        refreshPhase();
      },
      acknowledged(ids, clockSkewMs) {
        const at = clock();
        for (const id of ids) {
          acked.add(id);
          ackedAt.set(id, at);
        }
        if (clockSkewMs !== null) noteClockOffset(clockSkewMs);
        acknowledgedIds.next(ids);
        recount.next();
        uploader?.nudge({ retryRefused: true });
      },
      rejected(rejection) {
        rejectedIds = new Set([...rejectedIds, rejection.eventId]);
        update({ rejected: rejectedIds.size });
        rejectedNow.next(rejection);
        recount.next();
      },
      released(ids) {
        leftQuarantine(ids);
      },
    },
  });

  if (options.blobs) {
    uploader = createAttachmentUploader({
      queue: createAttachmentQueue(settings, events, enrollment.deskId, clock),
      blobs: options.blobs,
      events,
      baseUrl: http.baseUrl,
      credential: () => enrollment.credential,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      acknowledged: (id) => acked.has(id),
      // A replication that ended (one cycle, not live) is idle too.
      eventsIdle: () => firstValueFrom(replication.active$.pipe(filter((active) => !active)), { defaultValue: false }).then(() => undefined),
      backoff: uploadBackoff,
      live,
      ...(options.uploadChunkBytes ? { chunkBytes: options.uploadChunkBytes } : {}),
      onPending: (count) => update({ attachmentsPending: count }),
      onFailure(error) {
        if (isCredentialRefusal(error)) stopForRefusedCredential(error);
      },
    });
  }

  // The offset the login screen and the print dialog warn about, kept in the store (one write at a time).
  let savingOffset: Promise<void> = Promise.resolve();
  function noteClockOffset(offsetMs: number): void {
    update({ clockSkewMs: offsetMs });
    const measuredAt = clock();
    savingOffset = savingOffset.then(() => saveClockOffset(store, { offsetMs, measuredAt })).catch(() => undefined);
  }

  /** Events out of the quarantine are waiting again until the server acknowledges them. */
  function leftQuarantine(ids: readonly string[]): void {
    rejectedIds = new Set([...rejectedIds].filter((id) => !ids.includes(id)));
    update({ rejected: rejectedIds.size });
    recount.next();
  }

  let counting: Promise<void> = Promise.resolve();
  let lastSummary: PendingSummary = { pending: 0, oldestPendingAt: null };
  const countPending = () => {
    counting = counting
      .then(() => pendingTracker.summary((id) => acked.has(id) || rejectedIds.has(id)))
      .then((summary) => {
        lastSummary = summary;
        update({ pending: summary.pending });
      })
      .catch(() => undefined);
    return counting;
  };

  // Desk health for the province's dashboard, after each cycle. Best effort: a server without
  // the endpoint, or a lost report, must never show as a sync failure. Its answer tells the
  // server's time, so the desk learns its clock's offset even when it had nothing to push.
  let reportingHealth: Promise<void> = Promise.resolve();
  const reportHealth = () => {
    reportingHealth = reportingHealth
      .then(() => countPending())
      .then(() => sendDeskHealth(http, deskHealthReportOf(lastSummary, clock()), clock))
      .then((offset) => {
        if (offset !== null) noteClockOffset(offset);
      })
      .catch(() => undefined);
    return reportingHealth;
  };

  // Counter consultations go after the events, on their own: their failure never holds an event up.
  let consultationsPending = 0;
  const countConsultations = async () => {
    consultationsPending = (await store.consultations.unsent()).length;
    update({ pendingConsultations: consultationsPending });
  };
  let sendingConsultations: Promise<unknown> = Promise.resolve();
  const sendConsultations = (): Promise<ConsultationPushResult> => {
    const run = sendingConsultations.then(() => pushConsultations(http, store.consultations));
    const counted = run.catch(() => undefined).then(() => countConsultations().catch(() => undefined));
    sendingConsultations = counted;
    return run.finally(() => counted);
  };
  /** Live: a consultation recorded while online goes at once; offline it waits for the next cycle. */
  const sendConsultationsQuietly = () => {
    if (!live || inputs.revoked) return;
    void sendConsultations().catch(() => undefined);
  };

  const subscriptions: Subscription[] = [
    replication.active$.subscribe((active) => {
      const wasActive = inputs.active;
      inputs.active = active;
      if (wasActive && !active && inputs.failure === null) {
        const at = clock();
        update({ lastSuccessAt: at });
        void store.settings.set(LAST_SUCCESS_KEY, { at }).catch(() => undefined);
        // Pulled events change dossiers: bring the projections up to date.
        void store.projections.catchUp().catch(() => undefined);
        void reportHealth();
        sendConsultationsQuietly();
      }
      refreshPhase();
    }),
    settings.$.pipe(
      filter((change) => change.documentId.startsWith(CONSULTATION_KEY_PREFIX)),
      debounceTime(200),
    ).subscribe(() => {
      void countConsultations().catch(() => undefined);
      if (inputs.reachable) sendConsultationsQuietly();
    }),
    events.$.subscribe((change) => pendingTracker.observe(change.documentData)),
    merge(events.$, recount).pipe(debounceTime(200)).subscribe(() => void countPending()),
    events.$.pipe(debounceTime(200)).subscribe(() => uploader?.nudge()),
  ];
  uploader?.nudge();
  void countPending();
  void countConsultations().catch(() => undefined);

  async function awaitInSync(): Promise<void> {
    await replication.awaitInSync();
  }

  return {
    transport: address.value,
    status$: status.asObservable(),
    status: () => status.value,
    awaitInSync,
    rejections: () => rejectionLog.list(),
    async fetchAttachment(hash, dossierCode) {
      if (!options.blobs) throw new Error('fetchAttachment: this desk sync was started without a blob store');
      await fetchAttachment({ http, blobs: options.blobs, hash, dossierCode });
    },
    unsent: {
      list: () => listUnsent(events, rejectionLog),
      async correct(eventId) {
        const corrected = await correctUnsent(store, events, rejectionLog, eventId);
        leftQuarantine([eventId]);
        return corrected;
      },
    },

    async dayEnd(onProgress) {
      const startedAt = clock();
      const rejectedEarlier = rejectedIds.size;
      await countPending();
      const progress: DayEndProgress = { stage: 'sending', pendingAtStart: status.value.pending, sent: 0, received: 0, rejected: 0 };
      const report = () => onProgress?.({ ...progress });
      const sentIds = new Set<string>();
      const rejected: Rejection[] = [];
      const watching = [
        acknowledgedIds.subscribe((ids) => {
          for (const id of ids) sentIds.add(id);
          progress.sent = sentIds.size;
          report();
        }),
        rejectedNow.subscribe((rejection) => {
          rejected.push(rejection);
          progress.rejected = rejected.length;
          report();
        }),
        replication.received$.subscribe((doc) => {
          if (deskIdOfDoc(doc) !== enrollment.deskId) progress.received += 1;
          if (progress.stage === 'sending') progress.stage = 'receiving';
          report();
        }),
      ];
      report();

      let consultationsSent: ConsultationPushResult = { sent: 0, rejected: 0 };
      let uploads: UploadDrainReport | null = null;
      const limit = options.dayEndFailureLimit ?? 3;
      let error: string | null = null;
      consecutiveFailures = 0;
      const givingUp = new Promise<never>((_, fail) => {
        watching.push(
          requestFailures.subscribe((failure) => {
            if (failure.kind === 'refused' || consecutiveFailures >= limit) fail(failure);
          }),
        );
      });
      givingUp.catch(() => undefined);
      try {
        // A refused credential is final: nothing is sent, the report says why.
        if (inputs.revoked) throw new SyncError('refused', status.value.lastError?.message ?? credentialRefusalMessage('desk.revoked'));
        backoff.wake();
        replication.reSync();
        await Promise.race([awaitInSync(), givingUp]);
        // Events held behind a corrected one go after it, outside RxDB's own queue.
        await Promise.race([releaseHeld(), givingUp]);
        consultationsSent = await sendConsultations();
        if (uploader) {
          progress.stage = 'uploading';
          report();
          uploads = await uploader.drain(limit);
          if (uploads.error !== null) throw new SyncError('network', uploads.error);
        }
        progress.stage = 'projecting';
        report();
        await store.projections.catchUp();
        progress.stage = 'reference';
        report();
        await pullReferenceData(store, http);
      } catch (failure) {
        error = failure instanceof Error ? failure.message : String(failure);
      } finally {
        for (const sub of watching) sub.unsubscribe();
      }
      await countPending();
      await countConsultations().catch(() => undefined);
      if (error === null && !inputs.revoked) await reportHealth();
      // What the answers said of the desk's clock is kept before the report is out (the login warns from it).
      await savingOffset;
      progress.stage = 'done';
      report();
      const finishedAt = clock();
      const today = await countDay(events, {
        deskId: enrollment.deskId,
        since: startOfLocalDay(finishedAt),
        acknowledged: ackedAt,
        rejections: await rejectionLog.list(),
      });
      const attachmentsPending = uploader?.pending() ?? 0;
      return {
        ok: error === null && status.value.pending === 0 && consultationsPending === 0 && attachmentsPending === 0,
        startedAt,
        finishedAt,
        sent: [...sentIds].filter((id) => !rejected.some((r) => r.eventId === id)).length,
        received: progress.received,
        rejected,
        rejectedEarlier,
        pendingAfter: status.value.pending,
        error,
        today,
        consultations: { ...consultationsSent, pendingAfter: consultationsPending },
        ...(uploader ? { attachments: { uploaded: uploads?.uploaded ?? 0, pendingAfter: attachmentsPending } } : {}),
      };
    },

    async stop() {
      for (const sub of subscriptions) sub.unsubscribe();
      await uploader?.stop();
      await replication.cancel();
      await counting;
      await sendingConsultations;
      await reportingHealth;
      await savingOffset;
      status.complete();
    },
  };
}

export { SyncError };

function batchSizesOf(options: DeskSyncOptions): { pushBatchSize?: number; pullBatchSize?: number } {
  const push = options.pushBatchSize ?? options.batchSize;
  const pull = options.pullBatchSize ?? options.batchSize;
  return { ...(push ? { pushBatchSize: push } : {}), ...(pull ? { pullBatchSize: pull } : {}) };
}
