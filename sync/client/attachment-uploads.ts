import { Upload } from 'tus-js-client';
import type { DetailedError } from 'tus-js-client';
import type { RxCollection } from 'rxdb';
import type { BlobStore } from '../../renderer/store/blob-store.ts';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import type { AttachmentClaim, AttachmentQueue, WaitingAttachment } from './attachment-queue.ts';
import type { Backoff } from './backoff.ts';
import { blobFileReader } from './blob-file-source.ts';
import { isStamped } from './event-docs.ts';
import { refusal, SyncError } from './http-client.ts';
import type { FetchLike } from './http-client.ts';
import { fetchHttpStack } from './tus-fetch-stack.ts';

export const UPLOADS_PATH = '/api/uploads/';
/** A request per megabyte: on a 1 Mbit/s link with a 300 ms round trip the waits cost under 4 %. */
export const DEFAULT_UPLOAD_CHUNK_BYTES = 1024 * 1024;
/** What the server answers when the stored bytes do not hash to the declared address. */
const CHECKSUM_MISMATCH = 460;

export interface AttachmentUploaderOptions {
  queue: AttachmentQueue;
  blobs: BlobStore;
  events: RxCollection<EventDoc>;
  baseUrl: string;
  credential: () => string | null;
  fetch: FetchLike;
  /** The server acknowledged this event in this session (its stamp may not be back yet). */
  acknowledged(eventId: string): boolean;
  /** Resolves once event replication has nothing in flight: files only go in its gaps. */
  eventsIdle(): Promise<void>;
  backoff: Backoff;
  /** Uploads in the background as files become ready; false uploads only when drained (day-end). */
  live: boolean;
  chunkBytes?: number;
  onPending(count: number): void;
  onFailure?(error: SyncError): void;
}

export interface UploadDrainReport {
  uploaded: number;
  /** Files of this desk still not on the server. */
  pendingAfter: number;
  error: string | null;
}

export interface AttachmentUploader {
  pending(): number;
  /** Something changed (new events, the link is back): look for files to upload. */
  nudge(options?: { retryRefused?: boolean }): void;
  /** Uploads every ready file now, giving up after `failureLimit` failures in a row (day-end). */
  drain(failureLimit: number): Promise<UploadDrainReport>;
  stop(): Promise<void>;
}

type Attempt = 'uploaded' | 'none';

/**
 * Uploads the files this desk attached (issue 22 point 3), one at a time, each once its ATTACHED
 * event is on the server (the server takes no file before its event), with tus so that a cut link
 * or a restarted desk resumes from the bytes the server already has. The file is read from the
 * blob store a chunk at a time. Every request waits until event replication is idle: a dossier's
 * events never queue behind a megabyte of scans. A refusal (the server does not hold the event yet,
 * another unit's dossier) sets the file aside until the next acknowledgement; a failed link retries
 * with the backoff.
 */
