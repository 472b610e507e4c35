import { amountInWords } from '../../fees/amount-in-words.ts';
import { formatDong } from '../../fees/format-dong.ts';
import { ledgerEntryOf } from '../../dossier/ledger-line.ts';
import type { DossierEvent, EventOf } from '../../dossier/events.ts';
import { groupDueAt } from '../../dossier/linked-group.ts';
import { unitKindLabels } from '../../units/unit-kind.ts';
import {
  dossierLines,
  formHeader,
  ms,
  RECEPTION_OFFICE,
  receivedEventOf,
  resultDeliveryLabels,
  statutoryTimeText,
  timeAndDate,
} from './common.ts';
import type { DossierLines, FormHeader, FormUnit, OfficerNames } from './common.ts';
import { applicantSignerOf, partyLinesOf } from './parties.ts';
import type { PartyLines } from './parties.ts';

/** Mẫu 01: the two copies of the receipt, in print order. */
export const RECEIPT_COPY_LABELS = ['Liên 1: Lưu', 'Liên 2: Giao người nộp'] as const;

export interface ReceiptPaper {
  name: string;
  originals: number;
  copies: number;
  /** Shown at the desk and given back ("xuất trình"): printed as such, without counts. */
  presentedOnly: boolean;
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu 01), as printed. */
export interface ReceiptModel extends DossierLines {
  form: 'receipt';
  title: string;
  header: FormHeader;
  copyLabels: readonly string[];
  papers: ReceiptPaper[];
  sets: number;
  statutoryTime: string;
  receivedAt: string;
  appointmentAt: string;
  resultDelivery: string;
  fee: { amount: number; text: string; words: string; note: string | null };
  notes: string | null;
  /** Book of the dossier ledger (quyển số, "01/2026"); '' for a receipt stored before books. */
  ledgerBook: string;
  /** Line of the dossier ledger (số thứ tự), the same the ledger prints (ledger-line.ts). */
  ledgerLine: string;
  receivingOfficer: string;
  /** The receiving unit, e.g. "Phường Ba Đình". */
  unitName: string;
  lookupUrl: string;
  /** An organisation applicant and the authorised person who handed the dossier in. */
  parties: PartyLines;
  /** Signs for the applicant: the authorised person, when there is one. */
  applicantSigner?: string;
  /** A linked group (liên thông): the group's code is the first component's, and each component has its line. */
  group?: { procedureName: string; procedureCode: string; components: ReceiptGroupLine[] };
}

/** A linked group's line on the receipt: one per component, with its own dossier code and appointment. */
export interface ReceiptGroupLine {
  dossierCode: string;
  procedureCode: string;
  procedureName: string;
  /** The kind of unit that decides it: "Ủy ban nhân dân", "Công an", "Bảo hiểm xã hội". */
  competentUnit: string;
  appointmentAt: string;
}

export interface ReceiptInput {
  events: readonly DossierEvent[];
  unit: FormUnit;
  officerName: OfficerNames;
  /** `<server>/tra-cuu?ma=<code>`, shown as a QR code. */
  lookupUrl: string;
}

export function buildReceipt(input: ReceiptInput): ReceiptModel {
  const received = receivedEventOf(input.events);
  const p = received.payload;
  const receivedMs = ms(p.receivedAt);
  const ledger = ledgerEntryOf(p, received.dossierCode);
  return {
    form: 'receipt',
    title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    header: formHeader(input.unit, receivedMs, RECEPTION_OFFICE, 'receipt'),
    copyLabels: RECEIPT_COPY_LABELS,
    ...dossierLines(received),
    papers: p.papers.map(({ name, originals, copies, presentedOnly }) => ({ name, originals, copies, presentedOnly: presentedOnly === true })),
    sets: p.sets,
    statutoryTime: statutoryTimeText(p.statutoryTime),
    receivedAt: timeAndDate(receivedMs),
    appointmentAt: timeAndDate(ms(p.dueAt)),
    resultDelivery: resultDeliveryLabels[p.resultDelivery],
    fee: {
      amount: p.fee.amount,
      text: p.fee.amount === 0 ? 'Không thu phí, lệ phí' : formatDong(p.fee.amount),
      words: p.fee.amount === 0 ? '' : amountInWords(p.fee.amount),
      note: p.fee.note ?? null,
    },
    notes: p.notes ?? null,
    ledgerBook: ledger.book,
    ledgerLine: ledger.line,
    receivingOfficer: input.officerName(received.officerId),
    unitName: input.unit.unitName,
    lookupUrl: input.lookupUrl,
    parties: partyLinesOf(received),
    ...(applicantSignerOf(received) ? { applicantSigner: applicantSignerOf(received) } : {}),
    ...groupLines(received),
  };
}

/** A group's receipt names the group, lists its components, and gives the latest component's appointment. */
function groupLines(received: EventOf<'RECEIVED'>): Partial<ReceiptModel> {
  const group = received.payload.group;
  if (!group) return {};
  const due = groupDueAt(group.members) ?? received.payload.dueAt;
  return {
    procedureName: group.procedureName,
    procedureCode: group.procedureCode,
    statutoryTime: 'Theo từng thủ tục thành phần (bảng dưới)',
    appointmentAt: timeAndDate(ms(due)),
    group: {
      procedureName: group.procedureName,
      procedureCode: group.procedureCode,
      components: group.members.map((m) => ({
        dossierCode: m.dossierCode,
        procedureCode: m.procedureCode,
        procedureName: m.procedureName,
        competentUnit: unitKindLabels[m.unitKind],
        appointmentAt: timeAndDate(ms(m.dueAt)),
      })),
    },
  };
}
