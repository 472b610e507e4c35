import type { LinkedFieldKey, LinkedGroup } from '../../../src/catalogue/linked-group-schema.ts';
import type { StatutoryTime } from '../../../src/catalogue/statutory-time.ts';
import type { CitizenCardData } from '../../../src/people/citizen-card-qr.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { awaitedKeys, type PlannedComponent } from '../../../src/dossier/linked-group.ts';
import { computeFee } from '../../../src/fees/fee.ts';
import type { ReceptionPart } from './issue-code.ts';
import { isoToDisplayDate, type ReceivedPayloadDraft } from './receive-form.ts';

/**
 * The dossiers of one linked group's reception: one per component, in catalogue order, each with
 * its own procedure, time limit, fee and appointment, the declarant and papers of the whole
 * reception, and the group (its members with their codes and appointments, and only the shared
 * data this component needs). The codes are known only when they are issued, hence the function.
 */
export function groupReceptionParts(
  group: Procedure,
  components: readonly PlannedComponent[],
  shared: ReceivedPayloadDraft,
  dueAt: (time: StatutoryTime) => number,
): ReceptionPart[] {
  const dues = components.map((planned) => dueAt(planned.component.statutoryTime));
  return components.map((planned, index) => ({
    dueAtMs: dues[index]!,
    draft: (codes: readonly string[]) => {
      const { component } = planned;
      const awaited = awaitedKeys(component, components.map((c) => c.component));
      const fee = computeFee(component.fee, { copies: 1, sets: 1 });
      return {
        ...shared,
        procedureCode: component.procedureCode,
        procedureName: component.name,
        statutoryTime: component.statutoryTime,
        // The component's own fee; one the province sets (officer entry) is collected on its dossier later.
        fee: fee.status === 'computed' ? { amount: fee.amount } : { amount: 0, note: fee.note.slice(0, 2000) },
        linkedGroupId: codes[0]!,
        group: {
          procedureCode: group.code,
          procedureName: group.name,
          members: components.map((member, i) => ({
            dossierCode: codes[i]!,
            procedureCode: member.component.procedureCode,
            procedureName: member.component.name,
            unitKind: member.unitKind as 'people-committee' | 'police' | 'social-insurance',
            dueAt: new Date(dues[i]!).toISOString(),
          })),
          data: planned.data,
          ...(awaited.length > 0 ? { awaits: awaited } : {}),
        },
      };
    },
  }));
}

/**
 * A citizen ID card scanned for a group once the declarant is filled: the birth group's mother or
 * the death group's deceased, and the residence address when still empty. Returns what was filled,
 * in words ("người mẹ"), or null when the group has no such person.
 */
export function fillGroupPersonFromCard(
  group: LinkedGroup,
  card: CitizenCardData,
  set: (key: LinkedFieldKey, value: string) => void,
  typed: Partial<Record<LinkedFieldKey, string>>,
): string | null {
  const keys = new Set(group.components.flatMap((c) => c.needs));
  let who: string | null = null;
  if (keys.has('deceasedName')) {
    set('deceasedName', card.fullName);
    set('deceasedCitizenId', card.citizenId);
    set('deceasedBirthDate', isoToDisplayDate(card.birthDate));
    who = 'thông tin người chết';
  } else if (keys.has('motherName')) {
    set('motherName', card.fullName);
    set('motherCitizenId', card.citizenId);
    who = 'thông tin người mẹ';
  }
  if (who && keys.has('residenceAddress') && !typed.residenceAddress?.trim()) set('residenceAddress', card.address);
  return who;
}
