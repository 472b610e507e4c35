import type { UnsentEvent } from '../../sync/client/unsent.ts';

export interface UnsentExport {
  format: 'motcua-unsent-events';
  version: 1;
  exportedAt: string;
  agencyId: string;
  deskId: string;
  eventCount: number;
  events: Array<{
    /** The event exactly as stored on the desk, refused characters included (JSON escapes them). */
    event: unknown;
    reason: { code: string; message: string; path?: string; heldBy?: string; at: string };
  }>;
}

/**
 * "Chưa gửi được" as a JSON file for the province's support: every event the desk could not send,
 * as stored, with why. Contains personal data in clear: only an explicit officer action produces it.
 */
export function exportUnsent(unsent: readonly UnsentEvent[], meta: { agencyId: string; deskId: string; nowMs: number }): Uint8Array<ArrayBuffer> {
  const file: UnsentExport = {
    format: 'motcua-unsent-events',
    version: 1,
    exportedAt: new Date(meta.nowMs).toISOString(),
    agencyId: meta.agencyId,
    deskId: meta.deskId,
    eventCount: unsent.length,
    events: unsent.map(({ raw, rejection }) => ({
      event: raw,
      reason: {
        code: rejection.code,
        message: rejection.message,
        ...(rejection.path ? { path: rejection.path } : {}),
        ...(rejection.heldBy ? { heldBy: rejection.heldBy } : {}),
        at: new Date(rejection.at).toISOString(),
      },
    })),
  };
  return new TextEncoder().encode(JSON.stringify(file, null, 2)) as Uint8Array<ArrayBuffer>;
}
