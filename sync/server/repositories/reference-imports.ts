import type { Kysely } from 'kysely';
import { parseCalendarYear } from '../../../src/calendar/calendar-data.ts';
import { parseCatalogue } from '../../../src/catalogue/catalogue.ts';
import type { Schema } from '../db/schema.ts';
import { listReferenceKeys, putReferenceDoc } from './reference-docs.ts';

/** The catalogue document that carries the edition; procedures are one document each. */
export const CATALOGUE_META_KEY = '@catalogue';

export interface ImportSummary {
  changed: number;
  removed: number;
  total: number;
}

/**
 * Replaces the procedure catalogue (validated as a whole first; a bad file changes nothing).
 * Procedures missing from the new edition are marked deleted so desks drop them.
 */
export async function importCatalogue(db: Kysely<Schema>, json: unknown): Promise<ImportSummary & { version: string }> {
  const catalogue = parseCatalogue(json);
  return db.transaction().execute(async (trx) => {
    let changed = 0;
    const keep = new Set<string>([CATALOGUE_META_KEY]);
    const meta = { schemaVersion: catalogue.schemaVersion, version: catalogue.version, procedureCount: catalogue.procedures.length };
    if (await putReferenceDoc(trx, { kind: 'catalogue', key: CATALOGUE_META_KEY, unitId: null, body: meta })) changed += 1;
    for (const procedure of catalogue.procedures) {
      keep.add(procedure.code);
      if (await putReferenceDoc(trx, { kind: 'catalogue', key: procedure.code, unitId: null, body: procedure })) changed += 1;
    }
    let removed = 0;
    for (const key of await listReferenceKeys(trx, 'catalogue')) {
      if (keep.has(key)) continue;
      await putReferenceDoc(trx, { kind: 'catalogue', key, unitId: null, body: null, deleted: true });
      removed += 1;
    }
    return { changed, removed, total: catalogue.procedures.length, version: catalogue.version };
  });
}

/** Adds or replaces one calendar year (validated first). Returns whether it changed. */
export async function importCalendarYear(db: Kysely<Schema>, json: unknown): Promise<{ year: number; changed: boolean }> {
  const year = parseCalendarYear(json);
  const changed = await db
    .transaction()
    .execute((trx) => putReferenceDoc(trx, { kind: 'calendar', key: String(year.year), unitId: null, body: year }));
  return { year: year.year, changed };
}
