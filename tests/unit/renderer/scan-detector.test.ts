import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScanDetector, type KeyVerdict } from '../../../renderer/scanner/scan-detector.ts';

/** Types `text` with the given gaps (one per key, the last one before Enter), then Enter. */
function feedWithGaps(text: string, gaps: (i: number) => number, start = 1000): KeyVerdict {
  const detector = createScanDetector();
  let at = start;
  [...text].forEach((char, i) => {
    detector.key(char, at);
    at += gaps(i);
  });
  return detector.key('Enter', at);
}

const feed = (text: string, gapMs: number) => feedWithGaps(text, () => gapMs);
const CODE = '000.00.12.H23-251122-3007';

describe('scan detector', () => {
  it('reports a burst ending in Enter as a scan', () => {
    expect(feed(CODE, 10)).toEqual({ kind: 'scan', text: CODE, skipped: 0 });
  });

  it('treats slow typing as typing', () => {
    expect(feed(CODE, 150)).toEqual({ kind: 'typing' });
  });

  it('treats steady typing at 80 ms a key as typing', () => {
    expect(feed(CODE, 80)).toEqual({ kind: 'typing' });
  });

  it('keeps a scan whole when the machine delivers a few keys late', () => {
    expect(feedWithGaps(CODE, (i) => (i % 9 === 4 ? 160 : 12))).toEqual({ kind: 'scan', text: CODE, skipped: 0 });
  });

  it('treats a short fast burst as typing', () => {
    expect(feed('abc', 5)).toEqual({ kind: 'typing' });
  });

  it('keeps Vietnamese letters and separators of a citizen card QR', () => {
    const qr = '079204001234||Nguyễn Văn An|15032004|Nam|12 Lê Lợi|20042021';
    expect(feed(qr, 8)).toMatchObject({ kind: 'scan', text: qr });
  });

  it('leaves out what a person typed just before the scanner started', () => {
    const human = 'abc';
    const verdict = feedWithGaps(`${human}${CODE}`, (i) => (i < human.length ? 150 : 10));
    expect(verdict).toEqual({ kind: 'scan', text: CODE, skipped: human.length });
  });

  it('ignores Shift inside a burst but not other control keys', () => {
    const detector = createScanDetector();
    let at = 0;
    for (const key of ['A', 'Shift', 'B', 'C', 'Shift', 'D', 'E', 'F']) detector.key(key, (at += 5));
    expect(detector.key('Enter', (at += 5))).toMatchObject({ kind: 'scan', text: 'ABCDEF' });
    for (const key of ['A', 'B', 'C', 'Tab', 'D', 'E', 'F']) detector.key(key, (at += 5));
    expect(detector.key('Enter', at + 5)).toEqual({ kind: 'typing' });
  });

  it('starts a new burst after a long pause, dropping what was typed before', () => {
    const detector = createScanDetector();
    for (const [i, char] of [...'hello'].entries()) detector.key(char, i * 1200);
    let at = 9000;
    for (const char of 'CODE-123456') detector.key(char, (at += 4));
    expect(detector.key('Enter', at + 4)).toEqual({ kind: 'scan', text: 'CODE-123456', skipped: 0 });
  });

  it('marks the first key of every burst, also right after a scan or a reset', () => {
    const detector = createScanDetector();
    expect(detector.key('A', 0)).toEqual({ kind: 'pending', startsBurst: true });
    expect(detector.key('B', 5)).toEqual({ kind: 'pending', startsBurst: false });
    for (const [i, char] of [...'CDEF'].entries()) detector.key(char, 10 + i * 5);
    expect(detector.key('Enter', 30)).toMatchObject({ kind: 'scan', text: 'ABCDEF' });
    expect(detector.key('X', 40)).toEqual({ kind: 'pending', startsBurst: true });
    detector.reset();
    expect(detector.key('Y', 45)).toEqual({ kind: 'pending', startsBurst: true });
  });

  it('property: any text of at least 6 characters sent 1–30 ms apart is a scan of exactly that text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 6, maxLength: 80, unit: fc.constantFrom(...'ABCXYZ0123456789.-|ăêđơ ') }),
        fc.integer({ min: 1, max: 30 }),
        (text, gap) => {
          const verdict = feed(text, gap);
          return verdict.kind === 'scan' && verdict.text === text;
        },
      ),
    );
  });

  it('property: typing at a person pace (80–250 ms a key) is never a scan', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 80, max: 250 }), (text, gap) => feed(text, gap).kind === 'typing'),
    );
  });
});

describe('scan detector on a busy machine', () => {
  it('keeps a scan whole across a single quarter-second stall', () => {
    expect(feedWithGaps(CODE, (i) => (i === 12 ? 273 : 15))).toEqual({ kind: 'scan', text: CODE, skipped: 0 });
  });
});
