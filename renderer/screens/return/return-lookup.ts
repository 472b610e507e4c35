import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import { DossierStatus, statusLabels } from '../../../src/dossier/status.ts';
import { formatInstant } from '../../components/format.ts';
import type { DeskStore, StoredDossier } from '../../store/index.ts';

export type ReturnLookup =
  | { kind: 'idle' }
  | { kind: 'error'; message: string }
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

export async function lookupForReturn(store: DeskStore, text: string, deskUnitId: string): Promise<ReturnLookup> {
  const parsed = parseDossierCode(text.replace(/\s+/g, ''));
  if (!parsed.ok) return { kind: 'error', message: parsed.error.message };
  const code = parsed.value.code;
  const [stored, events] = await Promise.all([store.dossiers.byCode(code), store.events.forDossier(code)]);
  if (!stored) return { kind: 'error', message: `Không tìm thấy hồ sơ mã ${code} trên máy này.` };
  return { kind: 'found', stored, events, blocked: returnBlocker(stored, deskUnitId) };
}
