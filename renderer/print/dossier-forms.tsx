import type { ReactElement } from 'react';
import type { PageSize } from '../../src/bridge/desk-bridge.ts';
import type { DossierEvent, PrintForm } from '../../src/dossier/events.ts';
import {
  buildApology,
  buildFeeReceipt,
  buildProcessControl,
  buildReceipt,
  buildRefusal,
  buildStopNotice,
  buildSupplementRequest,
} from '../../src/print/forms/index.ts';
import type { FormModel, FormUnit } from '../../src/print/forms/index.ts';
import { DomainError } from '../../src/errors.ts';
import type { Desk } from '../app/desk-context.tsx';
import { lookupUrl } from '../app/desk-settings.ts';
import { FormDocument } from './forms/FormDocument.tsx';
import type { PrintMark } from './print-service.ts';

export const formTitles: Readonly<Record<PrintForm, string>> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  'supplement-request': 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  'apology-extension': 'Phiếu xin lỗi và hẹn lại ngày trả kết quả',
  'stop-notice': 'Thông báo dừng giải quyết hồ sơ',
  'process-control': 'Phiếu kiểm soát quá trình giải quyết hồ sơ',
  'fee-receipt': 'Biên lai thu phí, lệ phí',
};

/** The receipt prints its two "liên" in one document. */
export const copiesPerDocument = (form: PrintForm): number => (form === 'receipt' ? 2 : 1);

export function formUnit(desk: Pick<Desk, 'identity'>): FormUnit {
  const { identity } = desk;
  return { unitName: identity.unitName, provinceName: identity.provinceName ?? '', agencyId: identity.agencyId, ...(identity.unitKind ? { kind: identity.unitKind } : {}) };
}

/**
 * The document model of `form` for a dossier, from its events (throws a Vietnamese DomainError).
 * `unit`: the issuing unit with its kind (form-unit.ts `loadFormUnit`); the identity's by default.
 */
export function buildFormModel(
  form: PrintForm,
  events: readonly DossierEvent[],
  desk: Pick<Desk, 'identity' | 'officerName' | 'settings'>,
  unit: FormUnit = formUnit(desk),
  /** Agency id → unit name from the province's list: hand-overs name units, never ids. */
  unitName?: (agencyId: string) => string,
  /** Which fee receipt of the dossier, for 'fee-receipt'. */
  receipt?: { symbol: string; number: number },
): FormModel {
  const base = { events, unit, officerName: (id: string) => desk.officerName(id) };
  switch (form) {
    case 'receipt': {
      const code = events[0]?.dossierCode ?? '';
      return buildReceipt({ ...base, lookupUrl: lookupUrl(desk.settings.serverUrl, code) });
    }
    case 'supplement-request':
      return buildSupplementRequest(base);
    case 'refusal':
      return buildRefusal(base);
    case 'apology-extension':
      return buildApology(base);
    case 'stop-notice':
      return buildStopNotice(base);
    case 'process-control':
      // An officer of another unit is not known on this desk: their line is left to sign by hand,
      // never filled with an id.
      return buildProcessControl({
        ...base,
        officerName: (id: string) => (desk.officerName(id) === id ? '' : desk.officerName(id)),
        ...(unitName ? { unitName } : {}),
      });
    case 'fee-receipt':
      if (!receipt) throw new DomainError('print.no_fee_receipt', 'Chưa chọn biên lai thu phí để in.');
      return buildFeeReceipt({ ...base, receipt });
  }
}

export function formElement(model: FormModel, pageSize: PageSize, mark: PrintMark): ReactElement {
  return <FormDocument model={model} pageSize={pageSize} mark={mark} />;
}
