import type { ProjectedDossier } from '../../../src/dossier/projection.ts';
import type { RxDocument } from 'rxdb';
import type { DeskStore } from '../../store/index.ts';
import type { DossierDoc } from '../../store/schemas/dossier-schema.ts';

/**
 * Citizen ID search. The store keeps personal data encrypted and unindexed, so there is no index
 * to range over: this reads the most recent dossiers, newest first, in pages and matches the
 * decrypted applicant and collector IDs. Bounded so that it stays quick at 200,000 dossiers;
 * the screen says how far it looked. (A keyed-hash index in the store would remove the bound.)
 */
export const CITIZEN_SEARCH_SCAN_LIMIT = 5_000;
const PAGE = 500;

export interface CitizenSearchResult {
  items: ProjectedDossier[];
  scanned: number;
  /** True when older dossiers were not looked at. */
  truncated: boolean;
}

interface PersonalShape {
  applicant?: { citizenId?: string };
  collectedBy?: { citizenId?: string };
}

export async function searchByCitizenId(store: DeskStore, citizenId: string): Promise<CitizenSearchResult> {
  const items: ProjectedDossier[] = [];
  let scanned = 0;
  let before: string | null = null;
  while (scanned < CITIZEN_SEARCH_SCAN_LIMIT) {
    const docs: RxDocument<DossierDoc>[] = await store.database.dossiers
      .find({
        selector: before === null ? {} : { receivedKey: { $lt: before } },
        sort: [{ receivedKey: 'desc' }],
        limit: PAGE,
      })
      .exec();
    for (const doc of docs) {
      const personal = doc.personal as PersonalShape;
      if (personal.applicant?.citizenId === citizenId || personal.collectedBy?.citizenId === citizenId) {
        items.push(doc.toMutableJSON().state as unknown as ProjectedDossier);
      }
    }
    scanned += docs.length;
    if (docs.length < PAGE) return { items, scanned, truncated: false };
    before = docs[docs.length - 1]?.receivedKey ?? null;
  }
  return { items, scanned, truncated: true };
}
