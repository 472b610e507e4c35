import { describe, expect, it } from 'vitest';
import { findProcedure, getProcedure, listByField, listFields, parseCatalogue } from '../../../src/catalogue/catalogue.ts';
import type { CatalogueInput } from '../../../src/catalogue/procedure-schema.ts';
import { DomainError } from '../../../src/errors.ts';

type ProcedureInput = CatalogueInput['procedures'][number];

function procedure(overrides: Partial<ProcedureInput> & Record<string, unknown> = {}): ProcedureInput {
  return {
    code: '1.001193',
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    levels: ['commune'],
    agency: 'commune-peoples-committee',
    statutoryTime: { kind: 'same-day' },
    fee: { kind: 'free' },
    papers: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0, optional: false }],
    result: 'Giấy khai sinh',
    legalBasis: ['Luật Hộ tịch'],
    source: 'Dữ liệu thử',
    ...overrides,
  } as ProcedureInput;
}

function file(...procedures: unknown[]): unknown {
  return { schemaVersion: 1, version: 'test', procedures };
}

function rejection(json: unknown): DomainError {
  try {
    parseCatalogue(json);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the catalogue to be rejected');
}

const valid = [
  procedure(),
  procedure({ code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' }),
  procedure({ code: '1.000656', name: 'Đăng ký khai tử' }),
  procedure({
    code: '612',
    internalCode: true,
    name: 'Cấp lại thẻ bảo hiểm y tế do bị mất, hỏng',
    field: 'Bảo hiểm xã hội',
    agency: 'social-insurance',
  }),
];

describe('parseCatalogue', () => {
  it('accepts a valid file and fills defaults', () => {
    const catalogue = parseCatalogue(file(...valid));
    expect(catalogue.procedures).toHaveLength(4);
    const birth = catalogue.procedures[0];
    expect(birth?.statutoryTime).toEqual({ kind: 'same-day', cutoff: '15:00' });
    expect(birth?.unconfirmed).toEqual([]);
    expect(birth?.internalCode).toBe(false);
  });

  it('returns a frozen catalogue', () => {
    const catalogue = parseCatalogue(file(...valid));
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(catalogue.procedures[0]?.papers[0])).toBe(true);
    expect(() => {
      (catalogue.procedures as unknown[]).push(procedure());
    }).toThrow(TypeError);
  });

  it('names the exact bad field: an unknown key inside a fee', () => {
    const bad = file(...valid.slice(0, 3), procedure({ code: '1.000894', fee: { kind: 'per-page', tiers: [{ fromPage: 1, amountPerPage: 2000 }], perPage: 2000 } as never }));
    const error = rejection(bad);
    expect(error.code).toBe('catalogue.invalid');
    expect(error.path).toEqual(['procedures', 3, 'fee', 'perPage']);
    expect(error.message).toContain('procedures[3].fee.perPage');
    expect(error.message).toMatch(/^Danh mục thủ tục không hợp lệ/);
  });

  it.each<[string, unknown, string]>([
    ['bad tier start', procedure({ fee: { kind: 'per-page', tiers: [{ fromPage: 2, amountPerPage: 1 }] } }), 'procedures[0].fee.tiers[0].fromPage'],
    ['unknown fee kind', procedure({ fee: { kind: 'donation' } as never }), 'procedures[0].fee.kind'],
    ['malformed national code', procedure({ code: '1.1193' }), 'procedures[0].code'],
    ['internal code without the flag', procedure({ code: '612' }), 'procedures[0].code'],
    ['internal code with spaces', procedure({ code: '6 12', internalCode: true }), 'procedures[0].code'],
    ['decomposed Vietnamese', procedure({ name: 'Đăng ký khai sinh'.normalize('NFD') }), 'procedures[0].name'],
    ['empty name', procedure({ name: '   ' }), 'procedures[0].name'],
    ['unknown level', procedure({ levels: ['district'] as never }), 'procedures[0].levels[0]'],
    ['repeated level', procedure({ levels: ['commune', 'commune'] }), 'procedures[0].levels'],
    ['no level', procedure({ levels: [] }), 'procedures[0].levels'],
    ['former level without note', procedure({ formerLevels: ['district'] }), 'procedures[0].levelNote'],
    ['lead agency also coordinating', procedure({ coordinatingAgencies: ['commune-peoples-committee'] }), 'procedures[0].coordinatingAgencies'],
    ['bad same-day cutoff', procedure({ statutoryTime: { kind: 'same-day', cutoff: '25:00' } }), 'procedures[0].statutoryTime.cutoff'],
    ['bad variant time', procedure({ timeVariants: [{ condition: 'Cần xác minh', statutoryTime: { kind: 'working-days', days: 0 } }] }), 'procedures[0].timeVariants[0].statutoryTime.days'],
    ['paper with nothing handed in', procedure({ papers: [{ name: 'Tờ khai', originals: 0, copies: 0, optional: false }] }), 'procedures[0].papers[0].originals'],
    ['negative copies', procedure({ papers: [{ name: 'Tờ khai', originals: 1, copies: -1, optional: false }] }), 'procedures[0].papers[0].copies'],
    ['no papers', procedure({ papers: [] }), 'procedures[0].papers'],
    ['no legal basis', procedure({ legalBasis: [] }), 'procedures[0].legalBasis'],
    ['missing source', procedure({ source: undefined }), 'procedures[0].source'],
    ['unknown unconfirmed field', procedure({ unconfirmed: ['deadline'] as never }), 'procedures[0].unconfirmed[0]'],
    ['repeated unconfirmed field', procedure({ unconfirmed: ['fee', 'fee'] }), 'procedures[0].unconfirmed'],
    ['unconfirmed fee conditions that do not exist', procedure({ unconfirmed: ['fee.conditions'] }), 'procedures[0].unconfirmed'],
    ['unconfirmed time variants that do not exist', procedure({ unconfirmed: ['timeVariants'] }), 'procedures[0].unconfirmed'],
  ])('%s → %s', (_label, bad, path) => {
    const error = rejection(file(bad));
    expect(error.code).toBe('catalogue.invalid');
    expect(error.message).toContain(path);
    expect(error.details?.['issues']).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
  });

  it('explains an unknown fee kind with the accepted kinds', () => {
    expect(rejection(file(procedure({ fee: { kind: 'donation' } as never }))).message).toContain('free, fixed, per-page, set-by-province');
  });

  it('rejects a file that is not a catalogue at all', () => {
    for (const json of [null, 42, 'procedures', []]) {
      const error = rejection(json);
      expect(error.code).toBe('catalogue.invalid');
      expect(error.path).toEqual([]);
    }
    expect(rejection({ schemaVersion: 2, version: 'x', procedures: [] }).path).toEqual(['schemaVersion']);
    expect(rejection({ schemaVersion: 1, version: 'x' }).path).toEqual(['procedures']);
  });

  it('rejects duplicate codes, naming the second occurrence', () => {
    const error = rejection(file(...valid, procedure({ name: 'Đăng ký khai sinh (bản trùng)' })));
    expect(error.code).toBe('catalogue.duplicate-code');
    expect(error.path).toEqual(['procedures', 4, 'code']);
    expect(error.message).toContain('procedures[4].code');
    expect(error.message).toContain('1.001193');
    expect(error.details).toEqual({ code: '1.001193', firstIndex: 0 });
  });

  it('treats codes differing only by surrounding spaces as duplicates', () => {
    expect(rejection(file(procedure(), procedure({ code: ' 1.001193 ' }))).code).toBe('catalogue.duplicate-code');
  });

  it('leaves the input untouched when rejecting it', () => {
    const input = file(procedure(), procedure({ code: 'bad' }));
    const before = structuredClone(input);
    rejection(input);
    expect(input).toEqual(before);
  });
});

describe('catalogue lookups', () => {
  const catalogue = parseCatalogue(file(...valid));

  it('finds a procedure by code, ignoring surrounding spaces', () => {
    expect(findProcedure(catalogue, '2.000815')?.field).toBe('Chứng thực');
    expect(findProcedure(catalogue, ' 612 ')?.agency).toBe('social-insurance');
    expect(findProcedure(catalogue, '9.999999')).toBeUndefined();
  });

  it('getProcedure throws a DomainError for an unknown code', () => {
    expect(getProcedure(catalogue, '1.000656').name).toBe('Đăng ký khai tử');
    try {
      getProcedure(catalogue, '9.999999');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('catalogue.unknown-procedure');
      expect((error as DomainError).message).toContain('9.999999');
    }
  });

  it('lists fields once, in catalogue order, and procedures by field', () => {
    expect(listFields(catalogue)).toEqual(['Hộ tịch', 'Chứng thực', 'Bảo hiểm xã hội']);
    expect(listByField(catalogue, 'Hộ tịch').map((p) => p.code)).toEqual(['1.001193', '1.000656']);
    expect(listByField(catalogue, 'Hộ tịch'.normalize('NFD')).map((p) => p.code)).toEqual(['1.001193', '1.000656']);
    expect(listByField(catalogue, 'Xây dựng')).toEqual([]);
  });
});
