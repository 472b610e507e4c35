/**
 * The form numbers of the one-stop forms: Circular 01/2018/TT-VPCP's, and beside them the
 * renumbering of Circular 03/2025/TT-VPCP, which could not be confirmed from the official text
 * (domain.md "(check)"): kept as data, printed only if `FORM_NUMBERING` is switched to it.
 */

export type FormName = 'receipt' | 'supplement-request' | 'refusal' | 'process-control' | 'apology-extension' | 'stop-notice' | 'ledger' | 'fee-receipt';

export type FormNumbering = 'circular-01-2018' | 'circular-03-2025';

export interface FormNumbers {
  /** Circular 01/2018/TT-VPCP ("01"); null where that circular has no such form. */
  circular2018: string | null;
  /** Circular 03/2025/TT-VPCP, unconfirmed (domain.md "(check)"). */
  circular2025: string;
  title: string;
}

export const FORM_NUMBERS: Readonly<Record<FormName, FormNumbers>> = {
  receipt: { circular2018: '01', circular2025: '01', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả' },
  'supplement-request': { circular2018: '02', circular2025: '02', title: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' },
  refusal: { circular2018: '03', circular2025: '03', title: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ' },
  'process-control': { circular2018: '04', circular2025: '06', title: 'Phiếu kiểm soát quá trình giải quyết hồ sơ' },
  'apology-extension': { circular2018: '05', circular2025: '04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' },
  'stop-notice': { circular2018: null, circular2025: '05', title: 'Thông báo dừng giải quyết hồ sơ' },
  ledger: { circular2018: '06', circular2025: '07', title: 'Sổ theo dõi hồ sơ' },
  // Not a one-stop form: a receipt template symbol (Decree 123/2020, Circular 78/2021), unconfirmed for a
  // paper receipt printed by the desk (see src/print/forms/fee-receipt.ts); the same under both numberings.
  'fee-receipt': { circular2018: '01BLP0-001', circular2025: '01BLP0-001', title: 'Biên lai thu phí, lệ phí' },
};

/**
 * Which numbering prints. The 2018 one: it is the text the forms were checked against; the 2025
 * renumbering is unconfirmed. Switch here (one place) once it is.
 */
export const FORM_NUMBERING: FormNumbering = 'circular-01-2018';

const CIRCULARS: Readonly<Record<FormNumbering, string>> = {
  'circular-01-2018': 'Thông tư số 01/2018/TT-VPCP',
  'circular-03-2025': 'Thông tư số 03/2025/TT-VPCP',
};

/**
 * "Mẫu số 01", as printed at the top of the form. A form the chosen circular lacks (the stop notice
 * has no 2018 number) prints the other circular's number and names that circular, so no form is
 * printed without one and none is given a number it does not have.
 */
export function formNumberLabel(form: FormName, numbering: FormNumbering = FORM_NUMBERING): string {
  const numbers = FORM_NUMBERS[form];
  if (numbering === 'circular-03-2025') return `Mẫu số ${numbers.circular2025}`;
  if (numbers.circular2018 !== null) return `Mẫu số ${numbers.circular2018}`;
  return `Mẫu số ${numbers.circular2025} (${CIRCULARS['circular-03-2025']})`;
}
