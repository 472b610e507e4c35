import { createScanDetector } from './scan-detector.ts';
import type { ScanDetectorOptions } from './scan-detector.ts';
import { restoreField, snapshotField } from './field-snapshot.ts';
import type { FieldSnapshot } from './field-snapshot.ts';

/**
 * The app's one keyboard listener for a USB barcode scanner. Ordinary typing is left alone;
 * when a burst turns out to be a scan, its closing Enter is swallowed, whatever it typed into
 * the focused field is taken back, and `onScan` receives the text. Returns the uninstaller.
 */
export function listenForScans(target: Window, onScan: (text: string) => void, options?: ScanDetectorOptions): () => void {
  const detector = createScanDetector(options);
  let snapshot: FieldSnapshot | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return;
    const verdict = detector.key(event.key, event.timeStamp);
    // Taken before the key reaches the field: what to put back if the burst turns out to be a scan.
    if (verdict.kind === 'pending' && verdict.startsBurst) snapshot = snapshotField(event.target);
    if (verdict.kind !== 'scan') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (snapshot) restoreField(snapshot);
    snapshot = null;
    onScan(verdict.text);
  };

  // Capture on window: runs before any screen's own key handling, so a scan's Enter never submits a form.
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}
