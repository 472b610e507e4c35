import { describe, expect, it } from 'vitest';
import raw from '../../../assets/catalogue/procedures.json' with { type: 'json' };
import { loadBundledCatalogue } from '../../../src/catalogue/bundled-catalogue.ts';
import { findProcedure, listFields, parseCatalogue } from '../../../src/catalogue/catalogue.ts';
import { procedureSchema } from '../../../src/catalogue/procedure-schema.ts';
import { computeFee } from '../../../src/fees/fee.ts';

const catalogue = loadBundledCatalogue();

function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(allStrings);
  return [];
}

describe('bundled catalogue', () => {
  it('parses every procedure on its own', () => {
    raw.procedures.forEach((entry, index) => {
      const parsed = procedureSchema.safeParse(entry);
      expect(parsed.success, `procedures[${index}] (${entry.code})`).toBe(true);
    });
  });

  it('holds at least 25 procedures and is loaded once', () => {
    expect(catalogue.procedures.length).toBeGreaterThanOrEqual(25);
    expect(loadBundledCatalogue()).toBe(catalogue);
    expect(parseCatalogue(raw).procedures).toHaveLength(catalogue.procedures.length);
  });

  it.each([
    ['civil status', ['1.001193', '1.000656', '1.000894', '1.004873', '2.000635', '1.000881', '1.001022']],
    ['certification', ['2.000815', '2.000884', '2.000908']],
    ['residence (commune police)', ['1.004222', '1.004194', '1.002755', '1.003677', '2.001159', '1.003197']],
    ['social insurance', ['612']],
    ['linked groups', ['2.000986', '1.006714']],
    ['funeral support', ['1.001731']],
  ])('contains the %s procedures', (_group, codes) => {
    for (const code of codes) expect(findProcedure(catalogue, code), code).toBeDefined();
  });

  it('has former-district procedures marked with their current level and a note', () => {
    const fields = listFields(catalogue);
    expect(fields).toEqual(expect.arrayContaining(['Hộ tịch', 'Chứng thực', 'Cư trú', 'Bảo hiểm xã hội', 'Liên thông', 'Kinh tế – Hộ kinh doanh', 'Xây dựng']));
    const formerDistrict = catalogue.procedures.filter((p) => p.formerLevels?.includes('district'));
    expect(formerDistrict.map((p) => p.field)).toEqual(expect.arrayContaining(['Kinh tế – Hộ kinh doanh', 'Xây dựng']));
    for (const p of formerDistrict) {
      expect(p.levelNote, p.code).toBeTruthy();
      expect(p.levels, p.code).not.toContain('district');
    }
  });

  it('marks the internal social-insurance code as internal', () => {
    expect(findProcedure(catalogue, '612')?.internalCode).toBe(true);
    for (const p of catalogue.procedures.filter((q) => !q.internalCode)) expect(p.code).toMatch(/^[12]\.\d{6}$/);
  });

  it('links the two groups to the police and social insurance', () => {
    for (const code of ['2.000986', '1.006714']) {
      const p = findProcedure(catalogue, code);
      expect(p?.field).toBe('Liên thông');
      expect(p?.coordinatingAgencies).toEqual(expect.arrayContaining(['commune-police', 'social-insurance']));
      expect(p?.fee.kind).toBe('free');
    }
  });

  it('keeps the certified-copy fee of domain.md: 5 pages × 2 copies = 14,000 đ, 300 pages capped at 200,000 đ', () => {
    const rule = findProcedure(catalogue, '2.000815')?.fee;
    if (rule === undefined) throw new Error('2.000815 missing');
    expect(computeFee(rule, { pages: 5, copies: 2 }).amount).toBe(14000);
    expect(computeFee(rule, { pages: 300, copies: 1 }).amount).toBe(200000);
  });

  it('keeps the residence facts of the portal pages and domain.md', () => {
    const permanent = findProcedure(catalogue, '1.004222');
    expect(permanent?.agency).toBe('commune-police');
    expect(permanent?.statutoryTime).toEqual({ kind: 'working-days', days: 7 });
    expect(permanent?.fee).toMatchObject({ kind: 'fixed', amount: 20000 });
    expect(findProcedure(catalogue, '1.004194')?.fee).toMatchObject({ kind: 'fixed', amount: 15000 });
    expect(findProcedure(catalogue, '1.003197')?.statutoryTime).toEqual({ kind: 'working-days', days: 5 });
  });

  it('lists as unconfirmed the values domain.md marks (check)', () => {
    const unconfirmed = (code: string) => findProcedure(catalogue, code)?.unconfirmed ?? [];
    expect(unconfirmed('1.004194')).toContain('statutoryTime');
    expect(unconfirmed('1.004873')).toContain('fee');
    expect(unconfirmed('2.000884')).toContain('fee');
    expect(unconfirmed('1.000881')).toEqual(expect.arrayContaining(['statutoryTime', 'fee']));
    expect(unconfirmed('1.001022')).toEqual(expect.arrayContaining(['statutoryTime', 'fee']));
    expect(unconfirmed('612')).toEqual(expect.arrayContaining(['statutoryTime', 'fee']));
    for (const code of ['2.000986', '1.006714', '1.001731']) expect(unconfirmed(code)).toContain('statutoryTime');
  });

  it('says where every entry came from', () => {
    for (const p of catalogue.procedures) expect(p.source.length, p.code).toBeGreaterThan(10);
  });

  it('stores all text precomposed (NFC)', () => {
    for (const text of allStrings(raw)) expect(text).toBe(text.normalize('NFC'));
  });
});
