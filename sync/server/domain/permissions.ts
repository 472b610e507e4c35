import type { EventType } from '../../../src/dossier/events.ts';
import type { OfficerRole } from '../db/schema.ts';

/**
 * Which role may record which dossier event. Reception takes in, asks for supplements, hands over
 * and hands back; processing decides; the leader may do anything; the administrator runs the system
 * and records nothing on dossiers.
 */
const allowed: Readonly<Record<OfficerRole, readonly EventType[]>> = {
  reception: [
    'RECEIVED',
    'SUPPLEMENT_REQUESTED',
    'SUPPLEMENT_RECEIVED',
    'REFUSED',
    'TRANSFERRED',
    'RETURNED',
    'WITHDRAWN',
    'FINANCIAL_OBLIGATION_FULFILLED',
    'NOTE',
    'PRINTED',
  ],
  processing: [
    'ACCEPTED',
    'TRANSFERRED',
    'SUPPLEMENT_REQUESTED',
    'SUPPLEMENT_RECEIVED',
    'REFUSED',
    'RESOLVED',
    'STOPPED',
    'EXTENDED',
    'FINANCIAL_OBLIGATION_REQUESTED',
    'FINANCIAL_OBLIGATION_FULFILLED',
    'NOTE',
    'PRINTED',
  ],
  leader: [
    'RECEIVED',
    'SUPPLEMENT_REQUESTED',
    'SUPPLEMENT_RECEIVED',
    'REFUSED',
    'TRANSFERRED',
    'ACCEPTED',
    'RESOLVED',
    'RETURNED',
    'WITHDRAWN',
    'STOPPED',
    'EXTENDED',
    'FINANCIAL_OBLIGATION_REQUESTED',
    'FINANCIAL_OBLIGATION_FULFILLED',
    'NOTE',
    'PRINTED',
  ],
  admin: [],
};

export function roleMayRecord(role: OfficerRole, type: EventType): boolean {
  return allowed[role].includes(type);
}
