import { DomainError } from '../errors.ts';

/**
 * The VietQR text of a bank transfer (NAPAS VietQR, on EMVCo merchant-presented QR): what a
 * citizen's banking app reads to prefill the unit's account, the amount and the transfer content.
 *
 * Layout (each data object is ID, two-digit length, value):
 *   00 "01" payload format · 01 "12" dynamic (an amount is given) ·
 *   38 merchant account: 00 GUID A000000727, 01 beneficiary (00 bank BIN, 01 account), 02 QRIBFTTA ·
 *   53 "704" đồng · 54 amount · 58 "VN" · 62 additional data: 08 purpose of the transfer ·
 *   63 CRC-16/CCITT-FALSE over everything before it, "6304" included, four upper-case hex digits.
 */

export interface VietQrInput {
  /** The beneficiary bank's 6-digit NAPAS BIN, e.g. 970415 (VietinBank). */
  bankBin: string;
  /** The beneficiary account number. */
  accountNumber: string;
  /** Whole đồng, at least 1. */
  amount: number;
  /** The transfer content (ASCII), e.g. the dossier code and the receipt number. */
  purpose: string;
}

const NAPAS_GUID = 'A000000727';
const SERVICE_TO_ACCOUNT = 'QRIBFTTA';
const BANK_BIN = /^\d{6}$/;
const ACCOUNT_NUMBER = /^[0-9A-Za-z]{1,19}$/;
/** Printable ASCII: banking apps show the content as typed and diacritics are not carried. */
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

function field(id: string, value: string): string {
  if (value.length > 99) throw new DomainError('vietqr.too_long', `Trường ${id} của mã VietQR dài quá 99 ký tự.`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
}

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final xor) of the ASCII text. */
export function crc16CcittFalse(text: string): string {
  let crc = 0xffff;
  for (let at = 0; at < text.length; at += 1) {
    crc ^= (text.charCodeAt(at) & 0xff) << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export function buildVietQrPayload(input: VietQrInput): string {
  if (!BANK_BIN.test(input.bankBin)) {
    throw new DomainError('vietqr.bad_bin', 'Mã BIN ngân hàng phải gồm đúng 6 chữ số (ví dụ 970415).', ['bankBin']);
  }
  if (!ACCOUNT_NUMBER.test(input.accountNumber)) {
    throw new DomainError('vietqr.bad_account', 'Số tài khoản chỉ gồm chữ số hoặc chữ cái không dấu, tối đa 19 ký tự.', ['accountNumber']);
  }
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || String(input.amount).length > 13) {
    throw new DomainError('vietqr.bad_amount', 'Số tiền của mã VietQR phải là số nguyên dương (đồng).', ['amount']);
  }
  const purpose = input.purpose.trim();
  if (!PRINTABLE_ASCII.test(purpose)) {
    throw new DomainError('vietqr.bad_purpose', 'Nội dung chuyển khoản chỉ gồm chữ không dấu, chữ số và dấu thông thường.', ['purpose']);
  }
  const beneficiary = field('00', input.bankBin) + field('01', input.accountNumber);
  const merchantAccount = field('00', NAPAS_GUID) + field('01', beneficiary) + field('02', SERVICE_TO_ACCOUNT);
  const body =
    field('00', '01') +
    field('01', '12') +
    field('38', merchantAccount) +
    field('53', '704') +
    field('54', String(input.amount)) +
    field('58', 'VN') +
    field('62', field('08', purpose)) +
    '6304';
  return body + crc16CcittFalse(body);
}

/** The transfer content of a fee receipt: the dossier code and the receipt, so the unit's statement matches them. */
export function feePurpose(dossierCode: string, receipt: { symbol: string; number: number }): string {
  return `${dossierCode} ${receipt.symbol}-${String(receipt.number).padStart(7, '0')}`;
}
