import type { OfficerRole } from '../../../src/auth/officer.ts';
import type { EventType, PrintForm } from '../../../src/dossier/events.ts';
import { actionLabels, allowedActions } from '../../../src/dossier/state-machine.ts';
import { DossierStatus } from '../../../src/dossier/status.ts';
import type { ProjectedDossier } from '../../../src/dossier/projection.ts';

/** The dossier actions offered on the detail screen, in the order officers meet them. */
export const TRACKING_ACTIONS = [
  'ACCEPTED',
  'TRANSFERRED',
  'SUPPLEMENT_REQUESTED',
  'SUPPLEMENT_RECEIVED',
  'RESOLVED',
  'RETURNED',
  'EXTENDED',
  'REFUSED',
  'WITHDRAWN',
  'STOPPED',
] as const satisfies readonly EventType[];
export type TrackingAction = (typeof TRACKING_ACTIONS)[number];

/**
 * Who may do what (DESIGN §1). Reception asks for supplements, refuses at the counter, hands
 * dossiers on and returns results; processing officers take, resolve, stop and ask for an
 * extension; leaders and administrators may do all of it (small commune desks are one person).
 */
const byRole: Readonly<Record<OfficerRole, readonly TrackingAction[]>> = {
  reception: ['TRANSFERRED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED', 'RETURNED', 'REFUSED', 'WITHDRAWN'],
  processing: ['ACCEPTED', 'TRANSFERRED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED', 'RESOLVED', 'EXTENDED', 'REFUSED', 'WITHDRAWN', 'STOPPED'],
  leader: TRACKING_ACTIONS,
  admin: TRACKING_ACTIONS,
};

/** What the action rules read of a dossier (a projection). */
export type DossierForActions = Pick<ProjectedDossier, 'status' | 'handoverPending' | 'holderUnitId' | 'receivingUnitId'>;

/**
 * The actions the state machine allows this desk's unit now (the holder rule included) AND the
 * officer's role permits.
 */
export function actionsFor(role: OfficerRole, dossier: DossierForActions, deskUnitId: string): TrackingAction[] {
  const legal = new Set(legalActions(dossier, deskUnitId));
  const permitted = new Set(byRole[role]);
  return TRACKING_ACTIONS.filter((action) => legal.has(action) && permitted.has(action));
}

/** Whether this desk may print the dossier's forms (a print is a PRINTED event on it). */
export function mayPrint(dossier: DossierForActions, deskUnitId: string): boolean {
  return legalActions(dossier, deskUnitId).includes('PRINTED');
}

/** The plain line shown instead of the actions when another unit holds the dossier; null when this unit does. */
export function heldElsewhereNotice(dossier: Pick<ProjectedDossier, 'holderUnitId'>, deskUnitId: string): string | null {
  if (dossier.holderUnitId === '' || dossier.holderUnitId === deskUnitId) return null;
  return `Hồ sơ đang do đơn vị ${dossier.holderUnitId} giữ. Đơn vị này (${deskUnitId}) chỉ xem được hồ sơ, không ghi thao tác hay in phiếu cho đến khi hồ sơ được chuyển về.`;
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
