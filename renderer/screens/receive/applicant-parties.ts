import { DomainError, err, ok } from '../../../src/errors.ts';
import type { Result } from '../../../src/errors.ts';
import { payloadSchemas } from '../../../src/dossier/events.ts';
import type { PayloadInput } from '../../../src/dossier/events.ts';
import { AUTHORISATION_PAPER_NAME, hasAuthorisationPaper } from '../../../src/dossier/parties.ts';
import { parseCitizenId } from '../../../src/people/citizen-id.ts';
import { normalizePersonName } from '../../../src/people/person-name.ts';
import { parsePhone } from '../../../src/people/phone.ts';
import { parseTaxCode } from '../../../src/people/tax-code.ts';
import { eventTextProblem } from '../../components/event-text-rule.ts';

type Applicant = PayloadInput<'RECEIVED'>['applicant'];
type Representative = NonNullable<PayloadInput<'RECEIVED'>['representative']>;
type Paper = PayloadInput<'RECEIVED'>['papers'][number];

/** Who applies and through whom, as the receive form holds it while the officer types. */
export interface PartyValues {
  applicantKind: 'person' | 'organisation';
  taxCode: string;
  legalRepName: string;
  legalRepPosition: string;
  legalRepCitizenId: string;
  viaRepresentative: boolean;
  repName: string;
  repCitizenId: string;
  repPhone: string;
}

export const EMPTY_PARTY_VALUES: PartyValues = {
  applicantKind: 'person',
  taxCode: '',
  legalRepName: '',
  legalRepPosition: '',
  legalRepCitizenId: '',
  viaRepresentative: false,
  repName: '',
  repCitizenId: '',
  repPhone: '',
};

export type PartyErrors = Partial<Record<keyof PartyValues, string>>;

/** The authorisation paper as the papers checklist and the event carry it (one original). */
export const AUTHORISATION_PAPER = { name: AUTHORISATION_PAPER_NAME, originals: 1, copies: 0 } as const;

const applicantShape = payloadSchemas.RECEIVED.shape.applicant.shape;
const oneLine = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

function personName(text: string, missing: string): { value?: string; error?: string } {
  if (text.trim() === '') return { error: missing };
  const name = normalizePersonName(text);
  return name.ok ? { value: name.value } : { error: name.error.message };
}

function citizenIdOf(text: string): { value?: string; error?: string } {
  const id = parseCitizenId(text);
  return id.ok ? { value: id.value.id } : { error: id.error.message };
}

/** An organisation's name as written on its registration: kept as typed (digits, "&", capitals). */
export function organisationName(text: string): Result<string> {
  const problem = eventTextProblem(applicantShape.fullName, text);
  if (problem) return err(new DomainError('organisation_name.forbidden_character', problem));
  const name = oneLine(text);
  if (name === '') return err(new DomainError('organisation_name.empty', 'Chưa nhập tên tổ chức.'));
  if (name.length > 200) return err(new DomainError('organisation_name.too_long', 'Tên tổ chức dài quá 200 ký tự.'));
  return ok(name);
}

/** The organisation part of the applicant; `errors` gets the messages of what is wrong. */
export function organisationOf(values: PartyValues, errors: PartyErrors): Applicant['organisation'] {
  const taxCode = parseTaxCode(values.taxCode);
  if (!taxCode.ok) errors.taxCode = taxCode.error.message;
  const name = personName(values.legalRepName, 'Chưa nhập họ tên người đại diện theo pháp luật.');
  if (name.error) errors.legalRepName = name.error;
  const position = oneLine(values.legalRepPosition);
  if (position === '') errors.legalRepPosition = 'Chưa nhập chức vụ của người đại diện (ví dụ: Giám đốc).';
  else if (position.length > 200) errors.legalRepPosition = 'Chức vụ dài quá 200 ký tự.';
  let citizenId: string | undefined;
  if (values.legalRepCitizenId.trim() !== '') {
    const id = citizenIdOf(values.legalRepCitizenId);
    if (id.error) errors.legalRepCitizenId = id.error;
    citizenId = id.value;
  }
  if (!taxCode.ok || !name.value || errors.legalRepPosition || errors.legalRepCitizenId) return undefined;
  return { taxCode: taxCode.value, legalRepresentative: { fullName: name.value, position, ...(citizenId ? { citizenId } : {}) } };
}

/** The authorised person who hands the dossier in, or undefined when the applicant came in person. */
export function representativeOf(values: PartyValues, errors: PartyErrors): Representative | undefined {
  if (!values.viaRepresentative) return undefined;
  const name = personName(values.repName, 'Chưa nhập họ tên người được ủy quyền.');
  if (name.error) errors.repName = name.error;
  const id = values.repCitizenId.trim() === '' ? { error: 'Chưa nhập số định danh cá nhân (CCCD) của người được ủy quyền.' } : citizenIdOf(values.repCitizenId);
  if (id.error) errors.repCitizenId = id.error;
  let phone: string | undefined;
  if (values.repPhone.trim() !== '') {
    const parsed = parsePhone(values.repPhone);
    if (parsed.ok) phone = parsed.value.number;
    else errors.repPhone = parsed.error.message;
  }
  if (!name.value || !id.value || errors.repPhone) return undefined;
  return { fullName: name.value, citizenId: id.value, ...(phone ? { phone } : {}) };
}

/** The papers, with the authorisation paper when a representative hands the dossier in. */
export function papersWithAuthorisation(papers: Paper[], representative: Representative | undefined): Paper[] {
  return representative && !hasAuthorisationPaper(papers) ? [...papers, { ...AUTHORISATION_PAPER }] : papers;
}
