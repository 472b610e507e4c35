import { z } from 'zod';

/** What the status indicator shows. */
export type SyncPhase = 'offline' | 'online' | 'syncing' | 'error';

export interface SyncStatus {
  phase: SyncPhase;
  /** Events of this desk the server has not confirmed yet. */
  pending: number;
  /** Events the server refused (kept on the desk, listed in the day-end report). */
  rejected: number;
  /** Desk clock (ms) of the last sync that finished without error. */
  lastSuccessAt: number | null;
  lastError: { message: string; at: number } | null;
  /** Desk clock minus server clock, from the last push or health report; null until known. */
  clockSkewMs: number | null;
}

export const INITIAL_STATUS: SyncStatus = {
  phase: 'offline',
  pending: 0,
  rejected: 0,
  lastSuccessAt: null,
  lastError: null,
  clockSkewMs: null,
};

export const LAST_SUCCESS_KEY = 'sync-last-success';
export const lastSuccessSchema = z.object({ at: z.number().nullable() });

export interface PhaseInputs {
  active: boolean;
  /** The stream is open, or (without a stream) the last request answered. */
  reachable: boolean;
  failure: 'network' | 'server' | 'refused' | null;
}

export function phaseOf({ active, reachable, failure }: PhaseInputs): SyncPhase {
  if (failure === 'network') return 'offline';
  if (failure !== null) return 'error';
  if (active) return 'syncing';
  return reachable ? 'online' : 'offline';
}

/** The indicator's words (Vietnamese UI). */
export const phaseLabels: Readonly<Record<SyncPhase, string>> = {
  online: 'Đã kết nối',
  offline: 'Mất kết nối',
  syncing: 'Đang đồng bộ',
  error: 'Lỗi đồng bộ',
};
