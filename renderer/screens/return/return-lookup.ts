import { notADossierMessage, readDossierReference } from '../../../src/dossier/dossier-reference.ts';
import type { ReferenceContext } from '../../../src/dossier/dossier-reference.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import { DossierStatus, statusLabels } from '../../../src/dossier/status.ts';
import { findByReference } from '../../app/find-dossier.ts';
import { formatInstant } from '../../components/format.ts';
import type { DeskStore, StoredDossier } from '../../store/index.ts';

export type ReturnLookup =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
  /** A short number that fits several dossiers (or only other days'): the officer picks one. */
  | { kind: 'choose'; message: string; dossiers: ProjectedDossier[] }
  | { kind: 'found'; stored: StoredDossier; events: DossierEvent[]; blocked: string | null };

/** Why the result cannot be handed over now at a desk of `deskUnitId`, or null when it can. */
export function returnBlocker(stored: StoredDossier, deskUnitId: string): string | null {
  const { status, returnedAt, holderUnitId } = stored.state;
  if (status === DossierStatus.Resolved && holderUnitId !== deskUnitId) {
    return `Hồ sơ đã giải quyết xong nhưng kết quả đang ở đơn vị ${holderUnitId}: chờ đơn vị đó chuyển trả kết quả về đơn vị này (${deskUnitId}) rồi mới trả cho công dân.`;
  }
  if (status === DossierStatus.Resolved) return null;
  if (status === DossierStatus.Returned) return `Hồ sơ đã trả kết quả lúc ${formatInstant(returnedAt)}.`;
  if (status === DossierStatus.Refused || status === DossierStatus.Withdrawn || status === DossierStatus.Stopped) {
    return `Hồ sơ ở trạng thái "${statusLabels[status]}": không có kết quả để trả.`;
  }
  return `Hồ sơ chưa giải quyết xong (trạng thái "${statusLabels[status]}"): chưa thể trả kết quả. Hẹn trả: ${formatInstant(stored.state.dueAt)}.`;
}

/** What was typed or scanned on the return screen: the whole code, "251124-1001", "1001" or "7". */
export async function lookupForReturn(store: DeskStore, text: string, context: ReferenceContext): Promise<ReturnLookup> {
  const reading = readDossierReference(text);
  if (reading.kind !== 'reference') return { kind: 'error', message: notADossierMessage(text) };
  const found = await findByReference(store, reading.reference, context);
  switch (found.outcome.kind) {
    case 'found':
      return openForReturn(store, found.outcome.code, context.agencyId);
    case 'choose':
      return { kind: 'choose', message: found.outcome.message, dossiers: found.dossiers };
    case 'none':
      return { kind: 'error', message: found.outcome.message };
  }
}

/** One dossier with its route, ready for the return form. */
export async function openForReturn(store: DeskStore, code: string, deskUnitId: string): Promise<ReturnLookup> {
  const [stored, events] = await Promise.all([store.dossiers.byCode(code), store.events.forDossier(code)]);
  if (!stored) return { kind: 'error', message: `Không tìm thấy hồ sơ ${code} trên máy này.` };
  return { kind: 'found', stored, events, blocked: returnBlocker(stored, deskUnitId) };
}
