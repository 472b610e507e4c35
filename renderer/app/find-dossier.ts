import { candidateCodes, resolveReference } from '../../src/dossier/dossier-reference.ts';
import type { DossierReference, ReferenceContext, ReferenceOutcome } from '../../src/dossier/dossier-reference.ts';
import type { ProjectedDossier } from '../../src/dossier/projection.ts';
import { localDateOf } from '../../src/time/vn-time.ts';
import type { DeskStore } from '../store/index.ts';
import type { Desk } from './desk-context.tsx';

export interface FoundByReference {
  outcome: ReferenceOutcome;
  /** The dossier found, or the ones to choose from, in the outcome's order. */
  dossiers: ProjectedDossier[];
}

/** What a short or whole dossier number means on this desk now (its agency, slot and date). */
export function referenceContext(desk: Pick<Desk, 'identity' | 'now'>): ReferenceContext {
  return { agencyId: desk.identity.agencyId, slot: desk.identity.slot, today: localDateOf(desk.now()) };
}

/**
 * Looks a dossier number up the way the list search, the return screen and the shell's scan all
 * do: every code it can stand for is read by primary key at once (at most a few hundred for a
 * short number over the recent days), then the domain rule says what was found.
 */
export async function findByReference(store: DeskStore, reference: DossierReference, context: ReferenceContext): Promise<FoundByReference> {
  const candidates = candidateCodes(reference, context);
  const existing = await store.dossiers.byCodes([...candidates.primary, ...candidates.recent]);
  const byCode = new Map(existing.map((dossier) => [dossier.code, dossier]));
  const outcome = resolveReference(reference, candidates, (code) => byCode.has(code), context);
  const codes = outcome.kind === 'found' ? [outcome.code] : outcome.kind === 'choose' ? outcome.codes : [];
  return { outcome, dossiers: codes.flatMap((code) => byCode.get(code) ?? []) };
}
