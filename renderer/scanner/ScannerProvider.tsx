import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createScanHandlerStack } from './scan-handlers.ts';
import { listenForScans } from './scan-listener.ts';
import { ScannerContext } from './scanner-context.ts';

export interface ScannerProviderProps {
  /** Gets a scan no screen used, with what the registered screens would have accepted. */
  onUnhandled: (text: string, accepted: readonly string[]) => void;
  children: ReactNode;
}

/** Installs the app's single scanner listener for as long as the shell is mounted. */
export function ScannerProvider({ onUnhandled, children }: ScannerProviderProps) {
  const [stack] = useState(createScanHandlerStack);
  const fallback = useRef(onUnhandled);
  useEffect(() => {
    fallback.current = onUnhandled;
  }, [onUnhandled]);
  useEffect(() => listenForScans(window, (text) => stack.dispatch(text, (...args) => fallback.current(...args))), [stack]);
  return <ScannerContext.Provider value={stack}>{children}</ScannerContext.Provider>;
}
