import type { DossierEvent } from '../../src/dossier/events.ts';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import { foldForSearch } from '../../src/people/search-key.ts';
import { normalizeInstant } from './instant.ts';
import type { DossierDoc } from './schemas/dossier-schema.ts';

/** Contact data of a dossier's people: shown on the dossier, never indexed, encrypted at rest. */
export interface DossierPersonalData {
  applicant: { citizenId?: string; birthDate?: string; phone?: string; email?: string; address?: string };
  collectedBy?: { fullName: string; citizenId?: string };
  /** The person authorised to hand the dossier in: found by their citizen ID too. */
  representative?: { fullName: string; citizenId: string; phone?: string };
  /** An organisation applicant's tax code: found by it (it is public, not personal). */
  taxCode?: string;
}

/** A dossier no due date sorts after every instant. */
const NO_INSTANT = '~';

export function dueKeyOf(dueAt: string, code: string): string {
  return `${dueAt === '' ? NO_INSTANT : normalizeInstant(dueAt)}|${code}`;
}

const MAX_MS_DIGITS = 13;
const MAX_MS = 10 ** MAX_MS_DIGITS - 1;

/** Fixed-width digits that sort in reverse time order. */
export function invertedInstant(iso: string): string {
  return String(MAX_MS - Date.parse(normalizeInstant(iso))).padStart(MAX_MS_DIGITS, '0');
}

export function receivedDescKeyOf(receivedAt: string, code: string): string {
  return `${receivedAt === '' ? NO_INSTANT : invertedInstant(receivedAt)}|${code}`;
}

export function receivedKeyOf(receivedAt: string, code: string): string {
  return `${receivedAt === '' ? NO_INSTANT : normalizeInstant(receivedAt)}|${code}`;
}

/** The personal data of the dossier, from the events the projection applied (route order). */
export function personalDataOf(state: ProjectedDossier, events: readonly DossierEvent[]): DossierPersonalData {
  const byId = new Map(events.map((event) => [event.id, event]));
  const personal: DossierPersonalData = { applicant: {} };
  let receivedSeen = false;
  for (const id of state.eventIds) {
    const event = byId.get(id);
    if (event?.type === 'RECEIVED' && event.dossierCode === state.code && !receivedSeen) {
      receivedSeen = true;
      const { citizenId, birthDate, phone, email, address } = event.payload.applicant;
      personal.applicant = dropUndefined({ citizenId, birthDate, phone, email, address });
      if (event.payload.representative) personal.representative = dropUndefined({ ...event.payload.representative });
      if (event.payload.applicant.organisation) personal.taxCode = event.payload.applicant.organisation.taxCode;
    }
    if (event?.type === 'RETURNED' && event.dossierCode === state.code) {
      personal.collectedBy = dropUndefined({ ...event.payload.collectedBy });
    }
  }
  return personal;
}

type StoredState = ProjectedDossier & Partial<Pick<ProjectedDossier, 'reportUnitId' | 'attachments' | 'papersDigitised' | 'resultDigitised'>>;

/**
 * The projection stored in a dossier doc. Projections saved before a field of the state existed
 * lack it until the dossier's next event: such a dossier is counted by the unit that received it,
 * and its papers as not digitised (the checklist is not in the state; no desk could attach a paper
 * before the flag existed, as the capture screen came after it).
 */
export function stateOfDoc(doc: Pick<DossierDoc, 'state'>): ProjectedDossier {
  const state = doc.state as unknown as StoredState;
  if (state.reportUnitId !== undefined && state.attachments !== undefined && state.papersDigitised !== undefined && state.resultDigitised !== undefined) return state;
  const attachments = state.attachments ?? [];
  return {
    ...state,
    reportUnitId: state.reportUnitId ?? state.receivingUnitId,
    attachments,
    papersDigitised: state.papersDigitised ?? false,
    resultDigitised: state.resultDigitised ?? attachments.some((file) => file.role === 'result'),
  };
}

export function toDossierDoc(state: ProjectedDossier): DossierDoc {
  return {
    code: state.code,
    status: state.status,
    dueKey: dueKeyOf(state.dueAt, state.code),
    receivedKey: receivedKeyOf(state.receivedAt, state.code),
    receivedDescKey: receivedDescKeyOf(state.receivedAt, state.code),
    holderOfficerId: state.holderOfficerId ?? '',
    procedureCode: state.procedureCode.slice(0, 32),
    field: state.field.slice(0, 200),
    applicantName: state.applicantName,
    nameKey: foldForSearch(state.applicantName).slice(0, 200),
    state: JSON.parse(JSON.stringify(state)) as Record<string, unknown>,
    lastEventId: state.eventIds[state.eventIds.length - 1] ?? '',
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
