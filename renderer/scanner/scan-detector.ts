/**
 * Tells a USB barcode scanner from a person typing. A scanner in keyboard mode
 * "types" a whole code in a burst, a few milliseconds per key, and ends with
 * Enter; people rarely sustain keys closer than ~35 ms apart. The detector is
 * fed every key with its time and reports a scan when a burst ends in Enter.
 */
export interface ScanDetectorOptions {
  /** Largest gap between two keys of one burst. */
  maxGapMs?: number;
  /** Fewest characters a scan holds (shorter bursts are fast typing). */
  minLength?: number;
}

export type KeyVerdict =
  /** The key may be part of a scan; the caller lets it through for now. */
  | { kind: 'pending' }
  /** Enter closed a burst: `text` was scanned. */
  | { kind: 'scan'; text: string; burstStartedAt: number }
  /** Anything else: ordinary typing. */
  | { kind: 'typing' };

export interface ScanDetector {
  key(key: string, atMs: number): KeyVerdict;
  reset(): void;
}

export function createScanDetector({ maxGapMs = 35, minLength = 6 }: ScanDetectorOptions = {}): ScanDetector {
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
        const isScan = inBurst && text.length >= minLength;
        const verdict: KeyVerdict = isScan ? { kind: 'scan', text, burstStartedAt: startedAt } : { kind: 'typing' };
        reset();
        return verdict;
      }
      if ([...key].length !== 1) {
        // Shift, Tab, arrows…: scanners send Shift between characters; it never breaks a burst.
        if (key === 'Shift') return buffer ? { kind: 'pending' } : { kind: 'typing' };
        reset();
        return { kind: 'typing' };
      }
      if (!inBurst) {
        buffer = '';
        startedAt = atMs;
      }
      buffer += key;
      lastAt = atMs;
      return { kind: 'pending' };
    },
  };
}
