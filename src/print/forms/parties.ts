import type { EventOf } from '../../dossier/events.ts';

/** An organisation applicant and the authorised person, as the forms print them. */
export interface PartyLines {
  organisation: { taxCode: string; legalRepresentative: string } | null;
  representative: { fullName: string; citizenId: string; phone: string | null } | null;
}

export function partyLinesOf(received: EventOf<'RECEIVED'>): PartyLines {
  const { organisation } = received.payload.applicant;
  const representative = received.payload.representative;
  return {
    organisation: organisation
      ? { taxCode: organisation.taxCode, legalRepresentative: `${organisation.legalRepresentative.fullName} – ${organisation.legalRepresentative.position}` }
      : null,
    representative: representative ? { fullName: representative.fullName, citizenId: representative.citizenId, phone: representative.phone ?? null } : null,
  };
}

/** Who signs for the applicant: the authorised person when there is one. */
export function applicantSignerOf(received: EventOf<'RECEIVED'>): string | undefined {
  return received.payload.representative?.fullName;
}
