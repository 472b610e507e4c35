import { createContext, useContext, useEffect, useRef } from 'react';
import type { ScanHandler, ScanHandlerStack } from './scan-handlers.ts';

export const ScannerContext = createContext<ScanHandlerStack | null>(null);

/**
 * Lets the screen on view take barcode scans while it is mounted: the latest registered handler
 * is asked first; returning false passes the scan on (in the end to the shell, which opens a
 * dossier code or says what was not recognised). `accepts` names what the handler reads, for
 * that message.
 */
export function useScanHandler(handler: ScanHandler, accepts?: string): void {
  const stack = useContext(ScannerContext);
  if (!stack) throw new Error('useScanHandler() outside <ScannerProvider>: the screen is rendered outside the shell');
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(
    () => stack.push({ handle: (text) => latest.current(text), ...(accepts ? { accepts } : {}) }),
    [stack, accepts],
  );
}
