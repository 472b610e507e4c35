import { useEffect, useRef } from 'react';
import { createScanDetector } from './scan-detector.ts';

type EditableField = HTMLInputElement | HTMLTextAreaElement;

interface FieldSnapshot {
  field: EditableField;
  value: string;
}


function editableTarget(target: EventTarget | null): EditableField | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
}

/** Puts a field back as it was before the scanner typed into it, in a way React and react-hook-form notice. */
function restore({ field, value }: FieldSnapshot): void {
  const prototype = field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  Object.getOwnPropertyDescriptor(prototype, 'value')?.set?.call(field, value);
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens for a USB barcode scanner anywhere in the app. Normal typing is left
 * alone; when a burst turns out to be a scan, whatever it typed into the focused
 * field is taken back and `onScan` receives the text.
 */
export function useBarcodeScanner(onScan: (text: string) => void): void {
  const onScanRef = useRef(onScan);
  useEffect(() => {
    onScanRef.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const detector = createScanDetector();
    let snapshot: FieldSnapshot | null = null;

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
      const verdict = detector.key(event.key, event.timeStamp);
      if (verdict.kind === 'pending' && verdict.startsBurst) {
        // Taken before the key reaches the field: what to put back if the burst turns out to be a scan.
        const field = editableTarget(event.target);
        snapshot = field ? { field, value: field.value } : null;
      }
      if (verdict.kind !== 'scan') return;
      event.preventDefault();
      event.stopPropagation();
      if (snapshot) restore(snapshot);
      snapshot = null;
      onScanRef.current(verdict.text);
    };

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
