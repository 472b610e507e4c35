import { useEffect, useState } from 'react';
import type { DeskStore } from '../store/index.ts';

/**
 * A number that changes whenever a dossier projection changes (local action or sync pull),
 * debounced so a burst of pulled events costs one re-query.
 */
export function useDossierChanges(store: DeskStore, debounceMs = 150): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.onDossiersChanged(() => {
      clearTimeout(timer);
      timer = setTimeout(() => setVersion((v) => v + 1), debounceMs);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [store, debounceMs]);
  return version;
}

/** The desk clock, refreshed every `periodMs` (deadline states move with time, not only with data). */
export function useClock(now: () => number, periodMs = 60_000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), periodMs);
    return () => clearInterval(timer);
  }, [now, periodMs]);
  return value;
}
