import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/errors.ts';
import {
  formatDossierCode,
  isAgencyId,
  isIssuedByDesk,
  nextDossierCode,
  parseAgencyId,
  parseDossierCode,
} from '../../../src/dossier/dossier-code.ts';

const AGENCY = '000.00.12.H23';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

function parseError(text: string): DomainError {
  const result = parseDossierCode(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected`);
  return result.error;
}

describe('agency ids', () => {
  it.each(['000.00.12.H23', 'G22.34.05', 'H23.01', '000.00.00.G12'])('accepts %s', (id) => {
    expect(isAgencyId(id)).toBe(true);
  });

  it.each(['H23', '000..12.H23', '.00.12', '000.00.12.H23.', '0000.00.12', 'H2 3.01', 'H23-01', 'A.B', '', '000.00.12.H23.01.02'])(
    'rejects %j',
    (id) => {
      expect(isAgencyId(id)).toBe(false);
    },
  );

  it('normalises spaces and case, and explains a bad id in Vietnamese', () => {
    expect(parseAgencyId(' h23.01 ')).toEqual({ ok: true, value: 'H23.01' });
    const result = parseAgencyId('H23');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('code.bad_agency_id');
      expect(result.error.message).toContain('Mã định danh cơ quan');
    }
  });
});

describe('formatDossierCode', () => {
  it('joins agency, YYMMDD and slot·1000 + counter', () => {
    expect(formatDossierCode({ agencyId: AGENCY, localDate: '2025-11-22', slot: 3, counter: 7 })).toBe('000.00.12.H23-251122-3007');
    expect(formatDossierCode({ agencyId: 'g22.34.05', localDate: '2030-01-05', slot: 9, counter: 999 })).toBe('G22.34.05-300105-9999');
  });

  it.each([
    [{ slot: 0, counter: 1 }, 'code.bad_slot'],
    [{ slot: 10, counter: 1 }, 'code.bad_slot'],
    [{ slot: 1.5, counter: 1 }, 'code.bad_slot'],
    [{ slot: 1, counter: 0 }, 'code.bad_counter'],
    [{ slot: 1, counter: 1000 }, 'code.bad_counter'],
    [{ slot: 1, counter: 2.5 }, 'code.bad_counter'],
  ])('rejects %j', (partial, code) => {
    expect(errorOf(() => formatDossierCode({ agencyId: AGENCY, localDate: '2025-11-22', ...partial })).code).toBe(code);
  });

  it.each(['2025-02-29', '1999-12-31', '2100-01-01', '25-11-22', '2025-13-01'])('rejects the date %s', (localDate) => {
    expect(errorOf(() => formatDossierCode({ agencyId: AGENCY, localDate, slot: 1, counter: 1 })).code).toBe('code.bad_date');
  });

  it('rejects a bad agency id', () => {
    expect(errorOf(() => formatDossierCode({ agencyId: 'xx', localDate: '2025-11-22', slot: 1, counter: 1 })).code).toBe(
      'code.bad_agency_id',
    );
  });
});

describe('parseDossierCode', () => {
  it('returns typed fields', () => {
    expect(parseDossierCode('000.00.12.H23-251122-3007')).toEqual({
      ok: true,
      value: { code: '000.00.12.H23-251122-3007', agencyId: AGENCY, date: '2025-11-22', sequence: 3007, slot: 3, counter: 7 },
    });
  });

  it.each([
    ['000.00.12.H23-251122-0001', 1],
    ['000.00.12.H23-251122-0007', 7],
    ['000.00.12.H23-251122-0999', 999],
    ['000.00.12.H23-251122-3000', 3000],
    ['000.00.12.H23-251122-9999', 9999],
  ])('reads %s, a legal code whatever system issued it, with its sequence', (text, sequence) => {
    const result = parseDossierCode(text);
    expect(result.ok && result.value.code).toBe(text);
    expect(result.ok && result.value.sequence).toBe(sequence);
  });

  it('gives a slot and counter only to codes of the desks’ slot scheme', () => {
    const foreign = parseDossierCode('000.00.12.H23-251122-0007');
    expect(foreign.ok && { slot: foreign.value.slot, counter: foreign.value.counter }).toEqual({ slot: null, counter: null });
    const round = parseDossierCode('000.00.12.H23-251122-3000');
    expect(round.ok && round.value.slot).toBe(null);
    const own = parseDossierCode('000.00.12.H23-251122-9999');
    expect(own.ok && { slot: own.value.slot, counter: own.value.counter }).toEqual({ slot: 9, counter: 999 });
  });

  it('tells a code this desk issues from one issued elsewhere', () => {
    const desk = { agencyId: AGENCY, slot: 3 };
    const parts = (text: string) => {
      const result = parseDossierCode(text);
      if (!result.ok) throw result.error;
      return result.value;
    };
    expect(isIssuedByDesk(parts('000.00.12.H23-251122-3007'), desk)).toBe(true);
    expect(isIssuedByDesk(parts('000.00.12.H23-251122-1007'), desk)).toBe(false);
    expect(isIssuedByDesk(parts('000.00.12.H23-251122-0007'), desk)).toBe(false);
    expect(isIssuedByDesk(parts('000.00.12.H24-251122-3007'), desk)).toBe(false);
  });

  it('tolerates surrounding white space and a lower-case agency id', () => {
    const result = parseDossierCode('  000.00.12.h23-240229-1001\r\n');
    expect(result.ok && result.value.code).toBe('000.00.12.H23-240229-1001');
    expect(result.ok && result.value.date).toBe('2024-02-29');
  });

  it.each([
    ['', 'code.empty'],
    ['   ', 'code.empty'],
    ['000.00.12.H23-251122-307', 'code.bad_shape'],
    ['000.00.12.H23 251122 3007', 'code.bad_shape'],
    ['000.00.12.H23 -251122-3007', 'code.bad_shape'],
    ['000.00.12.H23-251122-3007-1', 'code.bad_shape'],
    ['000.00.12.H23–251122–3007', 'code.bad_shape'],
    ['000.00.12.H23-2511２2-3007', 'code.bad_shape'],
    ['H23-251122-3007', 'code.bad_agency_id'],
    ['000.00.12.H23-251332-3007', 'code.bad_date'],
    ['000.00.12.H23-250229-3007', 'code.bad_date'],
    ['000.00.12.H23-251100-3007', 'code.bad_date'],
    ['000.00.12.H23-251122-0000', 'code.bad_sequence'],
    ['000.00.12.H23-251122-10000', 'code.bad_shape'],
    ['000.00.12.H23-251131-0007', 'code.bad_date'],
  ])('rejects %j with %s and a Vietnamese message', (text, code) => {
    const error = parseError(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(/mã|Mã|ngày/);
  });

  it('explains a bad date by naming it', () => {
    expect(parseError('000.00.12.H23-251332-3007').message).toContain('251332');
  });
});

describe('nextDossierCode', () => {
  const base = { agencyId: AGENCY, localDate: '2025-11-22', slot: 3 };

  it('starts at counter 1 without history or on a new day', () => {
    expect(nextDossierCode(base)).toBe('000.00.12.H23-251122-3001');
    expect(nextDossierCode({ ...base, lastIssued: null })).toBe('000.00.12.H23-251122-3001');
    expect(nextDossierCode({ ...base, lastIssued: '000.00.12.H23-251121-3456' })).toBe('000.00.12.H23-251122-3001');
  });

  it('counts up within the day, accepting a scanned last code', () => {
    expect(nextDossierCode({ ...base, lastIssued: ' 000.00.12.h23-251122-3006 ' })).toBe('000.00.12.H23-251122-3007');
  });

  it('never issues a duplicate: the 1000th code of a slot is refused', () => {
    const error = errorOf(() => nextDossierCode({ ...base, lastIssued: '000.00.12.H23-251122-3999' }));
    expect(error.code).toBe('code.slot_exhausted');
    expect(error.message).toContain('Quầy số 3');
  });

  it('refuses to issue when the clock went back before the last code', () => {
    expect(errorOf(() => nextDossierCode({ ...base, lastIssued: '000.00.12.H23-251123-3001' })).code).toBe('code.clock_regressed');
  });

  it('refuses a last code of another slot or agency', () => {
    expect(errorOf(() => nextDossierCode({ ...base, lastIssued: '000.00.12.H23-251122-4001' })).code).toBe('code.slot_mismatch');
    expect(errorOf(() => nextDossierCode({ ...base, lastIssued: '000.00.13.H23-251122-3001' })).code).toBe('code.slot_mismatch');
  });

  it('rejects bad inputs', () => {
    expect(errorOf(() => nextDossierCode({ ...base, lastIssued: 'rubbish' })).code).toBe('code.bad_shape');
    expect(errorOf(() => nextDossierCode({ ...base, slot: 0 })).code).toBe('code.bad_slot');
    expect(errorOf(() => nextDossierCode({ ...base, agencyId: 'H' })).code).toBe('code.bad_agency_id');
    expect(errorOf(() => nextDossierCode({ ...base, localDate: '2025-11-31' })).code).toBe('code.bad_date');
  });

  it('issues exactly 999 distinct codes per slot and day, then stops', () => {
    const issued: string[] = [];
    let last: string | null = null;
    for (;;) {
      try {
        last = nextDossierCode({ ...base, lastIssued: last });
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('code.slot_exhausted');
        break;
      }
      issued.push(last);
    }
    expect(issued).toHaveLength(999);
    expect(new Set(issued).size).toBe(999);
    expect(issued.every((code) => parseDossierCode(code).ok && code.endsWith(String(3000 + issued.indexOf(code) + 1)))).toBe(true);
  });
});

describe('properties', () => {
  it('all 9 × 999 codes of a day are distinct and round-trip through parse', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.constantFrom(AGENCY, 'G22.34.05', 'H23.01'),
        (date, agencyId) => {
          const localDate = date.toISOString().slice(0, 10);
          const codes = new Set<string>();
          for (let slot = 1; slot <= 9; slot += 1) {
            for (let counter = 1; counter <= 999; counter += 1) {
              const code = formatDossierCode({ agencyId, localDate, slot, counter });
              codes.add(code);
              const parsed = parseDossierCode(code);
              if (!parsed.ok) return false;
              const v = parsed.value;
              if (v.code !== code || v.agencyId !== agencyId || v.date !== localDate || v.slot !== slot || v.counter !== counter) return false;
              if (v.sequence !== slot * 1000 + counter) return false;
            }
          }
          return codes.size === 9 * 999;
        },
      ),
      { numRuns: 5 },
    );
  });

  it('any two different (slot, counter) pairs give different codes', () => {
    const pair = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 999 }));
    fc.assert(
      fc.property(pair, pair, ([s1, c1], [s2, c2]) => {
        fc.pre(s1 !== s2 || c1 !== c2);
        const a = formatDossierCode({ agencyId: AGENCY, localDate: '2025-11-22', slot: s1, counter: c1 });
        const b = formatDossierCode({ agencyId: AGENCY, localDate: '2025-11-22', slot: s2, counter: c2 });
        return a !== b;
      }),
    );
  });
});
