import { createScanDetector } from './scan-detector.ts';
import type { ScanDetectorOptions } from './scan-detector.ts';
import { isEditable, restoreField, snapshotField } from './field-snapshot.ts';
import type { FieldSnapshot } from './field-snapshot.ts';

/**
 * The app's one keyboard listener for a USB barcode scanner. Ordinary typing is left alone;
 * when a burst turns out to be a scan (scan-detector.ts: in a field, only a code's or a card's
 * shape is), its closing Enter is swallowed, whatever it typed into the focused field is taken
 * back, and `onScan` receives the text. Returns the uninstaller.
 */
export function listenForScans(target: Window, onScan: (text: string) => void, options?: ScanDetectorOptions): () => void {
  const detector = createScanDetector(options);
  // The field as it was before each character of the current burst, to put back exactly what the scanner typed.
  let before: (FieldSnapshot | null)[] = [];
  let lastTarget: EventTarget | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    // A scanner types into one field: a key aimed elsewhere begins a new burst.
    if (event.target !== lastTarget) detector.reset();
    lastTarget = event.target;
    const verdict = detector.key(event.key, event.timeStamp, { editable: isEditable(event.target) });
    if (verdict.kind === 'pending') {
      if (verdict.startsBurst) before = [];
      // Taken before the key reaches the field.
      if ([...event.key].length === 1) before.push(snapshotField(event.target));
      return;
    }
    if (verdict.kind !== 'scan') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const snapshot = before[verdict.skipped];
    if (snapshot) restoreField(snapshot);
    before = [];
    onScan(verdict.text);
  };

  // Capture on window: runs before any screen's own key handling, so a scan's Enter never submits a form.
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
