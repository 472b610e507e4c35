import { foldForSearch } from '../people/search-key.ts';

/**
 * The people around a dossier besides its applicant: the person authorised to hand it in
 * (người được ủy quyền) and whoever collects the result. Pure rules shared by the receive and
 * return forms, the event schema and the printed forms.
 */

/** The paper a representative brings: added to the papers when a representative is entered. */
export const AUTHORISATION_PAPER_NAME = 'Giấy ủy quyền (văn bản ủy quyền)';

/** "giấy ủy quyền", "Văn bản uỷ quyền" (old tone placement), any case or accents. */
export function isAuthorisationPaper(name: string): boolean {
  return /\b(giay|van ban) uy quyen\b/.test(foldForSearch(name));
}

export function hasAuthorisationPaper(papers: ReadonlyArray<{ name: string }>): boolean {
  return papers.some((paper) => isAuthorisationPaper(paper.name));
}

/** The papers with the authorisation paper (one original) added unless one is there already. */
export function withAuthorisationPaper<P extends { name: string }>(papers: readonly P[], paper: P): P[] {
  return hasAuthorisationPaper(papers) ? [...papers] : [...papers, paper];
}

/** Who collects the result: the applicant, their authorised representative, or another person. */
export const collectorRelations = ['applicant', 'representative', 'other'] as const;
export type CollectorRelation = (typeof collectorRelations)[number];

export const collectorRelationLabels: Readonly<Record<CollectorRelation, string>> = {
  applicant: 'Người nộp hồ sơ',
  representative: 'Người được ủy quyền',
  other: 'Người khác',
};
