import type { EventType, PayloadInput } from '../../src/dossier/events.ts';

/**
 * Every free-text field of every event type, with the words the text rule's message must name it
 * by and whether it may hold several lines: written out here, apart from the schema, so that a
 * field added without a label, or a label lost, fails the tests.
 */
export interface TextField {
  path: ReadonlyArray<string | number>;
  label: string;
  lines: 'one-line' | 'multi-line';
}

const one = (label: string, ...path: Array<string | number>): TextField => ({ path, label, lines: 'one-line' });
const multi = (label: string, ...path: Array<string | number>): TextField => ({ path, label, lines: 'multi-line' });

export const ENVELOPE_TEXT_FIELDS: readonly TextField[] = [one('Mã cán bộ', 'officerId'), one('Mã quầy tiếp nhận', 'deskId')];

export const PAYLOAD_TEXT_FIELDS: { readonly [T in EventType]: readonly TextField[] } = {
  RECEIVED: [
    one('Mã thủ tục', 'payload', 'procedureCode'),
    one('Tên thủ tục', 'payload', 'procedureName'),
    one('Lĩnh vực', 'payload', 'field'),
    one('Họ và tên người nộp hồ sơ', 'payload', 'applicant', 'fullName'),
    one('Địa chỉ người nộp hồ sơ', 'payload', 'applicant', 'address'),
    one('Tên giấy tờ trong thành phần hồ sơ', 'payload', 'papers', 0, 'name'),
    one('Diễn giải lệ phí', 'payload', 'fee', 'note'),
    multi('Ghi chú khi tiếp nhận', 'payload', 'notes'),
    one('Mã nhóm hồ sơ liên thông', 'payload', 'linkedGroupId'),
    one('Họ và tên người đại diện theo pháp luật', 'payload', 'applicant', 'organisation', 'legalRepresentative', 'fullName'),
    one('Chức vụ của người đại diện theo pháp luật', 'payload', 'applicant', 'organisation', 'legalRepresentative', 'position'),
    one('Họ và tên người được ủy quyền', 'payload', 'representative', 'fullName'),
  ],
  SUPPLEMENT_REQUESTED: [multi('Lý do yêu cầu bổ sung', 'payload', 'reason'), one('Giấy tờ cần bổ sung', 'payload', 'items', 0)],
  SUPPLEMENT_RECEIVED: [],
  REFUSED: [multi('Lý do từ chối', 'payload', 'reason')],
  TRANSFERRED: [one('Mã cán bộ thụ lý được chuyển đến', 'payload', 'toOfficerId'), multi('Ghi chú bàn giao', 'payload', 'note')],
  ACCEPTED: [],
  RESOLVED: [multi('Kết quả giải quyết', 'payload', 'resultSummary')],
  RETURNED: [one('Họ và tên người nhận kết quả', 'payload', 'collectedBy', 'fullName'), multi('Ghi chú khi trả kết quả', 'payload', 'note')],
  WITHDRAWN: [
    multi('Lý do rút hồ sơ', 'payload', 'reason'),
    one('Họ và tên người đề nghị rút hồ sơ', 'payload', 'request', 'fullName'),
    one('Giấy tờ đề nghị rút hồ sơ', 'payload', 'request', 'paper'),
  ],
  STOPPED: [multi('Lý do dừng giải quyết', 'payload', 'reason')],
  EXTENDED: [multi('Lý do chậm trả kết quả', 'payload', 'reason'), one('Đơn vị chịu trách nhiệm', 'payload', 'responsibleUnit')],
  FINANCIAL_OBLIGATION_REQUESTED: [multi('Ghi chú', 'payload', 'note')],
  FINANCIAL_OBLIGATION_FULFILLED: [multi('Ghi chú', 'payload', 'note')],
  NOTE: [multi('Nội dung ghi chú', 'payload', 'text')],
  PRINTED: [],
  FEE_RECEIPT_ISSUED: [
    one('Nội dung thu phí, lệ phí', 'payload', 'description'),
    one('Họ và tên người nộp tiền', 'payload', 'payer', 'fullName'),
    one('Địa chỉ người nộp tiền', 'payload', 'payer', 'address'),
  ],
  FEE_RECEIPT_VOIDED: [multi('Lý do hủy biên lai', 'payload', 'reason')],
  ATTACHED: [one('Tên giấy tờ được số hóa', 'payload', 'paper'), one('Tên tệp', 'payload', 'fileName')],
};

