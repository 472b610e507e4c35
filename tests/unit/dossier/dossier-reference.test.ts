import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDossierCode } from '../../../src/dossier/dossier-code.ts';
import { candidateCodes, missingCodeMessage, notADossierMessage, readDossierReference, resolveReference, RECENT_DAYS } from '../../../src/dossier/dossier-reference.ts';
import type { DossierReference, ReferenceReading } from '../../../src/dossier/dossier-reference.ts';

const AGENCY = '000.00.12.H23';
const context = { agencyId: AGENCY, slot: 2, today: '2025-11-24' };
const code = (day: string, sequence: number) => `${AGENCY}-${day}-${sequence}`;

function referenceOf(text: string): DossierReference {
  const reading = readDossierReference(text);
  if (reading.kind !== 'reference') throw new Error(`not a reference: ${JSON.stringify(reading)}`);
  return reading.reference;
}

/** What `text` comes to when exactly `existing` codes are on the desk. */
function resolve(text: string, existing: readonly string[]) {
  const ref = referenceOf(text);
  return resolveReference(ref, candidateCodes(ref, context), (c) => existing.includes(c));
}

const messageOf = (reading: ReferenceReading) => (reading.kind === 'invalid' ? reading.message : null);

describe('reading what people type or scan to name a dossier', () => {
  it('reads the whole code however it was typed, and the receipt QR as a scanner reads it', () => {
    const whole = { kind: 'code', code: code('251124', 1001) };
    expect(referenceOf(' 000.00.12.h23-251124-1001 ')).toEqual(whole);
    expect(referenceOf('000.00.12.H23 - 251124 - 1001')).toEqual(whole);
    expect(referenceOf(`http://10.20.30.40:8080/tra-cuu?ma=${encodeURIComponent(code('251124', 1001))}`)).toEqual(whole);
    expect(referenceOf(`https://motcua.hanoi.gov.vn/tra-cuu/${code('251124', 1001)}`)).toEqual(whole);
  });

  it('reads "YYMMDD-NNNN" as that day, and the last digits as today', () => {
    expect(referenceOf('251120-1001')).toEqual({ kind: 'day', date: '2025-11-20', number: '1001', sequences: [1001] });
    expect(referenceOf('1001')).toEqual({ kind: 'today', number: '1001', sequences: [1001] });
    expect(referenceOf(' 2007 ')).toEqual({ kind: 'today', number: '2007', sequences: [2007] });
  });

  it('reads fewer digits as a desk’s own count, at every desk of the agency', () => {
    const seven = [1007, 2007, 3007, 4007, 5007, 6007, 7007, 8007, 9007];
    expect(referenceOf('7')).toEqual({ kind: 'today', number: '7', sequences: seven });
    expect(referenceOf('007')).toMatchObject({ sequences: seven });
    expect(referenceOf('0007')).toMatchObject({ sequences: seven });
    expect(referenceOf('251120-7')).toMatchObject({ kind: 'day', sequences: seven });
  });

  it('leaves names and other text to the name search', () => {
    expect(readDossierReference('thi ngoc')).toEqual({ kind: 'other' });
    expect(readDossierReference('Nguyễn Văn An')).toEqual({ kind: 'other' });
    expect(readDossierReference('   ')).toEqual({ kind: 'other' });
  });

  it('says plainly why a number cannot be a dossier’s, never the code’s grammar', () => {
    const cases = ['1000', '0', '12345', '251131-1001', 'abc.12-251124', '000.00.12.H23-251399-1001', 'http://x.vn/tra-cuu?ma=hello'];
    for (const text of cases) {
      const message = messageOf(readDossierReference(text));
      expect(message, text).toEqual(expect.any(String));
      expect(message, text).not.toMatch(/YYMMDD|NNNN|<|không đúng dạng/);
    }
    expect(messageOf(readDossierReference('1000'))).toBe('Không có hồ sơ số 1000: số hồ sơ không tận cùng bằng 000. Gõ 4 số cuối của mã hồ sơ (ví dụ 1001) hoặc quét mã vạch trên giấy biên nhận.');
    expect(messageOf(readDossierReference('251131-1001'))).toBe('Không có hồ sơ 251131-1001: ngày 31/11/2025 không có thật.');
    expect(notADossierMessage('khong-phai-ma')).toBe('"khong-phai-ma" không phải mã hồ sơ. Gõ 4 số cuối của mã hồ sơ (ví dụ 1001) hoặc quét mã vạch trên giấy biên nhận.');
  });

  it('property: every code a desk can issue is read back exactly, in any case and with spaces around', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 999 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (slot, counter, day) => {
        const issued = formatDossierCode({ agencyId: AGENCY, localDate: day.toISOString().slice(0, 10), slot, counter });
        const read = readDossierReference(`  ${issued.toLowerCase()} `);
        return read.kind === 'reference' && read.reference.kind === 'code' && read.reference.code === issued;
      }),
    );
  });
});

