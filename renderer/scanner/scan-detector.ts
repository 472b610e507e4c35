/**
 * Tells a USB barcode scanner from a person typing. A scanner in keyboard mode
 * "types" a whole code in a burst, a few milliseconds per key, and ends with
 * Enter; people do not sustain an average below ~80 ms a key. The detector
 * looks at the average gap of a burst rather than at each gap, because a busy
 * machine delivers some of a scanner's keys late (single gaps of 80–90 ms were
 * measured under load), which must not split a scan in two.
 */
export interface ScanDetectorOptions {
  /** A pause longer than this ends a burst: what follows is a new one. */
  maxGapMs?: number;
  /** Largest average gap between the keys of a burst that is still a scan. */
  maxMeanGapMs?: number;
  /** Fewest characters a scan holds (shorter bursts are fast typing). */
  minLength?: number;
}

export const DEFAULT_SCAN_OPTIONS: Required<ScanDetectorOptions> = { maxGapMs: 100, maxMeanGapMs: 50, minLength: 6 };

export type KeyVerdict =
  /** The key may be part of a scan; the caller lets it through for now. `startsBurst`: it is the first key of one. */
  | { kind: 'pending'; startsBurst: boolean }
  /** Enter closed a burst: `text` was scanned. */
  | { kind: 'scan'; text: string; burstStartedAt: number }
  /** Anything else: ordinary typing. */
  | { kind: 'typing' };

export interface ScanDetector {
  key(key: string, atMs: number): KeyVerdict;
  reset(): void;
}

export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const { maxGapMs, maxMeanGapMs, minLength } = { ...DEFAULT_SCAN_OPTIONS, ...options };
  let buffer = '';
  let startedAt = 0;
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = () => {
    buffer = '';
    lastAt = Number.NEGATIVE_INFINITY;
  };

  return {
    reset,
    key(key, atMs) {
      const inBurst = atMs - lastAt <= maxGapMs;
      if (key === 'Enter') {
        const text = buffer;
        const keys = [...text].length;
        const meanGap = (atMs - startedAt) / Math.max(keys, 1);
        const isScan = inBurst && keys >= minLength && meanGap <= maxMeanGapMs;
        const verdict: KeyVerdict = isScan ? { kind: 'scan', text, burstStartedAt: startedAt } : { kind: 'typing' };
        reset();
        return verdict;
      }
      if ([...key].length !== 1) {
        // Shift, Tab, arrows…: scanners send Shift between characters; it never breaks a burst.
        if (key === 'Shift') return buffer ? { kind: 'pending', startsBurst: false } : { kind: 'typing' };
        reset();
        return { kind: 'typing' };
      }
      const startsBurst = !inBurst || buffer === '';
      if (startsBurst) {
        buffer = '';
        startedAt = atMs;
      }
      buffer += key;
      lastAt = atMs;
      return { kind: 'pending', startsBurst };
    },
  };
}
