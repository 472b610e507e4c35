import { z } from 'zod';

/** What the status indicator shows; `revoked`: the server no longer accepts this desk's credential. */
export type SyncPhase = 'offline' | 'online' | 'syncing' | 'error' | 'revoked';

export interface SyncStatus {
  phase: SyncPhase;
  /** Events of this desk the server has not confirmed yet. */
  pending: number;
  /** Events the server refused (kept on the desk, listed in the day-end report). */
  rejected: number;
  /** Counter consultations (guided / refused at the counter) the server has not confirmed yet. */
  pendingConsultations?: number;
  /** Scanned papers of this desk not on the server yet (only when the desk keeps files). */
  attachmentsPending?: number;
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
  /** The server refused the desk's credential: sync has stopped for good (until enrolled again). */
  revoked?: boolean;
}

export function phaseOf({ active, reachable, failure, revoked = false }: PhaseInputs): SyncPhase {
  if (revoked) return 'revoked';
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
  revoked: 'Quầy bị thu hồi quyền đồng bộ',
};

/**
 * The server's answers that mean "this desk's credential is no longer good": revoked by the
 * administrator (403), or replaced by an enrollment of the same desk elsewhere (401). Retrying
 * cannot help; only a new enrollment code can.
 */
export function isCredentialRefusal(error: { kind: string; code: string }): boolean {
  return error.kind === 'refused' && (error.code === 'desk.revoked' || error.code === 'desk.unauthorized');
}

/** What the desk tells the officer then, whatever the server said. */
export function credentialRefusalMessage(code: string): string {
  const why =
    code === 'desk.revoked'
      ? 'Quầy đã bị thu hồi quyền đồng bộ với máy chủ tỉnh.'
      : 'Khóa truy cập của quầy không còn hiệu lực (quầy đã bị thu hồi, hoặc đã được kích hoạt lại trên máy khác).';
  return `${why} Quầy ngừng đồng bộ; hồ sơ trên quầy vẫn được giữ nguyên. Liên hệ quản trị viên tỉnh để được cấp mã kích hoạt mới, rồi vào Kết nối máy chủ để kích hoạt lại.`;
}