describe('what a number comes to on this desk', () => {
  it('opens the one dossier of today with that number', () => {
    expect(resolve('1001', [code('251124', 1001), code('251120', 1001)])).toEqual({ kind: 'found', code: code('251124', 1001) });
    expect(resolve('7', [code('251124', 1007)])).toEqual({ kind: 'found', code: code('251124', 1007) });
    expect(resolve('251120-1001', [code('251124', 1001), code('251120', 1001)])).toEqual({ kind: 'found', code: code('251120', 1001) });
  });

  it('lists the candidates when several desks have that number today, this desk’s first', () => {
    expect(resolve('7', [code('251124', 1007), code('251124', 2007), code('251124', 3007)])).toEqual({
      kind: 'choose',
      codes: [code('251124', 2007), code('251124', 1007), code('251124', 3007)],
      message: 'Có 3 hồ sơ số 7 hôm nay (ở các quầy khác nhau): chọn hồ sơ cần mở.',
    });
  });

  it('offers the same number on recent days to choose from (never opens another day’s on its own)', () => {
    expect(resolve('1001', [code('251120', 1001), code('251121', 1001)])).toEqual({
      kind: 'choose',
      codes: [code('251121', 1001), code('251120', 1001)],
      message: `Không tìm thấy hồ sơ số 1001 hôm nay. Có 2 hồ sơ số 1001 trong ${RECENT_DAYS} ngày gần đây: chọn hồ sơ cần mở.`,
    });
    expect(resolve('1001', [code('251120', 1001)])).toMatchObject({ kind: 'choose', codes: [code('251120', 1001)] });
  });

  it('says plainly when there is none', () => {
    expect(resolve('1001', [])).toEqual({ kind: 'none', message: 'Không tìm thấy hồ sơ số 1001 hôm nay.' });
    expect(resolve('251120-1001', [])).toEqual({ kind: 'none', message: 'Không tìm thấy hồ sơ số 1001 ngày 20/11/2025.' });
    expect(resolve(code('251124', 1999), [])).toMatchObject({ kind: 'none', message: expect.stringContaining(`Không tìm thấy hồ sơ ${code('251124', 1999)} trên máy này.`) });
    // Older than the recent days: not offered.
    expect(resolve('1001', [code('251024', 1001)])).toEqual({ kind: 'none', message: 'Không tìm thấy hồ sơ số 1001 hôm nay.' });
  });

  it('says a valid code from elsewhere is not on this desk yet, instead of invalid', () => {
    const foreign = '000.00.12.H23-251122-0007';
    const otherAgency = '000.00.12.H24-251124-2001';
    for (const text of [foreign, otherAgency, `https://motcua.tinh.gov.vn/tra-cuu?ma=${foreign}`]) {
      const ref = referenceOf(text);
      const outcome = resolveReference(ref, candidateCodes(ref, context), () => false, context);
      expect(outcome).toMatchObject({ kind: 'none', message: expect.stringContaining('hợp lệ nhưng chưa có trên quầy này (có thể do cơ quan/hệ thống khác cấp)') });
    }
    // The unit's own desks' codes are simply not found yet (another counter's, before sync).
    const ref = referenceOf(code('251124', 1999));
    expect(resolveReference(ref, candidateCodes(ref, context), () => false, context)).toMatchObject({
      kind: 'none',
      message: expect.stringContaining(`Không tìm thấy hồ sơ ${code('251124', 1999)} trên máy này.`),
    });
    expect(missingCodeMessage(foreign, context)).toContain(`Mã hồ sơ ${foreign} hợp lệ`);
  });

  it('looks up a bounded set of codes, all at this desk’s agency', () => {
    const candidates = candidateCodes(referenceOf('7'), context);
    expect(candidates.primary).toHaveLength(9);
    expect(candidates.recent).toHaveLength(9 * RECENT_DAYS);
    expect([...candidates.primary, ...candidates.recent].every((c) => c.startsWith(`${AGENCY}-`))).toBe(true);
    expect(candidates.recent[0]).toBe(code('251123', 2007));
  });
});
