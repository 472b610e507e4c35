import { z } from 'zod';

/**
 * The kind of body a unit is, which its forms' header names ("ỦY BAN NHÂN DÂN / PHƯỜNG BA ĐÌNH",
 * "CÔNG AN / PHƯỜNG BA ĐÌNH"). Reference data on the server (units.kind, `unit add/update --kind`),
 * pulled by the desks with the unit list.
 */
export const unitKinds = ['people-committee', 'police', 'social-insurance', 'military-command', 'other'] as const;
export const unitKindSchema = z.enum(unitKinds, { error: `Loại đơn vị phải là một trong: ${unitKinds.join(', ')}` });
export type UnitKind = z.infer<typeof unitKindSchema>;

/** The body's name as the header's first line prints it, upper case; null: the unit's name alone. */
export const unitKindHeadings: Readonly<Record<UnitKind, string | null>> = {
  'people-committee': 'ỦY BAN NHÂN DÂN',
  police: 'CÔNG AN',
  'social-insurance': 'BẢO HIỂM XÃ HỘI',
  'military-command': 'BAN CHỈ HUY QUÂN SỰ',
  other: null,
};

/** Vietnamese names of the kinds, for the command line and the screens. */
export const unitKindLabels: Readonly<Record<UnitKind, string>> = {
  'people-committee': 'Ủy ban nhân dân',
  police: 'Công an',
  'social-insurance': 'Bảo hiểm xã hội',
  'military-command': 'Ban Chỉ huy quân sự',
  other: 'Cơ quan khác',
};

/** A name that starts with its kind: "UBND …", "Công an …", "BHXH …", "Ban Chỉ huy quân sự …". */
const NAME_PREFIXES: ReadonlyArray<readonly [UnitKind, RegExp]> = [
  ['people-committee', /^(?:ubnd|[uủ][yỷ] ban nhân dân)(?:\s+|$)/iu],
  ['police', /^(?:công an)(?:\s+|$)/iu],
  ['social-insurance', /^(?:bảo hiểm xã hội|bhxh)(?:\s+|$)/iu],
  ['military-command', /^(?:ban chỉ huy quân sự|bchqs)(?:\s+|$)/iu],
];

function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The kind a unit without one is taken to be: the one its name starts with, else a people's
 * committee (every unit before kinds existed was printed as one).
 */
export function unitKindFromName(name: string): UnitKind {
  const clean = cleanName(name);
  return NAME_PREFIXES.find(([, prefix]) => prefix.test(clean))?.[0] ?? 'people-committee';
}

/** The unit's name without its kind's words in front: "Công an phường Ba Đình" → "phường Ba Đình". */
export function nameWithoutKind(name: string, kind: UnitKind): string {
  const clean = cleanName(name);
  const prefix = NAME_PREFIXES.find(([candidate]) => candidate === kind)?.[1];
  const rest = prefix ? clean.replace(prefix, '') : clean;
  return rest === '' ? clean : rest;
}
