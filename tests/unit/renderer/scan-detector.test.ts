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

/** Keys as a Vietnamese input method sends them: a person's keys, each replaced letter as Backspace + the new one, all at once. */
function unikeyTelex(words: string[]): string[] {
  const keys: string[] = [];
  for (const [index, word] of words.entries()) {
    if (index > 0) keys.push(' ');
    for (const letter of word) {
      const base = letter.normalize('NFD').replace(/\p{M}/gu, '').replace('đ', 'd').replace('Đ', 'D');
      keys.push(base);
      // The input method takes back the bare letter and types the accented one in its place.
      if (base !== letter) keys.push('Backspace', letter);
    }
  }
  return keys;
}

/** Sends `keys` `gapMs` apart, then Enter, all into an editable field (or not). */
function feedKeys(keys: readonly string[], gapMs: number, editable: boolean): KeyVerdict {
  const detector = createScanDetector();
  let at = 5_000;
  for (const key of keys) detector.key(key, (at += gapMs), { editable });
  return detector.key('Enter', at + gapMs, { editable });
}

describe('scan detector in an editable field: terminator and shape, never speed alone', () => {
  it('leaves a name from a text expander (2 ms a key) typed before Enter exactly as typed', () => {
    expect(feedKeys([...'Nguyễn Thị Ngọc Anh'], 2, true)).toEqual({ kind: 'typing' });
    expect(feedKeys([...'Số 12 phố Hàng Bạc, phường Hoàn Kiếm'], 1, true)).toEqual({ kind: 'typing' });
    // Outside a field nothing is typed, so the same burst is a scan (the shell says it is not a code).
    expect(feedKeys([...'Nguyễn Thị Ngọc Anh'], 2, false)).toMatchObject({ kind: 'scan' });
  });

  it('never takes Unikey-style bursts (Backspace and the accented letter at once) for a scan', () => {
    const keys = unikeyTelex(['Nguyễn', 'Thị', 'Ngọc', 'Ánh']);
    expect(keys).toContain('Backspace');
    for (const gap of [1, 5, 20]) {
      expect(feedKeys(keys, gap, true)).toEqual({ kind: 'typing' });
      expect(feedKeys(keys, gap, false)).toEqual({ kind: 'typing' });
    }
  });

  it('takes a dossier code, the receipt QR or a citizen card QR at scanner speed as a scan, even in a field', () => {
    expect(feedKeys([...CODE], 10, true)).toEqual({ kind: 'scan', text: CODE, skipped: 0 });
    const url = `http://10.20.30.40:8080/tra-cuu?ma=${CODE}`;
    expect(feedKeys([...url], 5, true)).toMatchObject({ kind: 'scan', text: url });
    const card = '079204001234||Nguyễn Văn An|15032004|Nam|12 Lê Lợi|20042021';
    expect(feedKeys([...card], 8, true)).toMatchObject({ kind: 'scan', text: card });
    // Typed by a person, the same code is typing: the field's own Enter looks it up.
    expect(feedKeys([...CODE], 150, true)).toEqual({ kind: 'typing' });
  });

  it('property: text without a scan’s shape is typing in a field at any speed', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60, unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ABCDĐ0123456789.,-') }),
        fc.integer({ min: 0, max: 40 }),
        (text, gap) => feedKeys([...text.normalize('NFC')], gap, true).kind === 'typing',
      ),
    );
  });
});
