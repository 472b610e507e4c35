import { Observable } from 'rxjs';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { EventDoc } from '../../renderer/store/replication-access.ts';
import { createBackoff } from './backoff.ts';
import type { HttpClient } from './http-client.ts';
import { SyncError } from './http-client.ts';
import { readSse } from './sse.ts';
import { streamItemSchema } from './wire.ts';
import type { PullPage, SeqCheckpoint } from './wire.ts';

export type StreamItem = RxReplicationPullStreamItem<EventDoc, SeqCheckpoint>;

export interface EventStreamHooks {
  /** The stream is open: the server is reachable. */
  onOpen(): void;
  /** The stream closed or could not open; `error` says why. */
  onClose(error: SyncError): void;
  /** Turns a pulled page into docs (dropping and recording unreadable events). */
  toDocs(page: PullPage): Promise<StreamItem>;
}

/** The server sends a keep-alive every 25 s: silence for longer means a dead (half-open) link. */
const IDLE_LIMIT_MS = 70_000;

/**
 * RxDB's `pull.stream$` over the server's SSE endpoint: 'RESYNC' on every (re)connect, since
 * changes made while we were away never reach a stream; then the server's batches as they come.
 * Reconnects with its own backoff for as long as someone subscribes.
 */
export function eventStream$(http: HttpClient, path: string, hooks: EventStreamHooks): Observable<StreamItem> {
  return new Observable<StreamItem>((subscriber) => {
    const stop = new AbortController();
    const backoff = createBackoff({ baseMs: 1000, maxMs: 30_000 });
    void (async () => {
      while (!stop.signal.aborted) {
        await backoff.beforeAttempt();
        if (stop.signal.aborted) break;
        let failure: SyncError;
        const connection = new AbortController();
        const abortConnection = () => connection.abort();
        stop.signal.addEventListener('abort', abortConnection);
        let idle: ReturnType<typeof setTimeout> | undefined;
        const stillAlive = () => {
          clearTimeout(idle);
          idle = setTimeout(abortConnection, IDLE_LIMIT_MS);
        };
        try {
          stillAlive();
          const response = await http.open(path, connection.signal);
          if (!response.body) throw new SyncError('server', 'Máy chủ không mở được kênh cập nhật.');
          backoff.succeeded();
          hooks.onOpen();
          subscriber.next('RESYNC');
          // Items are handled in order: a batch must not overtake the one before it.
          let chain = Promise.resolve();
          await readSse(
            response.body,
            (message) => {
              chain = chain.then(async () => {
                const item = parseItem(message.data);
                if (item === null) return;
                subscriber.next(item === 'RESYNC' ? 'RESYNC' : await hooks.toDocs(item));
              });
            },
            stillAlive,
          );
          await chain;
          failure = new SyncError('network', 'Kênh cập nhật từ máy chủ bị đóng.');
        } catch (error) {
          failure = error instanceof SyncError ? error : new SyncError('network', 'Kênh cập nhật từ máy chủ bị ngắt.');
        } finally {
          clearTimeout(idle);
          stop.signal.removeEventListener('abort', abortConnection);
        }
        if (stop.signal.aborted) break;
        backoff.failed();
        hooks.onClose(failure);
      }
    })();
    return () => stop.abort();
  });
}

function parseItem(data: string): PullPage | 'RESYNC' | null {
  try {
    const parsed = streamItemSchema.safeParse(JSON.parse(data));
    // Anything unexpected is treated as "something changed": pull from the checkpoint.
    return parsed.success ? parsed.data : 'RESYNC';
  } catch {
    return 'RESYNC';
  }
}
