import { BehaviorSubject } from 'rxjs';
import type { Observable } from 'rxjs';
import type { BlobStore } from '../store/blob-store.ts';
import type { DeskStore } from '../store/index.ts';
import { loadEnrollment } from '../../sync/client/enrollment.ts';
import type { Enrollment } from '../../sync/client/enrollment.ts';
import { startDeskSync } from '../../sync/client/desk-sync.ts';
import type { DeskSync } from '../../sync/client/desk-sync.ts';

export interface SyncRuntimeState {
  /** null while loading or when the desk is not enrolled. */
  sync: DeskSync | null;
  enrollment: Enrollment | null;
  loading: boolean;
  error: string | null;
}

export interface SyncRuntime {
  state$: Observable<SyncRuntimeState>;
  current(): SyncRuntimeState;
  /** Stops and starts again with the stored enrollment (after a new enrollment, or a transport setting changed). */
  restart(): Promise<void>;
}

/**
 * One sync per open store, whatever mounts and unmounts: screens come and go, officers log out
 * and in, but the desk keeps syncing while its data is open. Closing the store cancels RxDB's
 * replication with its collection.
 */
const runtimes = new WeakMap<DeskStore, SyncRuntime>();

export function syncRuntimeFor(store: DeskStore, clock: () => number, blobs?: BlobStore): SyncRuntime {
  const existing = runtimes.get(store);
  if (existing) return existing;
  const state = new BehaviorSubject<SyncRuntimeState>({ sync: null, enrollment: null, loading: true, error: null });
  let queue: Promise<void> = Promise.resolve();

  const start = async () => {
    await state.value.sync?.stop();
    state.next({ sync: null, enrollment: null, loading: true, error: null });
    let enrollment: Enrollment | null = null;
    try {
      enrollment = await loadEnrollment(store);
      const sync = enrollment ? await startDeskSync({ store, enrollment, clock, ...(blobs ? { blobs } : {}) }) : null;
      state.next({ sync, enrollment, loading: false, error: null });
    } catch (error) {
      // Enrolled but not syncing (a plain-HTTP server the administrator has not allowed): say so.
      state.next({ sync: null, enrollment, loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const runtime: SyncRuntime = {
    state$: state.asObservable(),
    current: () => state.value,
    restart() {
      queue = queue.then(start);
      return queue;
    },
  };
  runtimes.set(store, runtime);
  void runtime.restart();
  return runtime;
}
