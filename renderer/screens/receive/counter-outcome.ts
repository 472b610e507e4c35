import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import type { ConsultationOutcome, CounterConsultationInput } from '../../../src/counter/consultation.ts';
import type { LocalDate } from '../../../src/time/vn-time.ts';
import { toPayload } from './receive-form.ts';
import type { PaperRow, ReceiveErrors, ReceiveValues } from './receive-form.ts';

/**
 * What the receive form gives a counter outcome (guide to supplement, refuse at the counter): the
 * applicant as the receipt would record it, and the papers of the checklist that were not handed
 * in. Nothing of a dossier (code, fee, appointment) is made.
 */

/** The required papers of the checklist not ticked: what the citizen is missing. */
export function missingPapersOf(papers: readonly PaperRow[]): string[] {
  return papers.filter((paper) => !paper.checked && !paper.optional).map((paper) => paper.name);
}

const APPLICANT_FIELDS = ['fullName', 'citizenId', 'birthDate', 'sex', 'phone', 'email', 'address'] as const;

/**
 * The applicant by the receive form's own rules (`toPayload`), judged alone: the papers, fee and
 * notes of a dossier do not matter to a citizen who is not received.
 */
export function consultationApplicantOf(
  procedure: Procedure,
  values: ReceiveValues,
  today: LocalDate,
): { ok: true; applicant: CounterConsultationInput['applicant'] } | { ok: false; errors: ReceiveErrors } {
  const applicantOnly: ReceiveValues = { ...values, papers: [], sets: '1', pages: '1', feeCopies: '1', overrideAmount: '', notes: '' };
  const checked = toPayload({ ...procedure, fee: { kind: 'free' } }, applicantOnly, today);
  if (checked.ok) return { ok: true, applicant: checked.payload.applicant };
  const errors: ReceiveErrors = {};
  for (const field of APPLICANT_FIELDS) if (checked.errors[field]) errors[field] = checked.errors[field];
  return { ok: false, errors };
}

export const outcomeTitles: Readonly<Record<ConsultationOutcome, string>> = {
  guided: 'Hướng dẫn bổ sung hồ sơ (không tiếp nhận)',
  refused: 'Từ chối tiếp nhận hồ sơ tại quầy',
};

/** Item lines as typed (one paper per line), trimmed, blank lines dropped. */
export function itemsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.normalize('NFC').trim())
    .filter((line) => line !== '');
}
