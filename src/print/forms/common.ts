import type { StatutoryTime } from '../../catalogue/statutory-time.ts';
import { DomainError } from '../../errors.ts';
import type { DossierEvent, EventOf } from '../../dossier/events.ts';
import { formatDate, formatTime, localDateOf } from '../../time/vn-time.ts';
import { nameWithoutKind, unitKindFromName, unitKindHeadings } from '../../units/unit-kind.ts';
import type { UnitKind } from '../../units/unit-kind.ts';
import { formNumberLabel } from './form-numbers.ts';
import type { FormName } from './form-numbers.ts';

/** The unit that issues a form (from the desk identity). */
export interface FormUnit {
  /** e.g. "Phường Ba Đình". */
  unitName: string;
  /** e.g. "Thành phố Hà Nội". */
  provinceName: string;
  agencyId: string;
  /** The kind of body (unit reference data); derived from the name when the unit has none. */
  kind?: UnitKind;
  /** The governing body printed above the unit in the header, e.g. "Công an thành phố Hà Nội". */
  governingBody?: string;
}

/**
 * A line of a form's header as word groups printed together, e.g. ["ỦY BAN NHÂN DÂN",
 * "PHƯỜNG BA ĐÌNH"]: where the line does not fit its column it breaks between groups only, so a
 * name or a two-syllable word ("KẾT QUẢ", "BA ĐÌNH") is never split across lines.
 */
export type WordGroups = readonly string[];

/** The two header blocks and the place-and-date line every one-stop form starts with. */
export interface FormHeader {
  /** "Mẫu số 01" (form-numbers.ts), printed above the header; null for a form without a number. */
  formNumber: string | null;
  /** Left block, first line when the unit has one: its governing body, upper case. */
  governing: WordGroups | null;
  /** Left block, upper case: the issuing body. */
  agency: WordGroups;
  /** Left block, second line: the office within it. */
  office: WordGroups;
  /** "Phường Ba Đình, ngày 22 tháng 11 năm 2025". */
  placeDate: string;
}

/** Officer id → full name, supplied by the desk (officers are reference data, not in events). */
export type OfficerNames = (officerId: string) => string;

export const RECEPTION_OFFICE: WordGroups = ['BỘ PHẬN TIẾP NHẬN', 'VÀ TRẢ KẾT QUẢ'];

/**
 * The issuing body of a unit's forms: the heading of its kind (Ủy ban nhân dân, Công an…), then the
 * unit's own name whole, without the kind's words it may start with ("UBND phường Ba Đình").
 */
export function agencyGroups(unitName: string, kind: UnitKind = unitKindFromName(unitName)): WordGroups {
  const name = nameWithoutKind(unitName, kind).toLocaleUpperCase('vi');
  const heading = unitKindHeadings[kind];
  return heading === null ? [name] : [heading, name];
}

/**
 * The header of `form` issued by `unit`. `form` gives the form number printed above it; a form
 * model added without one prints none.
 */
export function formHeader(unit: FormUnit, atMs: number, office: WordGroups = RECEPTION_OFFICE, form?: FormName): FormHeader {
  const governing = unit.governingBody?.normalize('NFC').replace(/\s+/g, ' ').trim();
  return {
    formNumber: form === undefined ? null : formNumberLabel(form),
    governing: governing ? [governing.toLocaleUpperCase('vi')] : null,
    agency: agencyGroups(unit.unitName, unit.kind),
    office,
    placeDate: placeDateLine(placeOf(unit), atMs),
  };
}

/** The place the date line names: the unit's name without its kind ("Phường Ba Đình", not "Công an phường Ba Đình"). */
function placeOf(unit: FormUnit): string {
  const place = nameWithoutKind(unit.unitName, unit.kind ?? unitKindFromName(unit.unitName));
  return place.charAt(0).toLocaleUpperCase('vi') + place.slice(1);
}

/** "<place>, ngày dd tháng MM năm yyyy" (Vietnam date of the instant). */
export function placeDateLine(place: string, atMs: number): string {
  const date = localDateOf(atMs);
  return `${place}, ngày ${date.slice(8, 10)} tháng ${date.slice(5, 7)} năm ${date.slice(0, 4)}`;
}

/** "14 giờ 05 phút, ngày 22/11/2025". */
export function timeAndDate(atMs: number): string {
  const [hours = '', minutes = ''] = formatTime(atMs).split(':');
  return `${hours} giờ ${minutes} phút, ngày ${formatDate(atMs)}`;
}

export function statutoryTimeText(time: StatutoryTime): string {
  switch (time.kind) {
    case 'working-days':
      return `${String(time.days).replace('.', ',')} ngày làm việc`;
    case 'working-hours':
      return `${time.hours} giờ làm việc`;
    case 'same-day':
      return `Trong ngày (nhận sau ${time.cutoff} thì trả trong ngày làm việc tiếp theo)`;
  }
}

export const resultDeliveryLabels = {
  desk: 'Tại Bộ phận tiếp nhận và trả kết quả',
  post: 'Qua dịch vụ bưu chính công ích',
} as const;

export const ms = (iso: string): number => Date.parse(iso);

/** The dossier's RECEIVED event: every form needs what was received. */
export function receivedEventOf(events: readonly DossierEvent[]): EventOf<'RECEIVED'> {
  const received = events.find((event): event is EventOf<'RECEIVED'> => event.type === 'RECEIVED');
  if (!received) {
    throw new DomainError('print.no_received', 'Hồ sơ chưa có sự kiện tiếp nhận: không thể in phiếu.');
  }
  return received;
}

/** The last event of `type` (the one the form is printed for), or a DomainError. */
export function lastEventOf<T extends DossierEvent['type']>(events: readonly DossierEvent[], type: T, what: string): EventOf<T> {
  const found = events.filter((event): event is EventOf<T> => event.type === type).at(-1);
  if (!found) throw new DomainError('print.no_event', `Hồ sơ chưa có ${what}: không thể in phiếu.`, undefined, { type });
  return found;
}

/** The part of a dossier's identity all forms print. */
export interface DossierLines {
  dossierCode: string;
  applicantName: string;
  applicantAddress: string | null;
  applicantPhone: string | null;
  applicantEmail: string | null;
  procedureName: string;
  procedureCode: string;
}

export function dossierLines(received: EventOf<'RECEIVED'>): DossierLines {
  const { applicant } = received.payload;
  return {
    dossierCode: received.dossierCode,
    applicantName: applicant.fullName,
    applicantAddress: applicant.address ?? null,
    applicantPhone: applicant.phone ?? null,
    applicantEmail: applicant.email ?? null,
    procedureName: received.payload.procedureName,
    procedureCode: received.payload.procedureCode,
  };
}
