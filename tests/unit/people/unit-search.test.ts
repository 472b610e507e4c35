import { describe, expect, it } from 'vitest';
import { searchUnits } from '../../../src/people/unit-search.ts';

const units = [
  { id: '000.00.12.H23', name: 'Phường Ba Đình' },
  { id: '000.00.14.H23', name: 'Phường Đống Đa' },
  { id: '000.00.13.H23', name: 'Phường Hoàn Kiếm' },
  { id: '000.00.21.H23', name: 'Công an phường Ba Đình' },
  { id: '000.00.30.H23', name: 'Xã Ba Vì' },
];
const names = (query: string) => searchUnits(units, query).map((unit) => unit.name);

describe('unit search (transfer picker)', () => {
  it('finds a unit typed without accents, with accents or in any case', () => {
    expect(names('phuong ba dinh')).toEqual(['Phường Ba Đình', 'Công an phường Ba Đình']);
    expect(names('ba đình')).toEqual(['Phường Ba Đình', 'Công an phường Ba Đình']);
    expect(names('HOÀN KIẾM')).toEqual(['Phường Hoàn Kiếm']);
    expect(names('dong da')).toEqual(['Phường Đống Đa']);
  });

  it('matches the start of words, the last one as typed so far', () => {
    expect(names('ba')).toEqual(['Phường Ba Đình', 'Công an phường Ba Đình', 'Xã Ba Vì']);
    expect(names('hoan ki')).toEqual(['Phường Hoàn Kiếm']);
    expect(names('inh')).toEqual([]);
  });

  it('finds a unit by its agency id too', () => {
    expect(names('000.00.13')).toEqual(['Phường Hoàn Kiếm']);
  });

  it('an empty query lists every unit in the list’s order', () => {
    expect(names('  ')).toEqual(units.map((unit) => unit.name));
  });
});
