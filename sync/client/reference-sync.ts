import { z } from 'zod';
import { officerSchema } from '../../src/auth/officer.ts';
import { calendarYearSchema } from '../../src/calendar/calendar-data.ts';
import { procedureSchema } from '../../src/catalogue/procedure-schema.ts';
import { namedUnitSchema } from '../../src/people/place-names.ts';
import type { DeskStore } from '../../renderer/store/index.ts';
import type { HttpClient } from './http-client.ts';
import { referencePageSchema } from './wire.ts';
import type { ReferenceDocument } from './wire.ts';

export const REFERENCE_PULL_PATH = '/api/sync/reference/pull';
const CHECKPOINT_KEY = 'sync-reference-checkpoint';
const checkpointSchema = z.object({ seq: z.number().int().min(0) });
const PAGE = 500;

export interface ReferenceSyncResult {
  applied: number;
  /** Documents the desk could not use (kept out, named here so they are not lost silently). */
  skipped: Array<{ id: string; reason: string }>;
}

/**
 * Pulls the provincial reference data (catalogue, calendars, units, officers of our unit) into
 * the store, marked `provincial`. A plain loop rather than an RxDB replication: the desk never
 * pushes reference data, and the server's documents map onto the store's kinds one by one.
 */
export async function pullReferenceData(store: DeskStore, http: HttpClient): Promise<ReferenceSyncResult> {
  const result: ReferenceSyncResult = { applied: 0, skipped: [] };
  let { seq } = await store.settings.get(CHECKPOINT_KEY, checkpointSchema, { seq: 0 });
  for (;;) {
    const page = await http.get(`${REFERENCE_PULL_PATH}?checkpoint=${seq}&limit=${PAGE}`, referencePageSchema);
    for (const doc of page.documents) {
      const problem = await apply(store, doc);
      if (problem) result.skipped.push({ id: doc.id, reason: problem });
      else result.applied += 1;
    }
    seq = page.checkpoint.seq;
    await store.settings.set(CHECKPOINT_KEY, { seq });
    if (page.documents.length < PAGE) return result;
  }
}

/** Forgets the reference checkpoint: the next pull reads everything again (after enrollment). */
export async function resetReferenceCheckpoint(store: DeskStore): Promise<void> {
  await store.settings.remove(CHECKPOINT_KEY);
}

/** Applies one document; returns why it was skipped, or null. */
async function apply(store: DeskStore, doc: ReferenceDocument): Promise<string | null> {
  switch (doc.kind) {
    case 'officer': {
      if (doc._deleted) {
        await store.reference.remove('officer', doc.key);
        return null;
      }
      const officer = officerSchema.safeParse(doc.body);
      if (!officer.success) return 'hồ sơ cán bộ không hợp lệ';
      try {
        await store.officers.save(officer.data, 'provincial');
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return null;
    }
    case 'catalogue':
      if (doc.key.startsWith('@')) return put(store, 'catalogue-edition', doc, z.record(z.string(), z.unknown()));
      return put(store, 'procedure', doc, procedureSchema);
    case 'calendar':
      return put(store, 'calendar', doc, calendarYearSchema);
    case 'unit':
      return put(store, 'unit', doc, namedUnitSchema);
    default:
      return `loại dữ liệu "${doc.kind}" chưa được hỗ trợ`;
  }
}

async function put(store: DeskStore, kind: string, doc: ReferenceDocument, schema: z.ZodType): Promise<string | null> {
  if (doc._deleted) {
    await store.reference.remove(kind, doc.key);
    return null;
  }
  const parsed = schema.safeParse(doc.body);
  if (!parsed.success || typeof parsed.data !== 'object' || parsed.data === null) return 'dữ liệu không hợp lệ';
  // Stored as sent: the readers parse again with the same schema.
  await store.reference.put(kind, doc.key, doc.body as Record<string, unknown>, 'provincial');
  return null;
}
