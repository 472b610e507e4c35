import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../sync/client/sync-status.ts';
import { INITIAL_STATUS } from '../../sync/client/sync-status.ts';
import { useDesk } from '../app/desk-context.tsx';
import { syncRuntimeFor } from './sync-runtime.ts';
import type { SyncRuntime, SyncRuntimeState } from './sync-runtime.ts';

export interface DeskSyncView extends SyncRuntimeState {
  status: SyncStatus;
  runtime: SyncRuntime;
}

/** The desk's sync and its live status, for the indicator, the day-end dialog and the enroll screen. */
export function useDeskSync(): DeskSyncView {
  const { store, now, blobs } = useDesk();
  const runtime = syncRuntimeFor(store, now, blobs);
  const [state, setState] = useState<SyncRuntimeState>(runtime.current);
  const [status, setStatus] = useState<SyncStatus>(() => state.sync?.status() ?? INITIAL_STATUS);

  useEffect(() => {
    const subscription = runtime.state$.subscribe(setState);
    return () => subscription.unsubscribe();
  }, [runtime]);

  useEffect(() => {
    if (!state.sync) return;
    const subscription = state.sync.status$.subscribe(setStatus);
    return () => subscription.unsubscribe();
  }, [state.sync]);

  return { ...state, status: state.sync ? status : INITIAL_STATUS, runtime };
}