export function createAttachmentUploader(options: AttachmentUploaderOptions): AttachmentUploader {
  const { queue, blobs, backoff } = options;
  const chunkSize = options.chunkBytes ?? DEFAULT_UPLOAD_CHUNK_BYTES;
  const fileReader = blobFileReader(blobs);
  const httpStack = fetchHttpStack(options.fetch);
  let waiting: WaitingAttachment[] = [];
  /** Files the server refused, by hash, set aside until an acknowledgement may change its answer. */
  const refused = new Map<string, SyncError>();
  const stopping = new AbortController();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve()));

  const held = async (hash: string) => (await blobs.info(hash)) !== null;
  async function refresh(): Promise<void> {
    await queue.scan(held);
    waiting = await queue.waiting();
    options.onPending(waiting.length);
  }

  /** The first claim of `entry` whose event the server holds, or null. */
  async function acknowledgedClaim(entry: WaitingAttachment): Promise<AttachmentClaim | null> {
    const known = entry.claims.find((claim) => options.acknowledged(claim.eventId));
    if (known) return known;
    const docs = await options.events.findByIds(entry.claims.map((claim) => claim.eventId)).exec();
    return entry.claims.find((claim) => {
      const doc = docs.get(claim.eventId);
      return doc ? isStamped(doc.toMutableJSON()) : false;
    }) ?? null;
  }

  async function gate(): Promise<void> {
    await Promise.race([options.eventsIdle(), stopped]);
    if (stopping.signal.aborted) throw new SyncError('network', 'Đã dừng tải tệp lên.');
  }

  function tusUpload(entry: WaitingAttachment, claim: AttachmentClaim, resumePath: string | null): Promise<void> {
    const credential = options.credential();
    return new Promise((resolve, reject) => {
      let savingPath: Promise<void> = Promise.resolve();
      const upload = new Upload(storedFile(entry.hash), {
        endpoint: `${options.baseUrl}${UPLOADS_PATH}`,
        uploadUrl: resumePath === null ? null : `${options.baseUrl}${resumePath}`,
        uploadSize: entry.size,
        metadata: { dossierCode: claim.dossierCode, hash: entry.hash },
        headers: credential ? { authorization: `Bearer ${credential}` } : {},
        chunkSize,
        // Retries are ours, with the backoff the event sync uses.
        retryDelays: null,
        // Where an upload stands is kept in the desk's settings (the queue), not in tus's storage.
        storeFingerprintForResuming: false,
        fingerprint: () => Promise.resolve(`motcua-attachment:${entry.hash}`),
        fileReader,
        httpStack,
        onBeforeRequest: () => gate(),
        onUploadUrlAvailable() {
          const path = upload.url === null ? null : new URL(upload.url).pathname;
          if (path !== resumePath) savingPath = queue.saveUploadPath(entry.hash, path);
        },
        onSuccess() {
          void savingPath.then(resolve, resolve);
        },
        onError(error) {
          void savingPath.finally(() => reject(syncErrorOf(error)));
        },
      });
      // tus says nothing of an upload aborted on purpose: the promise settles here instead.
      const abort = () => {
        void upload.abort();
        reject(new SyncError('network', 'Đã dừng tải tệp lên.'));
      };
      if (stopping.signal.aborted) return abort();
      stopping.signal.addEventListener('abort', abort, { once: true });
      upload.start();
    });
  }

  /** Uploads `entry`; a checksum refusal (the server discarded the upload) starts over from zero once. */
  async function uploadEntry(entry: WaitingAttachment, claim: AttachmentClaim): Promise<void> {
    try {
      await tusUpload(entry, claim, entry.uploadPath);
    } catch (error) {
      if (!(error instanceof SyncError && error.status === CHECKSUM_MISMATCH)) throw error;
      await queue.saveUploadPath(entry.hash, null);
      await tusUpload(entry, claim, null);
    }
    await queue.markUploaded(entry.hash);
  }

  /** One file at a time, whoever asks (the background loop, the day-end). */
  let turn: Promise<unknown> = Promise.resolve();
  function attempt(): Promise<Attempt> {
    const run = turn.then(async (): Promise<Attempt> => {
      await refresh();
      for (const entry of waiting) {
        if (stopping.signal.aborted) return 'none';
        if (refused.has(entry.hash)) continue;
        const claim = await acknowledgedClaim(entry);
        if (!claim) continue;
        try {
          await uploadEntry(entry, claim);
        } catch (error) {
          const failure = error instanceof SyncError ? error : new SyncError('server', error instanceof Error ? error.message : String(error));
          if (failure.kind !== 'refused') throw failure;
          refused.set(entry.hash, failure);
          continue;
        }
        await refresh();
        return 'uploaded';
      }
      return 'none';
    });
    turn = run.catch(() => undefined);
    return run;
  }

  /** `attempt` after the backoff's wait; failures of the link count in the backoff and are reported. */
  async function attemptWithBackoff(): Promise<Attempt> {
    await Promise.race([backoff.beforeAttempt(), stopped]);
    if (stopping.signal.aborted) return 'none';
    try {
      const outcome = await attempt();
      backoff.succeeded();
      return outcome;
    } catch (error) {
      backoff.failed();
      const failure = error instanceof SyncError ? error : new SyncError('server', String(error));
      if (!stopping.signal.aborted) options.onFailure?.(failure);
      throw failure;
    }
  }

  let looping: Promise<void> | null = null;
  let again = false;
  async function loop(): Promise<void> {
    while (again && !stopping.signal.aborted) {
      again = false;
      try {
        while ((await attemptWithBackoff()) === 'uploaded');
      } catch {
        // Offline or the server failed: try again after the backoff's wait.
        again = true;
      }
    }
  }

  const uploader: AttachmentUploader = {
    pending: () => waiting.length,
    nudge({ retryRefused = false } = {}) {
      if (retryRefused) refused.clear();
      if (stopping.signal.aborted) return;
      if (!options.live) {
        void refresh().catch(() => undefined);
        return;
      }
      again = true;
      looping ??= loop().finally(() => {
        looping = null;
      });
    },
    async drain(failureLimit) {
      refused.clear();
      backoff.wake();
      let uploaded = 0;
      let failures = 0;
      let error: string | null = null;
      while (failures < failureLimit && !stopping.signal.aborted) {
        try {
          if ((await attemptWithBackoff()) === 'none') break;
          uploaded += 1;
          failures = 0;
        } catch (failure) {
          failures += 1;
          error = failure instanceof Error ? failure.message : String(failure);
        }
      }
      await turn;
      await refresh().catch(() => undefined);
      const stillRefused = waiting.map((entry) => refused.get(entry.hash)).find((failure) => failure !== undefined);
      return { uploaded, pendingAfter: waiting.length, error: waiting.length === 0 ? null : (error ?? stillRefused?.message ?? null) };
    },
    async stop() {
      stopping.abort();
      await looping;
      await turn;
    },
  };
  void refresh().catch(() => undefined);
  return uploader;
}

/**
 * tus's types name the inputs its own readers take (File, Blob, Buffer, a stream reader); the
 * desk's reader (blob-file-source.ts) opens a stored file by its hash instead.
 */
function storedFile(hash: string): Blob {
  return hash as unknown as Blob;
}

/** What a failed tus request means to sync: no answer is the link; an answer is read like any other. */
function syncErrorOf(error: Error | DetailedError): SyncError {
  if (error instanceof SyncError) return error;
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) return new SyncError('network', 'Mất kết nối khi tải tệp lên máy chủ.');
  const status = response.getStatus();
  let body: unknown = null;
  try {
    body = JSON.parse(response.getBody()) as unknown;
  } catch {
    // Not our JSON: the status alone says what happened.
  }
  const failure = refusal(status, body);
  // 423: the server still holds the upload locked (its previous request was cut): retry later.
  return status === 423 ? new SyncError('server', failure.message, status, failure.code) : failure;
}
