import units from '../../../assets/units/admin-units-vn-2025.json' with { type: 'json' };
import { compareVietnamese } from '../../../src/people/vietnamese-collator.ts';

export interface Commune {
  code: string;
  name: string;
}

export interface Province {
  code: string;
  name: string;
  communes: readonly Commune[];
}

/** The 34 provinces and their communes after the 2025 reform, sorted the Vietnamese way. */
export const provinces: readonly Province[] = units.provinces
  .map((province) => ({ ...province, communes: [...province.communes].sort((a, b) => compareVietnamese(a.name, b.name)) }))
  .sort((a, b) => compareVietnamese(a.name, b.name));

export function provinceByCode(code: string): Province | undefined {
  return provinces.find((province) => province.code === code);
}
