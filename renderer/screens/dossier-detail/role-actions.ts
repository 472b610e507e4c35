import { officerRoleLabels } from '../../../src/auth/officer.ts';
import type { OfficerRole } from '../../../src/auth/officer.ts';
import { roleMayRecord } from '../../../src/auth/role-permissions.ts';
import type { EventType, PrintForm } from '../../../src/dossier/events.ts';
import { actionLabels, allowedActions, applyTransition } from '../../../src/dossier/state-machine.ts';
import { DossierStatus, statusLabels } from '../../../src/dossier/status.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';

/** The dossier actions offered on the detail screen, in the order officers meet them. */
export const TRACKING_ACTIONS = [
  'ACCEPTED',
  'TRANSFERRED',
  'SUPPLEMENT_REQUESTED',
  'SUPPLEMENT_RECEIVED',
  'FINANCIAL_OBLIGATION_REQUESTED',
  'FINANCIAL_OBLIGATION_FULFILLED',
  'RESOLVED',
  'RETURNED',
  'EXTENDED',
  'REFUSED',
  'WITHDRAWN',
  'STOPPED',
] as const satisfies readonly EventType[];
export type TrackingAction = (typeof TRACKING_ACTIONS)[number];

/** What the action rules read of a dossier (a projection). */
export type DossierForActions = Pick<ProjectedDossier, 'status' | 'handoverPending' | 'holderUnitId' | 'receivingUnitId'>;

/**
 * The actions the state machine allows this desk's unit now (the holder rule included) AND the
 * officer's role permits.
 */
export function actionsFor(role: OfficerRole, dossier: DossierForActions, deskUnitId: string): TrackingAction[] {
  const legal = new Set(legalActions(dossier, deskUnitId));
  const permitted = new Set(roleActions(role));
  return TRACKING_ACTIONS.filter((action) => legal.has(action) && permitted.has(action));
}

/** Whether this desk may print the dossier's forms (a print is a PRINTED event on it). */
export function mayPrint(dossier: DossierForActions, deskUnitId: string): boolean {
  return legalActions(dossier, deskUnitId).includes('PRINTED');
}

/**
 * The plain line shown above the greyed actions when another unit holds the dossier (units by
 * name: `unitText` gives the name, or the id with a note when the desk has none); null when this
 * unit holds it.
 */
export function heldElsewhereNotice(
  dossier: Pick<ProjectedDossier, 'holderUnitId'>,
  deskUnitId: string,
  unitText: (id: string) => string = (id) => id,
): string | null {
  if (dossier.holderUnitId === '' || dossier.holderUnitId === deskUnitId) return null;
  return `Hồ sơ đang do ${unitText(dossier.holderUnitId)} giữ. Đơn vị này (${unitText(deskUnitId)}) chỉ xem được hồ sơ, không ghi thao tác hay in phiếu cho đến khi hồ sơ được chuyển về.`;
}

/** Why the holder rule greys everything on a dossier another unit holds. */
export const HELD_ELSEWHERE_REASON = 'Chỉ đơn vị đang giữ hồ sơ mới thao tác được.';

const FINISHED: ReadonlySet<DossierStatus> = new Set([DossierStatus.Refused, DossierStatus.Withdrawn, DossierStatus.Stopped, DossierStatus.Returned]);

/**
 * Why `action` cannot be taken now by this officer on this desk, in plain words; null when it
 * can. The same checks as `actionsFor`, so a greyed button and a refused key say the same thing.
 */
export function unavailableReason(action: TrackingAction, role: OfficerRole, dossier: DossierForActions, deskUnitId: string): string | null {
  if (!roleMayRecord(role, action)) return `${officerRoleLabels[role]} không làm thao tác "${actionLabels[action]}".`;
  if (dossier.holderUnitId !== '' && dossier.holderUnitId !== deskUnitId) return HELD_ELSEWHERE_REASON;
  if (legalActions(dossier, deskUnitId).includes(action)) return null;
  const { status } = dossier;
  if (FINISHED.has(status)) return `Hồ sơ đã kết thúc (${statusLabels[status]}).`;
  switch (action) {
    case 'RETURNED':
      return 'Hồ sơ chưa giải quyết xong.';
    case 'RESOLVED':
      if (status === DossierStatus.Received) return 'Hồ sơ chưa được nhận xử lý.';
      if (status === DossierStatus.Resolved) return 'Hồ sơ đã giải quyết xong.';
      break;
    case 'ACCEPTED':
      if (status === DossierStatus.InProcessing) return 'Hồ sơ đã được nhận xử lý, không có lần chuyển nào chờ nhận.';
      if (status === DossierStatus.Resolved) return 'Hồ sơ đã giải quyết xong.';
      break;
    case 'SUPPLEMENT_RECEIVED':
      return 'Hồ sơ không chờ bổ sung.';
    case 'FINANCIAL_OBLIGATION_FULFILLED':
      return 'Hồ sơ không chờ thực hiện nghĩa vụ tài chính.';
    case 'FINANCIAL_OBLIGATION_REQUESTED':
      if (status === DossierStatus.Received) return 'Hồ sơ chưa được nhận xử lý.';
      break;
    case 'TRANSFERRED':
      if (status === DossierStatus.Resolved) return 'Hồ sơ đã ở đơn vị tiếp nhận: bước tiếp theo là trả kết quả.';
      break;
    default:
      break;
  }
  if (status === DossierStatus.SupplementRequested) return 'Hồ sơ đang chờ bổ sung.';
  if (status === DossierStatus.FinancialObligationPending) return 'Hồ sơ đang chờ thực hiện nghĩa vụ tài chính.';
  if (status === DossierStatus.Resolved) return 'Hồ sơ đã giải quyết xong.';
  const refusal = applyTransition(status, { type: action, unitId: deskUnitId }, dossier);
  return refusal.ok ? null : refusal.error.message;
}

/**
 * The actions this officer's role may take: the buttons of the action bar, greyed when unavailable
 * now. The rule the server applies too (src/auth/role-permissions.ts).
 */
export function roleActions(role: OfficerRole): TrackingAction[] {
  return TRACKING_ACTIONS.filter((action) => roleMayRecord(role, action));
}

function legalActions(dossier: DossierForActions, deskUnitId: string): EventType[] {
  const { status, handoverPending, holderUnitId, receivingUnitId } = dossier;
  return allowedActions(status, { handoverPending, holderUnitId, receivingUnitId }, deskUnitId);
}

/** A button's words: in status 9 a transfer hands the result back to the receiving unit. */
export function actionLabelFor(action: TrackingAction, dossier: Pick<ProjectedDossier, 'status'>): string {
  return action === 'TRANSFERRED' && dossier.status === DossierStatus.Resolved ? 'Chuyển trả kết quả về đơn vị tiếp nhận' : actionLabels[action];
}

/** The form printed after an action (Circular 01/2018 forms). */
export const formAfterAction: Partial<Record<TrackingAction, PrintForm>> = {
  SUPPLEMENT_REQUESTED: 'supplement-request',
  REFUSED: 'refusal',
  EXTENDED: 'apology-extension',
  STOPPED: 'stop-notice',
};

/** Actions that end or set back the dossier, shown in the warning colour. */
export const CAUTION_ACTIONS: ReadonlySet<TrackingAction> = new Set(['REFUSED', 'WITHDRAWN', 'STOPPED']);