/** Every string an event of `type` can hold (free text or not): what a fuzzer writes over. */
export const OTHER_STRING_PATHS: { readonly [T in EventType]: ReadonlyArray<ReadonlyArray<string | number>> } = {
  RECEIVED: [
    ['payload', 'statutoryTime', 'kind'],
    ['payload', 'channel'],
    ['payload', 'applicant', 'citizenId'],
    ['payload', 'applicant', 'birthDate'],
    ['payload', 'applicant', 'sex'],
    ['payload', 'applicant', 'phone'],
    ['payload', 'applicant', 'email'],
    ['payload', 'resultDelivery'],
    ['payload', 'applicant', 'organisation', 'taxCode'],
    ['payload', 'applicant', 'organisation', 'legalRepresentative', 'citizenId'],
    ['payload', 'representative', 'citizenId'],
    ['payload', 'representative', 'phone'],
    ['payload', 'receivedAt'],
    ['payload', 'dueAt'],
  ],
  SUPPLEMENT_REQUESTED: [],
  SUPPLEMENT_RECEIVED: [['payload', 'newDueAt']],
  REFUSED: [],
  TRANSFERRED: [['payload', 'toUnitId']],
  ACCEPTED: [],
  RESOLVED: [],
  RETURNED: [
    ['payload', 'collectedBy', 'citizenId'],
    ['payload', 'collectedBy', 'relation'],
  ],
  WITHDRAWN: [
    ['payload', 'request', 'citizenId'],
    ['payload', 'request', 'date'],
  ],
  STOPPED: [],
  EXTENDED: [['payload', 'newDueAt']],
  FINANCIAL_OBLIGATION_REQUESTED: [],
  FINANCIAL_OBLIGATION_FULFILLED: [['payload', 'newDueAt']],
  NOTE: [],
  PRINTED: [['payload', 'form']],
  FEE_RECEIPT_ISSUED: [['payload', 'symbol'], ['payload', 'method']],
  FEE_RECEIPT_VOIDED: [['payload', 'symbol']],
  ATTACHED: [['payload', 'hash'], ['payload', 'mediaType'], ['payload', 'role'], ['payload', 'replaces']],
};

export const ENVELOPE_STRING_PATHS: ReadonlyArray<ReadonlyArray<string | number>> = [['id'], ['dossierCode'], ['type'], ['at'], ['unitId']];

/** A digitised paper's metadata with every optional field but `replaces`. */
export const SAMPLE_ATTACHED: PayloadInput<'ATTACHED'> = {
  hash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
  size: 412_345,
  mediaType: 'application/pdf',
  pages: 2,
  role: 'paper',
  paper: 'Tờ khai đăng ký khai sinh',
  fileName: 'to-khai-Nguyen-Van-An.pdf',
};

let sampleReceiptNumber = 0;

