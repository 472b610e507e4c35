import { finishedDeadlineState } from '../../deadline/deadline-state.ts';
import type { FinishedDeadlineState } from '../../deadline/deadline-state.ts';
import type { DossierEvent } from '../../dossier/events.ts';
import { projectDossier } from '../../dossier/projection.ts';
import { dossierLines, formHeader, ms, receivedEventOf, RECEPTION_OFFICE, timeAndDate } from './common.ts';
import type { DossierLines, FormHeader, FormUnit, OfficerNames } from './common.ts';

/** One hand-over of the dossier: a row of the process control slip. */
export interface ProcessControlRow {
  step: string;
  body: string;
  at: string;
  giver: string;
  receiver: string;
  /** Against the due date in force at that moment; empty for the intake row. */
  result: string;
  note: string;
  /** A hand-over between units: who gave it and who received it, by name (the form's "Giao… Nhận…"). */
  handOver?: { from: string; to: string };
}

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 04 [06]). */
export interface ProcessControlModel extends DossierLines {
  form: 'process-control';
  title: string;
  header: FormHeader;
  receivedAt: string;
  dueAt: string;
  processingBody: string;
  rows: ProcessControlRow[];
}

export interface ProcessControlInput {
  events: readonly DossierEvent[];
  unit: FormUnit;
  officerName: OfficerNames;
  /** Agency id → display name of a unit (transfers name the receiving unit by its id). */
  unitName?: (agencyId: string) => string;
}

const resultLabels: Readonly<Record<FinishedDeadlineState, string>> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

export function buildProcessControl(input: ProcessControlInput): ProcessControlModel {
  const received = receivedEventOf(input.events);
  const state = projectDossier(input.events);
  const byId = new Map(input.events.map((event) => [event.id, event]));
  const ordered = state.eventIds.map((id) => byId.get(id)).filter((event): event is DossierEvent => event !== undefined);
  const unitName = input.unitName ?? ((id: string) => (id === input.unit.agencyId ? input.unit.unitName : id));
  const name = input.officerName;

  const rows: ProcessControlRow[] = [];
  let openHandOver: number | null = null;
  ordered.forEach((event, index) => {
    const dueThen = projectDossier(ordered.slice(0, index + 1)).dueAt;
    const result =
      dueThen === '' ? '' : resultLabels[finishedDeadlineState({ dueMs: ms(dueThen), finishedMs: ms(event.at) })];
    const at = timeAndDate(ms(event.at));
    switch (event.type) {
      case 'RECEIVED':
        rows.push({
          step: 'Tiếp nhận hồ sơ',
          body: 'Bộ phận tiếp nhận và trả kết quả',
          at,
          giver: event.payload.applicant.fullName,
          receiver: name(event.officerId),
          result: '',
          note: '',
        });
        return;
      case 'TRANSFERRED':
        openHandOver = rows.length;
        rows.push({
          step: 'Chuyển hồ sơ',
          body: unitName(event.payload.toUnitId),
          at,
          giver: name(event.officerId),
          receiver: event.payload.toOfficerId ? name(event.payload.toOfficerId) : '',
          result,
          note: event.payload.note ?? '',
          handOver: { from: unitName(event.unitId), to: unitName(event.payload.toUnitId) },
        });
        return;
      case 'ACCEPTED': {
        // The hand-over is signed off by whoever took it, when it named no officer.
        const handOver = openHandOver === null ? undefined : rows[openHandOver];
        if (handOver && handOver.receiver === '') handOver.receiver = name(event.officerId);
        openHandOver = null;
        rows.push({ step: 'Nhận xử lý', body: unitName(event.unitId), at, giver: '', receiver: name(event.officerId), result, note: '' });
        return;
      }
      case 'SUPPLEMENT_REQUESTED':
        rows.push({ step: 'Yêu cầu bổ sung', body: unitName(event.unitId), at, giver: name(event.officerId), receiver: '', result, note: event.payload.reason });
        return;
      case 'SUPPLEMENT_RECEIVED':
        rows.push({ step: 'Nhận hồ sơ bổ sung', body: unitName(event.unitId), at, giver: '', receiver: name(event.officerId), result, note: '' });
        return;
      case 'EXTENDED':
        rows.push({ step: 'Gia hạn, hẹn lại', body: event.payload.responsibleUnit, at, giver: name(event.officerId), receiver: '', result: '', note: event.payload.reason });
        return;
      case 'RESOLVED':
        rows.push({ step: 'Có kết quả giải quyết', body: unitName(event.unitId), at, giver: name(event.officerId), receiver: '', result, note: event.payload.resultSummary ?? '' });
        return;
      case 'RETURNED':
        rows.push({ step: 'Trả kết quả', body: 'Bộ phận tiếp nhận và trả kết quả', at, giver: name(event.officerId), receiver: event.payload.collectedBy.fullName, result, note: event.payload.note ?? '' });
        return;
      default:
        return;
    }
  });

  return {
    form: 'process-control',
    title: 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
    header: formHeader(input.unit, ms(received.payload.receivedAt), RECEPTION_OFFICE, 'process-control'),
    ...dossierLines(received),
    receivedAt: timeAndDate(ms(state.receivedAt)),
    dueAt: state.dueAt === '' ? '' : timeAndDate(ms(state.dueAt)),
    processingBody: unitName(state.holderUnitId),
    rows,
  };
}
