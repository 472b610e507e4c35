import { useEffect, useRef } from 'react';
import { createScanDetector } from '../scanner/scan-detector.ts';

/**
 * Lets the screen on view take a barcode scan before the app-wide scanner does.
 *
 * The app shell listens for scans on `window` and opens `/ho-so/<code>`; the return screen must
 * instead keep the officer where they are and load the dossier in place. Listeners on one target
 * run in registration order, so this listener is installed when the module is first imported
 * (before the shell mounts its own) and stops the closing Enter of a claimed scan from reaching
 * the shell's listener.
 */
type ScanHandler = (text: string) => boolean;

const MAX_GAP_MS = 35;
const handlers: ScanHandler[] = [];

type EditableField = HTMLInputElement | HTMLTextAreaElement;

function restore(field: EditableField, value: string): void {
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function install(): void {
  if (typeof window === 'undefined') return;
  const detector = createScanDetector({ maxGapMs: MAX_GAP_MS });
  let lastKeyAt = Number.NEGATIVE_INFINITY;
  let snapshot: { field: EditableField; value: string } | null = null;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      if (event.key !== 'Enter' && event.timeStamp - lastKeyAt > MAX_GAP_MS) {
        const target = event.target;
        snapshot = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? { field: target, value: target.value } : null;
      }
      lastKeyAt = event.timeStamp;
      const verdict = detector.key(event.key, event.timeStamp);
      if (verdict.kind !== 'scan') return;
      const handler = handlers[handlers.length - 1];
      if (!handler || !handler(verdict.text)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (snapshot) restore(snapshot.field, snapshot.value);
      snapshot = null;
    },
    { capture: true },
  );
}

install();

/** `onScan` returns true when it handled the scan; otherwise the app-wide scanner gets it. */
export function useClaimedScan(onScan: ScanHandler): void {
  const ref = useRef(onScan);
  useEffect(() => {
    ref.current = onScan;
  }, [onScan]);
  useEffect(() => {
    const handler: ScanHandler = (text) => ref.current(text);
    handlers.push(handler);
    return () => {
      const index = handlers.indexOf(handler);
      if (index >= 0) handlers.splice(index, 1);
    };
  }, []);
}
