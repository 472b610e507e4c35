import { useEffect, useState } from 'react';
import { namedUnitSchema } from '../../src/people/place-names.ts';
import { compareVietnamese } from '../../src/people/vietnamese-collator.ts';
import { unitKindSchema, type UnitKind } from '../../src/units/unit-kind.ts';
import type { DeskStore } from '../store/index.ts';

/** A unit of the province as the desk holds it; `kind` when the server set one (else read from the name). */
export interface ProvinceUnit {
  id: string;
  name: string;
  kind?: UnitKind;
}

export interface ProvinceUnits {
  /** The province's units the desk holds (pulled at enrolment and every sync), by name. */
  units: ReadonlyArray<ProvinceUnit>;
  /** False until the desk has pulled the province's unit list at least once. */
  listed: boolean;
}

/**
 * The units a dossier can be handed to: the province's list, kept in the desk's store so it is
 * there offline and after a restart, plus the desk's own unit (all a desk without the list has).
 * Null while loading.
 */
export function useProvinceUnits(store: DeskStore, own: { id: string; name: string }): ProvinceUnits | null {
  const [result, setResult] = useState<ProvinceUnits | null>(null);
  const { id, name } = own;
  useEffect(() => {
    let live = true;
    const settle = (listed: ReadonlyArray<{ id: string; name: string; kind?: unknown }>) => {
      const byId = new Map<string, ProvinceUnit>([[id, { id, name }]]);
      for (const unit of listed) {
        if (unit.name.trim() === '') continue;
        const kind = unitKindSchema.safeParse(unit.kind);
        byId.set(unit.id.trim().toUpperCase(), { id: unit.id.trim().toUpperCase(), name: unit.name.trim(), ...(kind.success ? { kind: kind.data } : {}) });
      }
      const units = [...byId.values()].sort((a, b) => compareVietnamese(a.name, b.name) || (a.id < b.id ? -1 : 1));
      if (live) setResult({ units, listed: listed.length > 0 });
    };
    store.reference
      .list('unit', namedUnitSchema)
      .then((entries) => settle(entries.map((entry) => entry.value)))
      // A damaged list is as good as none: the officer is told to sync.
      .catch(() => settle([]));
    return () => {
      live = false;
    };
  }, [store, id, name]);
  return result;
}
