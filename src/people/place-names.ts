import { z } from 'zod';
import { compareVietnamese } from './vietnamese-collator.ts';

/**
 * Names, not ids: units and counters as officers and citizens say them ("Quầy 1 – UBND phường
 * Ba Đình"), with the id kept as secondary text. The names come from the provincial unit list a
 * desk pulls at enrolment and every sync (reference kind `unit`) and, for a stand-alone desk, from
 * its own identity.
 */

/** A unit as the provincial reference data carries it (more fields may follow: kept, not read). */
export const namedUnitSchema = z.object({ id: z.string(), name: z.string() }).loose();
export type NamedUnit = z.infer<typeof namedUnitSchema>;

/** Said after an id the desk has no name for, so nobody takes the id for a name. */
export const UNKNOWN_UNIT_NOTE = '(đơn vị chưa có trong danh mục)';

/** The word for a desk on the desk and on the server alike. */
export const COUNTER_WORD = 'Quầy';

export interface PlaceName {
  /** What to show first. */
  name: string;
  /** The id, shown as secondary text (small, grey, or a title). */
  id: string;
  /** False when the desk has no name for the id: `name` then holds the id and the note. */
  known: boolean;
}

export interface PlaceNames {
  unit(id: string): PlaceName;
  /** A desk id `<agency id>#<slot>`: "Quầy 1 – UBND phường Ba Đình". */
  counter(deskId: string): PlaceName;
  /** The unit's name alone, or the id with the note: for sentences. */
  unitText(id: string): string;
  /** Every unit with a name, sorted by name (Vietnamese order): a unit picker's options. */
  units: ReadonlyArray<{ id: string; name: string }>;
}

/** `000.00.12.H23#1` → unit and slot; null for an id of another shape. */
export function counterParts(deskId: string): { unitId: string; slot: number } | null {
  const match = /^(.+)#(\d{1,3})$/.exec(deskId.trim());
  return match ? { unitId: match[1] as string, slot: Number(match[2]) } : null;
}

/** "Quầy 1" from a slot number. */
export const counterLabel = (slot: number): string => `${COUNTER_WORD} ${slot}`;

export function createPlaceNames(units: Iterable<Pick<NamedUnit, 'id' | 'name'>>): PlaceNames {
  const names = new Map<string, string>();
  for (const unit of units) {
    const name = unit.name.trim();
    if (name !== '') names.set(unit.id.trim().toUpperCase(), name);
  }
  const unit = (id: string): PlaceName => {
    const name = names.get(id.trim().toUpperCase());
    return name === undefined ? { name: `${id} ${UNKNOWN_UNIT_NOTE}`, id, known: false } : { name, id, known: true };
  };
  const sorted = [...names].map(([id, name]) => ({ id, name })).sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1));
  return {
    units: sorted,
    unit,
    unitText: (id) => unit(id).name,
    counter(deskId) {
      const parts = counterParts(deskId);
      if (!parts) return { name: `${COUNTER_WORD} ${deskId}`, id: deskId, known: false };
      const owner = unit(parts.unitId);
      return { name: `${counterLabel(parts.slot)} – ${owner.name}`, id: deskId, known: owner.known };
    },
  };
}
