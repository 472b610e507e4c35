import { useEffect, useState } from 'react';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import type { DeskStore } from '../store/index.ts';
import { useDossierChanges } from './use-live.ts';

/**
 * The projections this desk holds of a linked group's members, by code (empty for a dossier
 * outside a group), read again whenever a dossier changes: another unit's work on a member
 * arrives by sync while the group is on screen.
 */
export function useGroupMembers(store: DeskStore, dossier: ProjectedDossier): ReadonlyMap<string, ProjectedDossier> {
  const [members, setMembers] = useState<ReadonlyMap<string, ProjectedDossier>>(new Map());
  const codes = dossier.group?.members.map((m) => m.dossierCode).join(' ') ?? '';
  const version = useDossierChanges(store);
  useEffect(() => {
    if (codes === '') return;
    let live = true;
    void store.dossiers.byCodes(codes.split(' ')).then((found) => live && setMembers(new Map(found.map((d) => [d.code, d]))));
    return () => {
      live = false;
    };
  }, [store, codes, version]);
  return members;
}
