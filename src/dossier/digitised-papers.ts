/** A paper of the RECEIVED checklist, as far as digitisation cares. */
interface ChecklistPaper {
  name: string;
  presentedOnly?: true;
}

/** A current digitised file of the dossier (a rescanned one has already replaced its predecessor). */
interface DigitisedFile {
  role: 'paper' | 'result';
  paper?: string;
}

export interface DigitisationFlags {
  /** Every paper the dossier keeps has a digitised file (the rule below). */
  papersDigitised: boolean;
  /** The result was digitised (an electronic copy attached). */
  resultDigitised: boolean;
}

/**
 * Whether the dossier's components and its result are digitised (issue 22; Circular 01/2023/TT-VPCP
 * counts a dossier as digitised when its components are). The components are the papers handed in
 * at reception, matched by name with the `paper` of ATTACHED; a paper only shown and given back
 * (`presentedOnly`, e.g. the citizen ID card) is not kept in the dossier and need not be scanned. A
 * dossier that keeps no paper at all counts as digitised only once some paper file is attached:
 * nothing scanned is never "all digitised", so such dossiers cannot raise the rate by themselves.
 */
export function digitisationFlags(checklist: readonly ChecklistPaper[], files: readonly DigitisedFile[]): DigitisationFlags {
  const scanned = new Set(files.flatMap((file) => (file.role === 'paper' && file.paper !== undefined ? [file.paper] : [])));
  const kept = checklist.filter((paper) => paper.presentedOnly !== true);
  return {
    papersDigitised: kept.length === 0 ? scanned.size > 0 : kept.every((paper) => scanned.has(paper.name)),
    resultDigitised: files.some((file) => file.role === 'result'),
  };
}
