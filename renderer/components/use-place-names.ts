import { useEffect, useState } from 'react';
import type { DeskIdentity } from '../../src/auth/desk-identity.ts';
import { createPlaceNames, namedUnitSchema } from '../../src/people/place-names.ts';
import type { PlaceNames } from '../../src/people/place-names.ts';
import type { DeskStore } from '../store/index.ts';

/**
 * The unit and counter names this desk knows: the provincial unit list pulled at enrolment and
 * every sync, and the desk's own unit (all a stand-alone desk has). Read again whenever `version`
 * changes (pass the dossier-change counter: a sync that brings dossiers may bring units too).
 * Null while loading, so a screen never shows a bare id it is about to replace by a name.
 */
export function usePlaceNames(store: DeskStore, identity: Pick<DeskIdentity, 'agencyId' | 'unitName'>, version = 0): PlaceNames | null {
  const [names, setNames] = useState<PlaceNames | null>(null);
  const { agencyId, unitName } = identity;
  useEffect(() => {
    let live = true;
    const own = { id: agencyId, name: unitName };
    store.reference
      .list('unit', namedUnitSchema)
      .then((units) => {
        if (live) setNames(createPlaceNames([own, ...units.map((entry) => entry.value)]));
      })
      .catch(() => {
        // A damaged unit list must not hide the dossier: ids are shown with their note instead.
        if (live) setNames(createPlaceNames([own]));
      });
    return () => {
      live = false;
    };
  }, [store, agencyId, unitName, version]);
  return names;
}
