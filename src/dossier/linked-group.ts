import { linkedFieldSpecs, type ComponentAgency, type LinkedComponent, type LinkedFieldKey, type LinkedGroup } from '../catalogue/linked-group-schema.ts';
import type { Procedure } from '../catalogue/procedure-schema.ts';
import { parseCitizenId } from '../people/citizen-id.ts';
import { normalizePersonName } from '../people/person-name.ts';
import { parseTypedDate, pastFactRule } from '../time/date-rule.ts';
import type { LocalDate } from '../time/vn-time.ts';
import { unitKindFromName, unitKindLabels, type UnitKind } from '../units/unit-kind.ts';
import type { DossierState } from './dossier-state.ts';
import type { DossierEvent, GroupMember, GroupMembership } from './events.ts';
import { DossierStatus } from './status.ts';

/**
 * One reception of a linked group (liên thông): the citizen asks for some of the group's
 * components, gives the shared data once, and each component becomes a dossier of its own (own
 * code, due date, route) linked to the others. The group is known by its first component's code
 * (`linkedGroupId`): no code of its own is issued, so no code can exist without its events.
 */

/** The unit kind competent for a component: where the desk may send it. */
export const unitKindOfAgency: Readonly<Record<ComponentAgency, UnitKind>> = {
  'commune-peoples-committee': 'people-committee',
  'commune-police': 'police',
  'social-insurance': 'social-insurance',
};

export type { GroupMember, GroupMembership } from './events.ts';

export type LinkedData = Partial<Record<LinkedFieldKey, string>>;

/** Per field or per component, in Vietnamese: `components` when none is chosen, `data.<key>` for a value. */
export type LinkedGroupErrors = Partial<Record<'components' | `data.${LinkedFieldKey}`, string>>;

export interface PlannedComponent {
  component: LinkedComponent;
  unitKind: UnitKind;
  /** Only the data the component needs (results of other components come later). */
  data: LinkedData;
}

export function groupOf(procedure: Procedure): LinkedGroup | null {
  return procedure.linked ?? null;
}

/** The keys the officer types for the chosen components: everything they need that no chosen component produces. */
export function fieldsToEnter(group: LinkedGroup, chosen: readonly string[]): LinkedFieldKey[] {
  const components = group.components.filter((c) => chosen.includes(c.procedureCode));
  const produced = new Set(components.flatMap((c) => c.produces));
  const keys: LinkedFieldKey[] = [];
  for (const component of components) {
    for (const key of component.needs) if (!produced.has(key) && !keys.includes(key)) keys.push(key);
  }
  return keys;
}

/** A key is required when a chosen component needs it and does not allow it blank. */
export function isRequired(group: LinkedGroup, chosen: readonly string[], key: LinkedFieldKey): boolean {
  return group.components.some((c) => chosen.includes(c.procedureCode) && c.needs.includes(key) && !c.mayBeBlank.includes(key));
}

/** The components asked for, in catalogue order; the required ones always. */
export function chosenComponents(group: LinkedGroup, chosen: readonly string[]): LinkedComponent[] {
  return group.components.filter((c) => !c.optional || chosen.includes(c.procedureCode));
}

/** The chosen components that need `key`, by name ("Đăng ký thường trú"), or all of them in two words. */
function neededBy(components: readonly LinkedComponent[], key: LinkedFieldKey): string {
  const needing = components.filter((c) => c.needs.includes(key));
  if (needing.length > 1 && needing.length === components.length) return 'mọi thủ tục đã chọn';
  return needing.map((c) => c.name).join(', ');
}

