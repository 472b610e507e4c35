import type { DossierEvent } from '../../dossier/events.ts';
import { projectDossier } from '../../dossier/projection.ts';
import { dossierLines, formHeader, lastEventOf, ms, receivedEventOf, RECEPTION_OFFICE, timeAndDate } from './common.ts';
import type { FormName } from './form-numbers.ts';
import type { DossierLines, FormHeader, FormUnit, OfficerNames } from './common.ts';

/**
 * The one-page notices of the one-stop regulation that answer one event of the dossier:
 * request to supplement (Mẫu 02), refusal (Mẫu 03), apology and new appointment (Mẫu 05 [04])
 * and notice of stopped processing ([05]).
 */

export interface NoticeInput {
  events: readonly DossierEvent[];
  unit: FormUnit;
  officerName: OfficerNames;
}

interface NoticeBase extends DossierLines {
  title: string;
  header: FormHeader;
  receivedAt: string;
  /** Who signs at the bottom, e.g. "NGƯỜI HƯỚNG DẪN". */
  signerRole: string;
  signerName: string;
}

export interface SupplementRequestModel extends NoticeBase {
  form: 'supplement-request';
  items: string[];
  reason: string;
  /** Contact for questions: the officer and the office. */
  contact: string;
}

export interface RefusalModel extends NoticeBase {
  form: 'refusal';
  reason: string;
}

export interface ApologyModel extends NoticeBase {
  form: 'apology-extension';
  originalAppointment: string;
  reason: string;
  responsibleUnit: string;
  newAppointment: string;
}

export interface StopNoticeModel extends NoticeBase {
  form: 'stop-notice';
  reason: string;
}

function base(input: NoticeInput, form: FormName, atIso: string, officerId: string, title: string, signerRole: string): NoticeBase {
  const received = receivedEventOf(input.events);
  return {
    title,
    header: formHeader(input.unit, ms(atIso), RECEPTION_OFFICE, form),
    ...dossierLines(received),
    receivedAt: timeAndDate(ms(received.payload.receivedAt)),
    signerRole,
    signerName: input.officerName(officerId),
  };
}

export function buildSupplementRequest(input: NoticeInput): SupplementRequestModel {
  const event = lastEventOf(input.events, 'SUPPLEMENT_REQUESTED', 'yêu cầu bổ sung hồ sơ');
  const officer = input.officerName(event.officerId);
  return {
    form: 'supplement-request',
    ...base(input, 'supplement-request', event.at, event.officerId, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'NGƯỜI HƯỚNG DẪN'),
    items: [...event.payload.items],
    reason: event.payload.reason,
    contact: `${officer}, Bộ phận tiếp nhận và trả kết quả, ${input.unit.unitName}`,
  };
}

export function buildRefusal(input: NoticeInput): RefusalModel {
  const event = lastEventOf(input.events, 'REFUSED', 'quyết định từ chối');
  return {
    form: 'refusal',
    ...base(input, 'refusal', event.at, event.officerId, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ'),
    reason: event.payload.reason,
  };
}

export function buildApology(input: NoticeInput): ApologyModel {
  const event = lastEventOf(input.events, 'EXTENDED', 'gia hạn (xin lỗi và hẹn lại)');
  // The appointment the citizen holds is the due date before this extension.
  const before = input.events.filter((other) => other.id !== event.id && other.id < event.id);
  const previousDue = before.length > 0 ? projectDossier(before).dueAt : '';
  return {
    form: 'apology-extension',
    ...base(input, 'apology-extension', event.at, event.officerId, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'THỦ TRƯỞNG CƠ QUAN'),
    originalAppointment: previousDue === '' ? '' : timeAndDate(ms(previousDue)),
    reason: event.payload.reason,
    responsibleUnit: event.payload.responsibleUnit,
    newAppointment: timeAndDate(ms(event.payload.newDueAt)),
  };
}

export function buildStopNotice(input: NoticeInput): StopNoticeModel {
  const event = lastEventOf(input.events, 'STOPPED', 'quyết định dừng giải quyết');
  return {
    form: 'stop-notice',
    ...base(input, 'stop-notice', event.at, event.officerId, 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'THỦ TRƯỞNG CƠ QUAN'),
    reason: event.payload.reason,
  };
}
