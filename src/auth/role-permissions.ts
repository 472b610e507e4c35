import type { EventType } from '../dossier/events.ts';
import type { OfficerRole } from './officer.ts';

const LEADER: readonly EventType[] = [
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
  'FEE_RECEIPT_ISSUED',
  'FEE_RECEIPT_VOIDED',
  'ATTACHED',
];

/**
 * Which role may record which dossier event, one rule for the desk's screens and the provincial
 * server. Reception takes in, asks for supplements, hands over, hands back and returns; processing
 * decides; the leader may do anything, and so may an administrator on a desk granted to them.
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
    // The one-stop desk collects fees and charges; processing officers do not handle money.
    'FEE_RECEIPT_ISSUED',
    'FEE_RECEIPT_VOIDED',
    'ATTACHED',
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
    'ATTACHED',
  ],
  leader: LEADER,
  // The same as a leader's: an administrator logs in only on desks granted to them (`--desks`), where
  // they are the one-person desk of a small commune; granting roles is theirs anyway.
  admin: LEADER,
};

export function roleMayRecord(role: OfficerRole, type: EventType): boolean {
  return allowed[role].includes(type);
}

/** Guiding or refusing a citizen at the counter (a counter consultation) is for whoever may receive. */
export function roleMayConsult(role: OfficerRole): boolean {
  return roleMayRecord(role, 'RECEIVED');
}