/** Checks one value as the officer typed it; the stored form (ISO dates, bare digits) when valid. */
export function checkLinkedValue(key: LinkedFieldKey, raw: string, today: LocalDate): { ok: true; value: string } | { ok: false; message: string } {
  const spec = linkedFieldSpecs[key];
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  switch (spec.format) {
    case 'date': {
      const parsed = parseTypedDate(text, pastFactRule(spec.label, today));
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: parsed.error.message };
    }
    case 'citizen-id': {
      const parsed = parseCitizenId(text);
      return parsed.ok ? { ok: true, value: parsed.value.id } : { ok: false, message: `${spec.label}: ${parsed.error.message}` };
    }
    case 'sex':
      return text === 'Nam' || text === 'Nữ' ? { ok: true, value: text } : { ok: false, message: `${spec.label}: chọn Nam hoặc Nữ.` };
    case 'social-insurance-code':
      return /^\d{10}$/.test(text.replace(/\s/g, '')) ? { ok: true, value: text.replace(/\s/g, '') } : { ok: false, message: `${spec.label} gồm đúng 10 chữ số.` };
    case 'register-number':
      return text.length <= 40 ? { ok: true, value: text } : { ok: false, message: `${spec.label} dài quá 40 ký tự.` };
    case 'text': {
      if (/Name$/.test(key)) {
        const name = normalizePersonName(text);
        return name.ok ? { ok: true, value: name.value } : { ok: false, message: `${spec.label}: ${name.error.message}` };
      }
      return text.length <= 300 ? { ok: true, value: text } : { ok: false, message: `${spec.label} dài quá 300 ký tự.` };
    }
  }
}

/**
 * Checks what the officer entered for a group: at least one component, every value a chosen
 * component needs present and well-formed (the message names the components that need it). The
 * plan gives each component its own data; nothing is stored unless the whole plan is valid.
 */
export function planLinkedReception(
  procedure: Procedure,
  chosenCodes: readonly string[],
  typed: Readonly<Partial<Record<LinkedFieldKey, string>>>,
  today: LocalDate,
): { ok: true; components: PlannedComponent[] } | { ok: false; errors: LinkedGroupErrors } {
  const group = groupOf(procedure);
  if (!group) return { ok: false, errors: { components: `Thủ tục ${procedure.code} không phải nhóm liên thông.` } };
  const components = chosenComponents(group, chosenCodes);
  const errors: LinkedGroupErrors = {};
  if (components.length === 0) errors.components = 'Chọn ít nhất một thủ tục thành phần.';
  const unknown = chosenCodes.filter((code) => !group.components.some((c) => c.procedureCode === code));
  if (unknown.length > 0) errors.components = `Thủ tục ${unknown.join(', ')} không thuộc nhóm ${procedure.name}.`;
  const values: LinkedData = {};
  for (const key of fieldsToEnter(group, components.map((c) => c.procedureCode))) {
    const raw = typed[key] ?? '';
    if (raw.trim() === '') {
      if (isRequired(group, components.map((c) => c.procedureCode), key)) {
        errors[`data.${key}`] = `Chưa nhập ${linkedFieldSpecs[key].label.toLowerCase()} (cần cho ${neededBy(components, key)}).`;
      }
      continue;
    }
    const checked = checkLinkedValue(key, raw, today);
    if (checked.ok) values[key] = checked.value;
    else errors[`data.${key}`] = `${checked.message} (cần cho ${neededBy(components, key)})`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    components: components.map((component) => ({
      component,
      unitKind: unitKindOfAgency[component.agency],
      data: Object.fromEntries(component.needs.flatMap((key) => (values[key] === undefined ? [] : [[key, values[key]]]))) as LinkedData,
    })),
  };
}

/** The group's appointment: its latest member's. */
export function groupDueAt(members: readonly Pick<GroupMember, 'dueAt'>[]): string | null {
  let latest: string | null = null;
  for (const member of members) if (latest === null || Date.parse(member.dueAt) > Date.parse(latest)) latest = member.dueAt;
  return latest;
}

/**
 * Why a linked group's component may not go to `toUnit`, in Vietnamese; null when it may. A
 * component goes only to a unit of the kind competent for it, or from there back to the unit
 * that received it (the result handed back for return). Dossiers outside a group go anywhere.
 */
