import { useEffect, useMemo, useState } from 'react';
import { parseDossierCode } from '../../../src/dossier/dossier-code.ts';
import { notADossierMessage } from '../../../src/dossier/dossier-reference.ts';
import type { DossierEvent } from '../../../src/dossier/events.ts';
import type { DeskStore, StoredDossier } from '../../store/index.ts';

export type DossierLoad =
  | { state: 'loading' }
  | { state: 'invalid'; message: string }
  | { state: 'missing'; code: string }
  | { state: 'failed'; message: string }
  | { state: 'ready'; stored: StoredDossier; events: DossierEvent[] };

/** Reads a typed or scanned code (any case, stray spaces) and loads its dossier and route. */
export function useDossier(store: DeskStore, rawCode: string, version: number): DossierLoad {
  const [load, setLoad] = useState<DossierLoad>({ state: 'loading' });
  const parsed = useMemo(() => parseDossierCode(rawCode.replace(/\s+/g, '')), [rawCode]);
  const code = parsed.ok ? parsed.value.code : null;
  useEffect(() => {
    if (code === null) return;
    let live = true;
    Promise.all([store.dossiers.byCode(code), store.events.forDossier(code)])
      .then(([stored, events]) => {
        if (!live) return;
        setLoad(stored ? { state: 'ready', stored, events } : { state: 'missing', code });
      })
      .catch((error: unknown) => {
        if (live) setLoad({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [store, code, version]);
  if (!parsed.ok) return { state: 'invalid', message: notADossierMessage(rawCode) };
  // A previous dossier's data must not show under a newly scanned code.
  if (load.state === 'ready' && load.stored.state.code !== code) return { state: 'loading' };
  if (load.state === 'missing' && load.code !== code) return { state: 'loading' };
  return load;
}
