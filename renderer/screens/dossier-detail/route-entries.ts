import type { DossierEvent } from '../../../src/dossier/events.ts';
import { actionLabels } from '../../../src/dossier/state-machine.ts';
import { feeText } from '../../../src/fees/fee-text.ts';
import { formatDong } from '../../../src/fees/format-dong.ts';
import { paymentMethodLabels } from '../../../src/fees/payment-method.ts';
import { receiptLabel } from '../../../src/fees/receipt-series.ts';
import type { PlaceNames } from '../../../src/people/place-names.ts';
import { formatInstant, formatIsoDate } from '../../components/format.ts';

const formLabels: Record<string, string> = {
  receipt: 'Giấy tiếp nhận và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung',
  refusal: 'Phiếu từ chối',
  'apology-extension': 'Phiếu xin lỗi và hẹn lại',
  'stop-notice': 'Thông báo dừng giải quyết',
  'process-control': 'Phiếu kiểm soát quá trình',
  'fee-receipt': 'Biên lai thu phí, lệ phí',
};

/** The lines a route entry shows under its title: what this event said. */
/** A unit in a sentence: its name, the id after it in brackets (or the id and its note when unknown). */
function unitInLine(places: Pick<PlaceNames, 'unit'>, id: string): string {
  const unit = places.unit(id);
  return unit.known ? `${unit.name} (${unit.id})` : unit.name;
}

export function eventDetails(event: DossierEvent, officerName: (id: string) => string, places: Pick<PlaceNames, 'unit'>): string[] {
  switch (event.type) {
    case 'RECEIVED':
      return [
        `Hẹn trả: ${formatInstant(event.payload.dueAt)}`,
        `Lệ phí: ${feeText({ amount: event.payload.fee.amount })}`,
      ];
    case 'SUPPLEMENT_REQUESTED':
      return [`Lý do: ${event.payload.reason}`, ...event.payload.items.map((item) => `• ${item}`)];
    case 'SUPPLEMENT_RECEIVED':
      return [`Tạm dừng ${event.payload.pausedWorkingMinutes} phút làm việc`, `Hạn trả mới: ${formatInstant(event.payload.newDueAt)}`];
    case 'TRANSFERRED':
      return [
        `Đến ${unitInLine(places, event.payload.toUnitId)}${event.payload.toOfficerId ? `, cán bộ ${officerName(event.payload.toOfficerId)}` : ''}`,
        ...(event.payload.note ? [`Ghi chú: ${event.payload.note}`] : []),
      ];
    case 'RESOLVED':
      return event.payload.resultSummary ? [`Kết quả: ${event.payload.resultSummary}`] : [];
    case 'RETURNED':
      return [
        `Người nhận: ${event.payload.collectedBy.fullName}`,
        ...(event.payload.groupPending ? [`Trả một phần hồ sơ liên thông: còn chờ trả ${event.payload.groupPending.join(', ')}`] : []),
        ...(event.payload.note ? [`Ghi chú: ${event.payload.note}`] : []),
      ];
    case 'WITHDRAWN': {
      const request = event.payload.request;
      const asked = request
        ? [`Người đề nghị: ${request.fullName}${request.citizenId ? ` (${request.citizenId})` : ''}`, `${request.paper} ngày ${formatIsoDate(request.date)}`]
        : [];
      return [`Lý do: ${event.payload.reason}`, ...asked];
    }
    case 'REFUSED':
    case 'STOPPED':
      return [`Lý do: ${event.payload.reason}`];
    case 'EXTENDED':
      return [
        `Hạn trả mới: ${formatInstant(event.payload.newDueAt)}`,
        `Lý do: ${event.payload.reason}`,
        `Trách nhiệm: ${event.payload.responsibleUnit}`,
      ];
    case 'NOTE':
      return [event.payload.text];
    case 'PRINTED':
      return [`${formLabels[event.payload.form] ?? event.payload.form}${event.payload.isCopy ? ' (bản sao)' : ''}, ${event.payload.copies} bản`];
    case 'FEE_RECEIPT_ISSUED':
      return [
        `Biên lai ${receiptLabel(event.payload)}: ${formatDong(event.payload.amount)} (${paymentMethodLabels[event.payload.method]})`,
        `Người nộp tiền: ${event.payload.payer.fullName}`,
      ];
    case 'FEE_RECEIPT_VOIDED':
      return [`Biên lai ${receiptLabel(event.payload)}${event.payload.reservedOnly ? ' (số đã giữ, chưa lưu)' : ''}`, `Lý do hủy: ${event.payload.reason}`];
    case 'FINANCIAL_OBLIGATION_REQUESTED':
      return [...(event.payload.note ? [event.payload.note] : []), ...(event.payload.amount !== undefined ? [`Số tiền: ${event.payload.amount.toLocaleString('vi-VN')} đồng`] : [])];
    case 'FINANCIAL_OBLIGATION_FULFILLED': {
      const { pausedWorkingMinutes, newDueAt, note } = event.payload;
      const resumed = newDueAt === undefined ? [] : [`Tạm dừng ${pausedWorkingMinutes ?? 0} phút làm việc`, `Hạn trả mới: ${formatInstant(newDueAt)}`];
      return [...resumed, ...(note ? [note] : [])];
    }
    case 'ACCEPTED':
      return event.payload && 'note' in event.payload && event.payload.note ? [event.payload.note] : [];
    case 'ATTACHED': {
      const { role, paper, pages, size, fileName } = event.payload;
      const what = role === 'result' ? 'Kết quả điện tử' : `Giấy tờ: ${paper ?? ''}`;
      const kilobytes = Math.max(1, Math.round(size / 1024)).toLocaleString('vi-VN');
      return [what, `${pages} trang, ${kilobytes} KB${fileName ? ` (tệp ${fileName})` : ''}`];
    }
  }
}

export function eventTitle(event: DossierEvent): string {
  return actionLabels[event.type];
}
