import { looksScanned } from './scan-shape.ts';

/**
 * Tells a USB barcode scanner from a person typing. A scanner in keyboard mode "types" a whole
 * code in a burst, a few milliseconds per key, and ends with Enter (its terminator). Speed alone
 * proves nothing: a Vietnamese input method (Unikey, EVKey) or a text expander also sends keys
 * at scanner speed. So a burst closed by Enter is a scan only
 * - outside editable fields, where no key types anything and nothing can be lost; or
 * - in an editable field, when its text has a scan's shape (a dossier code, the receipt's lookup
 *   QR, a citizen card's QR: `looksScanned`). Anything else typed there is the officer's text:
 *   the field and its Enter are left exactly as typed.
 * A burst is judged by its average gap rather than by each gap, because a busy machine delivers
 * some of a scanner's keys late (single gaps of 100–270 ms were measured under load), which must
 * not split a scan in two. Keys a person typed just before the scan (each followed by a slow gap)
 * are left out of it. Any other key (Backspace, arrows, an input method's "Process") ends the
 * burst: a scanner never sends them, an input method replacing a letter does.
 */
export interface ScanDetectorOptions {
  /** A pause longer than this ends a burst: what follows is a new one. */
  maxGapMs?: number;
  /** Leading keys followed by a gap longer than this are a person's, not the scanner's. */
  leadingGapMs?: number;
  /** Largest average gap between the keys of a scan. */
  maxMeanGapMs?: number;
  /** Fewest characters a scan holds (shorter bursts are fast typing). */
  minLength?: number;
  /** Whether text typed into an editable field has a scan's shape. */
  looksScanned?: (text: string) => boolean;
}

export const DEFAULT_SCAN_OPTIONS: Required<Omit<ScanDetectorOptions, 'looksScanned'>> = { maxGapMs: 1000, leadingGapMs: 100, maxMeanGapMs: 50, minLength: 6 };

export type KeyVerdict =
  /** The key may be part of a scan; the caller lets it through for now. `startsBurst`: it is the first key of one. */
  | { kind: 'pending'; startsBurst: boolean }
  /** Enter closed a scan: `text` was scanned; the burst's first `skipped` characters were typed by a person. */
  | { kind: 'scan'; text: string; skipped: number }
  /** Anything else: ordinary typing. */
  | { kind: 'typing' };

/** Where a key went: into an editable field (input, textarea, contenteditable) or not. */
export interface KeyContext {
  editable: boolean;
}

export interface ScanDetector {
  key(key: string, atMs: number, context?: KeyContext): KeyVerdict;
  reset(): void;
}

export function createScanDetector(options: ScanDetectorOptions = {}): ScanDetector {
  const { maxGapMs, leadingGapMs, maxMeanGapMs, minLength } = { ...DEFAULT_SCAN_OPTIONS, ...options };
  const shaped = options.looksScanned ?? looksScanned;
  let chars: string[] = [];
  let times: number[] = [];
  let lastAt = Number.NEGATIVE_INFINITY;

  const reset = () => {
    chars = [];
    times = [];
    lastAt = Number.NEGATIVE_INFINITY;
  };

  const closeBurst = (enterAt: number, editable: boolean): KeyVerdict => {
    const at = [...times, enterAt];
    let start = 0;
    while (start < chars.length && (at[start + 1] as number) - (at[start] as number) > leadingGapMs) start += 1;
    const kept = chars.length - start;
    const meanGap = kept > 0 ? (enterAt - (at[start] as number)) / kept : Number.POSITIVE_INFINITY;
    if (kept < minLength || meanGap > maxMeanGapMs) return { kind: 'typing' };
    const text = chars.slice(start).join('');
    if (editable && !shaped(text)) return { kind: 'typing' };
    return { kind: 'scan', text, skipped: start };
  };

  return {
    reset,
    key(key, atMs, context = { editable: false }) {
      const inBurst = atMs - lastAt <= maxGapMs;
      if (key === 'Enter') {
        const verdict = inBurst ? closeBurst(atMs, context.editable) : { kind: 'typing' as const };
        reset();
        return verdict;
      }
      if ([...key].length !== 1) {
        // Shift, Tab, arrows…: scanners send Shift between characters; it never breaks a burst.
        if (key === 'Shift') return chars.length > 0 ? { kind: 'pending', startsBurst: false } : { kind: 'typing' };
        reset();
        return { kind: 'typing' };
      }
      const startsBurst = !inBurst || chars.length === 0;
      if (startsBurst) {
        chars = [];
        times = [];
      }
      chars.push(key);
      times.push(atMs);
      lastAt = atMs;
      return { kind: 'pending', startsBurst };
    },
  };
}
