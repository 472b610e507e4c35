import type { StatutoryTime } from '../../../src/catalogue/statutory-time.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { awaitedKeys, type PlannedComponent } from '../../../src/dossier/linked-group.ts';
import { computeFee } from '../../../src/fees/fee.ts';
import type { ReceptionPart } from './issue-code.ts';
import type { ReceivedPayloadDraft } from './receive-form.ts';

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
