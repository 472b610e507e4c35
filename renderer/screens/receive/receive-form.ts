import type { LinkedFieldKey } from '../../../src/catalogue/linked-group-schema.ts';
import type { Procedure } from '../../../src/catalogue/procedure-schema.ts';
import { payloadSchemas } from '../../../src/dossier/events.ts';
import type { PayloadInput } from '../../../src/dossier/events.ts';
import { computeFee } from '../../../src/fees/fee.ts';
import type { FeeResult } from '../../../src/fees/fee.ts';
import { checkCitizenIdAgainst, parseCitizenId } from '../../../src/people/citizen-id.ts';
import { parseEmail } from '../../../src/people/email.ts';
import { normalizePersonName } from '../../../src/people/person-name.ts';
import { parsePhone } from '../../../src/people/phone.ts';
import { parseTypedDate, pastFactRule } from '../../../src/time/date-rule.ts';
import type { LocalDate } from '../../../src/time/vn-time.ts';
import { eventTextProblem } from '../../components/event-text-rule.ts';
import { EMPTY_PARTY_VALUES, organisationName, organisationOf, papersWithAuthorisation, representativeOf } from './applicant-parties.ts';
import type { PartyErrors, PartyValues } from './applicant-parties.ts';

const receivedFields = payloadSchemas.RECEIVED.shape;

/** What the receive form holds while the officer types (text as typed; parsed on save). */
export interface PaperRow {
  name: string;
  checked: boolean;
  originals: string;
  copies: string;
  optional: boolean;
  /** Shown at the desk and given back, not kept (e.g. the citizen ID card): recorded as "xuất trình". */
  presentOnly: boolean;
}

/** `fullName` is the organisation's name when `applicantKind` is 'organisation' (applicant-parties.ts). */
export interface ReceiveValues extends PartyValues {
  fullName: string;
  citizenId: string;
  /** dd/MM/yyyy as typed. */
  birthDate: string;
  sex: '' | 'male' | 'female';
  phone: string;
  email: string;
  address: string;
  papers: PaperRow[];
  sets: string;
  pages: string;
  feeCopies: string;
  overrideAmount: string;
  resultDelivery: 'desk' | 'post';
  notes: string;
  /** A linked group: the optional components the citizen asks for (the required ones always count). */
  groupComponents: string[];
  /** A linked group's shared data as typed, by key (src/catalogue/linked-group-schema.ts). */
  groupData: Partial<Record<LinkedFieldKey, string>>;
}

export const EMPTY_RECEIVE_VALUES: ReceiveValues = {
  ...EMPTY_PARTY_VALUES,
  fullName: '',
  citizenId: '',
  birthDate: '',
  sex: '',
  phone: '',
  email: '',
  address: '',
  papers: [],
  sets: '1',
  pages: '',
  feeCopies: '1',
  overrideAmount: '',
  resultDelivery: 'desk',
  notes: '',
  groupComponents: [],
  groupData: {},
};

export function papersOf(procedure: Procedure): PaperRow[] {
  return procedure.papers.map((paper) => ({
    name: paper.name,
    checked: !paper.optional,
    originals: String(paper.originals),
    copies: String(paper.copies),
    optional: paper.optional,
    presentOnly: paper.presentOnly === true,
  }));
}

export function isoToDisplayDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

const wholeNumber = (text: string): number | null => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null);

/** The fee of the procedure for what is typed; a Vietnamese message instead when it cannot be computed. */
export function feeFor(procedure: Procedure, values: Pick<ReceiveValues, 'pages' | 'feeCopies' | 'sets' | 'overrideAmount'>): FeeResult | { status: 'invalid'; message: string } {
  const rule = procedure.fee;
  const copies = wholeNumber(values.feeCopies) ?? 1;
  const sets = wholeNumber(values.sets) ?? 1;
  const inputs: { pages?: number; copies: number; sets: number; overrideAmount?: number } = { copies, sets };
  if (rule.kind === 'per-page') {
    const pages = wholeNumber(values.pages);
    if (pages === null || pages < 1) return { status: 'invalid', message: 'Nhập số trang để tính phí theo trang.' };
    inputs.pages = pages;
  }
  if (rule.kind === 'set-by-province' && values.overrideAmount.trim() !== '') {
    const amount = wholeNumber(values.overrideAmount.replace(/[.\s]/g, ''));
    if (amount === null) return { status: 'invalid', message: 'Số tiền phải là số nguyên (đồng).' };
    inputs.overrideAmount = amount;
  }
  try {
    return computeFee(rule, inputs);
  } catch (error) {
    return { status: 'invalid', message: error instanceof Error ? error.message : 'Không tính được lệ phí.' };
  }
}

export type ReceiveErrors = Partial<Record<keyof ReceiveValues | `papers.${number}`, string>>;

export type ReceivedPayloadDraft = Omit<PayloadInput<'RECEIVED'>, 'receivedAt' | 'dueAt'>;

/**
 * Checks the whole form with the domain's rules; the payload of the RECEIVED event or per-field
 * messages. `today` (the desk's Vietnam date) bounds the birth date.
 */
