import type { OfficerRole } from '../../../src/auth/officer.ts';
import type { EventType, PrintForm } from '../../../src/dossier/events.ts';
import { allowedActions } from '../../../src/dossier/state-machine.ts';
import type { DossierStatus } from '../../../src/dossier/status.ts';

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

/** The actions the state machine allows now AND the officer's role permits. */
export function actionsFor(role: OfficerRole, status: DossierStatus, handoverPending: boolean): TrackingAction[] {
  const legal = new Set(allowedActions(status, { handoverPending }));
  const permitted = new Set(byRole[role]);
  return TRACKING_ACTIONS.filter((action) => legal.has(action) && permitted.has(action));
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