export function groupTransferProblem(
  dossier: { code: string; receivingUnitId: string; holderUnitId: string; linkedGroupId: string | null; group: Omit<GroupMembership, 'data'> | null },
  toUnit: { id: string; name: string; kind?: UnitKind | undefined },
  /** The results of other components handed on with the transfer; checked when given. */
  groupData?: LinkedData,
): { code: 'group.wrong_unit_kind' | 'group.results_missing'; message: string } | null {
  const member = dossier.group?.members.find((m) => m.dossierCode === dossier.code);
  if (!member) return null;
  const handBack = toUnit.id === dossier.receivingUnitId && dossier.holderUnitId !== dossier.receivingUnitId;
  if (handBack) return null;
  const kind = toUnit.kind ?? unitKindFromName(toUnit.name);
  if (kind === member.unitKind) {
    if (groupData === undefined) return null;
    const missing = (dossier.group?.awaits ?? []).filter((key) => !groupData[key]);
    return missing.length === 0 ? null : { code: 'group.results_missing', message: awaitedMissingText(member.procedureName, missing) };
  }
  const message = `Thủ tục thành phần "${member.procedureName}" của hồ sơ liên thông ${dossier.linkedGroupId ?? ''} chỉ chuyển đến ${unitKindLabels[member.unitKind]} có thẩm quyền (hoặc trả về đơn vị tiếp nhận): ${toUnit.name} là ${unitKindLabels[kind]}.`;
  return { code: 'group.wrong_unit_kind', message };
}

/** Whether a unit is one the component may go to (for the unit picker's list). */
export function isGroupTransferTarget(dossier: Parameters<typeof groupTransferProblem>[0], toUnit: Parameters<typeof groupTransferProblem>[1]): boolean {
  return groupTransferProblem(dossier, toUnit) === null;
}

/** "Đăng ký thường trú cần Số đăng ký khai sinh, … từ kết quả của thủ tục khác trong nhóm". */
export function awaitedMissingText(procedureName: string, missing: readonly LinkedFieldKey[]): string {
  return `Chưa chuyển được "${procedureName}": cần ${missing.map((key) => linkedFieldSpecs[key].label.toLowerCase()).join(', ')} từ kết quả giải quyết của thủ tục khác trong nhóm liên thông. Hãy ghi kết quả đó khi giải quyết thủ tục ấy, rồi chuyển lại.`;
}

/** The results of other chosen components that `component` needs: what its transfer will carry. */
export function awaitedKeys(component: LinkedComponent, chosen: readonly LinkedComponent[]): LinkedFieldKey[] {
  const produced = new Set(chosen.filter((c) => c !== component).flatMap((c) => c.produces));
  return component.needs.filter((key) => produced.has(key));
}

/** The results the group's resolved components recorded, gathered from their RESOLVED events. */
export function resultsOf(events: readonly DossierEvent[]): LinkedData {
  const results: LinkedData = {};
  for (const event of events) if (event.type === 'RESOLVED' && event.payload.results) Object.assign(results, event.payload.results);
  return results;
}

/** The results a group's component gives the others when resolved (its catalogue `produces`). */
export function producedBy(catalogueGroup: Procedure | undefined, procedureCode: string): LinkedFieldKey[] {
  return catalogueGroup?.linked?.components.find((c) => c.procedureCode === procedureCode)?.produces ?? [];
}

/** A component closed without a result to hand over: done for the citizen when it finished. */
export const CLOSED_WITHOUT_RESULT: ReadonlySet<DossierStatus> = new Set([DossierStatus.Refused, DossierStatus.Withdrawn, DossierStatus.Stopped]);

/** The citizen has had what the component gives (its result, or the notice closing it); unknown is not. */
export function isHandedOver(member: Pick<DossierState, 'status'> | undefined): boolean {
  return member !== undefined && (member.status === DossierStatus.Returned || CLOSED_WITHOUT_RESULT.has(member.status));
}