export function toPayload(
  procedure: Procedure,
  values: ReceiveValues,
  today: LocalDate,
): { ok: true; payload: ReceivedPayloadDraft } | { ok: false; errors: ReceiveErrors } {
  const errors: ReceiveErrors = {};
  const applicant: ReceivedPayloadDraft['applicant'] = { fullName: '' };

  // The event's own text rule first: its message names the field as the refusal of the event would.
  const isOrganisation = values.applicantKind === 'organisation';
  const nameProblem = eventTextProblem(receivedFields.applicant.shape.fullName, values.fullName);
  const name = isOrganisation ? organisationName(values.fullName) : normalizePersonName(values.fullName);
  if (nameProblem) errors.fullName = nameProblem;
  else if (name.ok) applicant.fullName = name.value;
  else errors.fullName = name.error.message;
  const partyErrors: PartyErrors = {};
  const organisation = isOrganisation ? organisationOf(values, partyErrors) : undefined;
  if (organisation) applicant.organisation = organisation;
  const representative = representativeOf(values, partyErrors);
  Object.assign(errors, partyErrors);

  let birthDate: string | undefined;
  // An organisation has no birth date, sex or citizen ID: the person fields are hidden, and ignored.
  if (values.birthDate.trim() !== '' && !isOrganisation) {
    const parsed = parseTypedDate(values.birthDate, pastFactRule('Ngày sinh', today));
    if (parsed.ok) birthDate = parsed.value;
    else errors.birthDate = parsed.error.message;
  }
  if (birthDate) applicant.birthDate = birthDate;
  if (values.sex && !isOrganisation) applicant.sex = values.sex;

  if (values.citizenId.trim() !== '' && !isOrganisation) {
    const id = parseCitizenId(values.citizenId);
    if (!id.ok) {
      errors.citizenId = id.error.message;
    } else {
      applicant.citizenId = id.value.id;
      const problems = checkCitizenIdAgainst(id.value, { birthDate, sex: values.sex || undefined });
      if (problems.length > 0) errors.citizenId = problems.map((problem) => problem.message).join(' ');
    }
  }
  if (values.phone.trim() !== '') {
    const phone = parsePhone(values.phone);
    if (phone.ok) applicant.phone = phone.value.number;
    else errors.phone = phone.error.message;
  }
  if (values.email.trim() !== '') {
    const email = parseEmail(values.email);
    if (email.ok) applicant.email = email.value;
    else errors.email = email.error.message;
  }
  const addressProblem = eventTextProblem(receivedFields.applicant.shape.address, values.address);
  const address = values.address.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (addressProblem) errors.address = addressProblem;
  else if (address) applicant.address = address;

  const papers: ReceivedPayloadDraft['papers'] = [];
  values.papers.forEach((paper, index) => {
    if (!paper.checked) return;
    if (paper.presentOnly) {
      // Shown at the desk and given back: recorded (and printed) as "xuất trình", no copies kept.
      papers.push({ name: paper.name, originals: 0, copies: 0, presentedOnly: true });
      return;
    }
    const originals = wholeNumber(paper.originals);
    const copies = wholeNumber(paper.copies);
    if (originals === null || copies === null || originals > 100 || copies > 100) {
      errors[`papers.${index}`] = `Số bản của "${paper.name}" phải là số nguyên từ 0 đến 100.`;
    } else if (originals + copies === 0) {
      errors[`papers.${index}`] = `"${paper.name}" cần ít nhất một bản chính hoặc bản sao (hoặc bỏ chọn).`;
    } else {
      papers.push({ name: paper.name, originals, copies });
    }
  });

  const sets = wholeNumber(values.sets);
  if (sets === null || sets < 1 || sets > 100) errors.sets = 'Số bộ hồ sơ phải từ 1 đến 100.';

  const fee = feeFor(procedure, values);
  let amount = 0;
  let feeNote: string | undefined;
  if (fee.status === 'computed') {
    amount = fee.amount;
    feeNote = fee.breakdown;
  } else if (fee.status === 'officer-entry-required') {
    errors.overrideAmount = 'Lệ phí do tỉnh quy định: nhập số tiền thu.';
  } else {
    errors[procedure.fee.kind === 'per-page' ? 'pages' : 'overrideAmount'] = fee.message;
  }

  const notes = values.notes.normalize('NFC').trim();
  const notesProblem = eventTextProblem(receivedFields.notes, values.notes);
  if (notesProblem) errors.notes = notesProblem;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    payload: {
      procedureCode: procedure.code,
      procedureName: procedure.name,
      field: procedure.field,
      statutoryTime: procedure.statutoryTime,
      channel: 'in-person',
      applicant,
      papers: papersWithAuthorisation(papers, representative),
      ...(representative ? { representative } : {}),
      sets: sets ?? 1,
      fee: feeNote ? { amount, note: feeNote.slice(0, 2000) } : { amount },
      resultDelivery: values.resultDelivery,
      ...(notes ? { notes } : {}),
    },
  };
}
