import type { CounterConsultation } from '../../counter/consultation.ts';
import { consultationReference } from '../../counter/consultation.ts';
import { formHeader, ms, RECEPTION_OFFICE, timeAndDate } from './common.ts';
import type { FormHeader, FormUnit, OfficerNames } from './common.ts';
import { FORM_NUMBERS } from './form-numbers.ts';

/**
 * The forms of a counter consultation (issue 20 point 1): the request to supplement (Mẫu 02) given to
 * a citizen guided at the counter, and the refusal (Mẫu 03) given to one refused there. Same
 * forms as for a received dossier, numbered and headed the same way (form-numbers.ts through
 * `formHeader`), but no dossier code: the consultation's own reference instead.
 */
export interface CounterNoticeModel {
  form: 'counter-supplement-request' | 'counter-refusal';
  title: string;
  /** Carries the form number ("Mẫu số 02") and the unit's kind, like every dossier form. */
  header: FormHeader;
  /** The consultation's reference, printed as Code 128 (consultationReference). */
  reference: string;
  applicantName: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureName: string;
  procedureCode: string;
  /** "09 giờ 05 phút, ngày 22/11/2025": when the citizen came. */
  at: string;
  items: string[];
  reason: string;
  contact: string;
  signerRole: string;
  signerName: string;
}

export interface CounterNoticeInput {
  consultation: CounterConsultation;
  unit: FormUnit;
  officerName: OfficerNames;
}

export function buildCounterNotice({ consultation: c, unit, officerName }: CounterNoticeInput): CounterNoticeModel {
  const guided = c.outcome === 'guided';
  const officer = officerName(c.officerId);
  const form = guided ? 'supplement-request' : 'refusal';
  return {
    form: guided ? 'counter-supplement-request' : 'counter-refusal',
    title: FORM_NUMBERS[form].title.toLocaleUpperCase('vi'),
    header: formHeader(unit, ms(c.at), RECEPTION_OFFICE, form),
    reference: consultationReference(c.id),
    applicantName: c.applicant.fullName,
    applicantAddress: c.applicant.address ?? null,
    applicantPhone: c.applicant.phone ?? null,
    applicantEmail: c.applicant.email ?? null,
    procedureName: c.procedureName,
    procedureCode: c.procedureCode,
    at: timeAndDate(ms(c.at)),
    items: [...c.items],
    reason: c.reason,
    contact: `${officer}, Bộ phận tiếp nhận và trả kết quả, ${unit.unitName}`,
    signerRole: guided ? 'NGƯỜI HƯỚNG DẪN' : 'NGƯỜI TIẾP NHẬN HỒ SƠ',
    signerName: officer,
  };
}
