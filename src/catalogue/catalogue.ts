import { DomainError } from '../errors.ts';
import { catalogueSchema } from './procedure-schema.ts';
import type { Procedure } from './procedure-schema.ts';
import { parseOrThrow } from './schema-error.ts';

export interface Catalogue {
  readonly schemaVersion: 1;
  readonly version: string;
  readonly procedures: readonly Procedure[];
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Validates a catalogue file. A bad file is rejected as a whole with a DomainError whose `path`
 * names the first bad field (e.g. procedures[3].fee.cap); codes must be unique.
 * The result is frozen: the catalogue is shared reference data.
 */
export function parseCatalogue(json: unknown): Catalogue {
  const catalogue = parseOrThrow(catalogueSchema, json, 'catalogue.invalid', 'Danh mục thủ tục');
  const firstIndex = new Map<string, number>();
  catalogue.procedures.forEach((procedure, index) => {
    const earlier = firstIndex.get(procedure.code);
    if (earlier !== undefined) {
      throw new DomainError(
        'catalogue.duplicate-code',
        `Danh mục thủ tục không hợp lệ tại trường procedures[${index}].code: mã thủ tục ${procedure.code} bị trùng với thủ tục thứ ${earlier + 1}.`,
        ['procedures', index, 'code'],
        { code: procedure.code, firstIndex: earlier },
      );
    }
    firstIndex.set(procedure.code, index);
  });
  return deepFreeze(catalogue);
}

const indexes = new WeakMap<Catalogue, ReadonlyMap<string, Procedure>>();

function indexOf(catalogue: Catalogue): ReadonlyMap<string, Procedure> {
  let index = indexes.get(catalogue);
  if (index === undefined) {
    index = new Map(catalogue.procedures.map((procedure) => [procedure.code, procedure]));
    indexes.set(catalogue, index);
  }
  return index;
}

/** The procedure with this code (surrounding spaces ignored), or undefined. */
export function findProcedure(catalogue: Catalogue, code: string): Procedure | undefined {
  return indexOf(catalogue).get(code.trim());
}

/** Like findProcedure, but an unknown code is an error to show the officer. */
export function getProcedure(catalogue: Catalogue, code: string): Procedure {
  const procedure = findProcedure(catalogue, code);
  if (procedure === undefined) {
    throw new DomainError('catalogue.unknown-procedure', `Không tìm thấy thủ tục có mã ${code.trim()} trong danh mục.`, ['code'], {
      code,
    });
  }
  return procedure;
}

/** The fields (lĩnh vực) present, in catalogue order, each once. */
export function listFields(catalogue: Catalogue): string[] {
  return [...new Set(catalogue.procedures.map((procedure) => procedure.field))];
}

/** The procedures of one field, in catalogue order. The field name is compared after NFC normalisation. */
export function listByField(catalogue: Catalogue, field: string): Procedure[] {
  const wanted = field.normalize('NFC').trim();
  return catalogue.procedures.filter((procedure) => procedure.field === wanted);
}