/** A valid payload of each type with every optional text field filled, dated around `nowMs`. */
export function samplePayloads(nowMs: number, toUnitId: string): { [T in EventType]: PayloadInput<T> } {
  const at = (days: number) => new Date(nowMs + days * 86_400_000).toISOString();
  return {
    RECEIVED: {
      procedureCode: '1.001193',
      procedureName: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      statutoryTime: { kind: 'working-days', days: 3 },
      channel: 'in-person',
      applicant: {
        fullName: 'Lê Thị Hoa',
        citizenId: '001203004567',
        phone: '0912345678',
        email: 'hoa@example.vn',
        address: 'Thôn Đông, xã Tân Lập',
        organisation: { taxCode: '0100109106', legalRepresentative: { fullName: 'Trần Văn Quang', position: 'Tổng giám đốc', citizenId: '001080001234' } },
      },
      representative: { fullName: 'Phạm Thị Dung', citizenId: '001190004321', phone: '0987654321' },
      papers: [
        { name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 },
        { name: 'Giấy ủy quyền (văn bản ủy quyền)', originals: 1, copies: 0 },
      ],
      sets: 1,
      fee: { amount: 8000, note: '8.000 đ theo Nghị quyết của HĐND tỉnh' },
      resultDelivery: 'desk',
      notes: 'Công dân nộp thay cho con.\nĐã đối chiếu bản chính.',
      receivedAt: at(0),
      dueAt: at(3),
      linkedGroupId: 'lien-thong-01',
    },
    SUPPLEMENT_REQUESTED: { reason: 'Thiếu giấy tờ\nxin bổ sung', items: ['Bản sao giấy chứng sinh'] },
    SUPPLEMENT_RECEIVED: { pausedWorkingMinutes: 60, newDueAt: at(4) },
    REFUSED: { reason: 'Không thuộc thẩm quyền' },
    TRANSFERRED: { toUnitId, toOfficerId: 'cb.thuly', note: 'Chuyển thụ lý' },
    ACCEPTED: {},
    RESOLVED: { resultSummary: 'Đã cấp trích lục khai sinh' },
    RETURNED: { collectedBy: { fullName: 'Lê Văn Nam', citizenId: '001203004568', relation: 'other' }, note: 'Người nhà nhận thay' },
    WITHDRAWN: {
      reason: 'Công dân xin rút',
      request: { fullName: 'Lê Thị Hoa', citizenId: '001203004567', date: new Date(nowMs).toISOString().slice(0, 10), paper: 'Đơn đề nghị rút hồ sơ' },
    },
    STOPPED: { reason: 'Có văn bản tạm dừng' },
    EXTENDED: { reason: 'Cần xác minh thêm', responsibleUnit: 'Công an xã', newDueAt: at(6) },
    FINANCIAL_OBLIGATION_REQUESTED: { note: 'Nộp lệ phí trước bạ' },
    FINANCIAL_OBLIGATION_FULFILLED: { note: 'Đã nộp', pausedWorkingMinutes: 90, newDueAt: at(4) },
    NOTE: { text: 'Công dân gọi điện hỏi tiến độ' },
    PRINTED: { form: 'receipt', copies: 1, isCopy: false },
    // Receipt numbers are used once per unit: every sample takes a fresh one.
    FEE_RECEIPT_ISSUED: {
      symbol: 'BL25-Q1',
      number: (sampleReceiptNumber += 1),
      amount: 8000,
      description: 'Lệ phí đăng ký khai sinh',
      method: 'cash',
      payer: { fullName: 'Lê Thị Hoa', address: 'Thôn Đông, xã Tân Lập' },
    },
    FEE_RECEIPT_VOIDED: { symbol: 'BL25-Q1', number: (sampleReceiptNumber += 1), reason: 'Thu nhầm\nsố tiền', reservedOnly: true },
    ATTACHED: { ...SAMPLE_ATTACHED, replaces: 'b3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90' },
  };
}

/** A copy of `value` with `path` set to `replacement`. */
export function withValueAt<T>(value: T, path: ReadonlyArray<string | number>, replacement: unknown): T {
  const copy = structuredClone(value) as unknown as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] as string | number] = replacement;
  return copy as unknown as T;
}

/** The poison characters of issue 18, one of each kind the text rule refuses. */
export const POISON: ReadonlyArray<{ name: string; character: string }> = [
  { name: 'NUL', character: '\u0000' },
  { name: 'bell (C0)', character: '\u0007' },
  { name: 'escape (C0)', character: '\u001B' },
  { name: 'carriage return', character: '\r' },
  { name: 'DEL', character: '\u007F' },
  { name: 'C1 control', character: '\u0085' },
  { name: 'lone high surrogate', character: '\uD800' },
  { name: 'lone low surrogate', character: '\uDC00' },
  { name: 'right-to-left override', character: '\u202E' },
  { name: 'left-to-right embedding', character: '\u202A' },
  { name: 'first strong isolate', character: '\u2068' },
  { name: 'pop directional isolate', character: '\u2069' },
  { name: 'line separator', character: '\u2028' },
  { name: 'byte order mark', character: '\uFEFF' },
];
