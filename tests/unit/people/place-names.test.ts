import { describe, expect, it } from 'vitest';
import { feeText } from '../../../src/fees/fee-text.ts';
import { counterParts, createPlaceNames, UNKNOWN_UNIT_NOTE } from '../../../src/people/place-names.ts';

const names = createPlaceNames([
  { id: '000.00.12.H23', name: 'UBND phường Ba Đình' },
  { id: '000.00.20.H23', name: 'UBND phường Hoàn Kiếm' },
  { id: '000.00.30.H23', name: '  ' },
]);

describe('unit and counter names', () => {
  it('names a unit, the id kept as secondary text', () => {
    expect(names.unit('000.00.12.H23')).toEqual({ name: 'UBND phường Ba Đình', id: '000.00.12.H23', known: true });
    expect(names.unit('000.00.12.h23').name).toBe('UBND phường Ba Đình');
  });

  it('shows an unknown id with a note, never as if it were a name', () => {
    expect(names.unit('000.00.99.H99')).toEqual({ name: `000.00.99.H99 ${UNKNOWN_UNIT_NOTE}`, id: '000.00.99.H99', known: false });
    expect(names.unitText('000.00.30.H23')).toBe(`000.00.30.H23 ${UNKNOWN_UNIT_NOTE}`);
  });

  it('names a counter "Quầy <slot> – <unit>"', () => {
    expect(names.counter('000.00.12.H23#1')).toEqual({ name: 'Quầy 1 – UBND phường Ba Đình', id: '000.00.12.H23#1', known: true });
    expect(names.counter('000.00.99.H99#2').name).toBe(`Quầy 2 – 000.00.99.H99 ${UNKNOWN_UNIT_NOTE}`);
    expect(names.counter('desk-a')).toEqual({ name: 'Quầy desk-a', id: 'desk-a', known: false });
    expect(counterParts('000.00.12.H23#12')).toEqual({ unitId: '000.00.12.H23', slot: 12 });
  });

  it('lists the named units in Vietnamese order for a picker', () => {
    expect(names.units.map((u) => u.name)).toEqual(['UBND phường Ba Đình', 'UBND phường Hoàn Kiếm']);
  });
});

describe('fee text', () => {
  it('says "Miễn phí" once when the note only repeats it', () => {
    expect(feeText({ amount: 0, note: 'Miễn phí' })).toBe('Miễn phí');
    expect(feeText({ amount: 0, note: ' miễn  phí ' })).toBe('Miễn phí');
    expect(feeText({ amount: 0 })).toBe('Miễn phí');
  });

  it('keeps a note that adds something', () => {
    expect(feeText({ amount: 0, note: 'Miễn lệ phí cho trẻ em dưới 6 tuổi' })).toBe('Miễn phí – Miễn lệ phí cho trẻ em dưới 6 tuổi');
    expect(feeText({ amount: 50000, note: '50.000 đ' })).toBe('50.000 đ');
    expect(feeText({ amount: 50000, note: '2 bản × 25.000 đ' })).toBe('50.000 đ – 2 bản × 25.000 đ');
  });
});
