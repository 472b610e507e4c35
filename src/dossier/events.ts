import { z } from 'zod';
import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { linkedFieldKeySchema } from '../catalogue/linked-group-schema.ts';
import { statutoryTimeSchema } from '../catalogue/statutory-time.ts';
import { forbiddenCharacterProblem, type LineRule } from '../text/allowed-characters.ts';
import { checkDate, EARLIEST_DATE } from '../time/date-rule.ts';
import { localDateOf } from '../time/vn-time.ts';
import { isAgencyId, parseDossierCode } from './dossier-code.ts';
import { isTaxCode } from '../people/tax-code.ts';
import { collectorRelations, hasAuthorisationPaper } from './parties.ts';
import { isUuidV7 } from './event-id.ts';
import { FEE_RECEIPT_NUMBER_MAX, FEE_RECEIPT_SYMBOL } from '../fees/receipt-series.ts';
import { MAX_FEE_AMOUNT, paymentMethods } from '../fees/payment-method.ts';
import { ledgerLineSchema } from './ledger-line.ts';

/**
 * The dossier events of DESIGN §3: one runtime schema per type, joined on `type`.
 * Every wire and storage boundary parses with `parseEvent`; nothing else builds events but
 * `createEvent`. Objects are strict (unknown keys are rejected) because the server must trust
 * nothing and a stored event must mean exactly what it says.
 */

export const MAX_EVENT_BYTES = 64 * 1024;

/**
 * Trimmed, NFC-normalised text of 1..max characters, holding only the characters the text rule
 * allows (src/text/allowed-characters.ts). `label` names the field as an officer knows it, in the
 * rule's message; `lines`: whether the field legitimately holds several lines (reasons and notes).
 */
const text = (max: number, label: string, lines: LineRule = 'one-line') =>
  z.string().trim().normalize('NFC').superRefine(allowedCharacters(label, lines)).min(1).max(max);
const shortText = (label: string) => text(200, label);
const reasonText = (label: string) => text(2000, label, 'multi-line');
const optionalNote = (label: string) => text(2000, label, 'multi-line').optional();

/** Year 0000 is in neither the Gregorian calendar nor PostgreSQL's: its database cast failed. */
const instant = z.iso
  .datetime({ error: 'Thời điểm phải theo ISO-8601 giờ UTC, ví dụ 2025-11-22T02:30:00Z' })
  .refine((value) => !value.startsWith('0000'), 'Thời điểm không có thật (không có năm 0000)');
const isoDate = z.iso.date({ error: 'Ngày phải có thật, dạng YYYY-MM-DD' });
/** The date rule of every date field (date-rule.ts); "not after the receipt" is checked on the payload. */
const birthDate = isoDate.refine((date) => date >= EARLIEST_DATE, 'Ngày sinh không được trước năm 1900');
const identifier = (label: string) => text(64, label);
const citizenId = z.string().trim().regex(/^\d{12}$/, 'Số định danh cá nhân gồm đúng 12 chữ số');

export const agencyIdSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isAgencyId, 'Mã định danh cơ quan không đúng dạng (ví dụ: 000.00.12.H23)');

export const dossierCodeSchema = z.string().transform((value, ctx) => {
  const parsed = parseDossierCode(value);
  if (parsed.ok) return parsed.value.code;
  ctx.addIssue({ code: 'custom', message: parsed.error.message });
  return z.NEVER;
});

export const eventIdSchema = z.string().refine(isUuidV7, 'Mã sự kiện phải là UUIDv7 chữ thường');

export const printFormSchema = z.enum([
  'receipt',
  'supplement-request',
  'refusal',
  'apology-extension',
  'stop-notice',
  'process-control',
  'fee-receipt',
]);
export type PrintForm = z.infer<typeof printFormSchema>;

/** The applicant of a dossier; a counter consultation (src/counter/consultation.ts) records one by the same rules. */
export const applicantSchema = z.strictObject({
  fullName: shortText('Họ và tên người nộp hồ sơ'),
  citizenId: citizenId.optional(),
  birthDate: birthDate.optional(),
  sex: z.enum(['male', 'female']).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d[\d .-]{5,19}$/, 'Số điện thoại không hợp lệ')
    .optional(),
  email: z.string().trim().max(254).pipe(z.email({ error: 'Thư điện tử không hợp lệ' })).optional(),
  address: text(500, 'Địa chỉ người nộp hồ sơ').optional(),
  /**
   * Present when the applicant is an organisation: `fullName` then holds its name (so lists,
   * search and forms name it like a person), `address` its seat. Older events never carry it.
   */
  organisation: z
    .strictObject({
      taxCode: z.string().trim().refine(isTaxCode, 'Mã số thuế (mã số doanh nghiệp) không đúng: 10 chữ số có chữ số kiểm tra, hoặc 10 chữ số-3 chữ số'),
      legalRepresentative: z.strictObject({
        fullName: shortText('Họ và tên người đại diện theo pháp luật'),
        position: shortText('Chức vụ của người đại diện theo pháp luật'),
        citizenId: citizenId.optional(),
      }),
    })
    .optional(),
});

/** A person authorised by the applicant to hand in the dossier (người được ủy quyền). */
const representativeSchema = z.strictObject({
  fullName: shortText('Họ và tên người được ủy quyền'),
  citizenId,
  phone: z
    .string()
    .trim()
    .regex(/^\+?\d[\d .-]{5,19}$/, 'Số điện thoại không hợp lệ')
    .optional(),
});

/**
 * A paper of the dossier: originals and copies handed in, or one only shown at the desk and given
 * back (`presentedOnly`, "xuất trình", e.g. the citizen ID card). Events from before that field
 * never carry it and mean what they always meant.
 */
const paperSchema = z
  .strictObject({
    name: text(300, 'Tên giấy tờ trong thành phần hồ sơ'),
    originals: z.number().int().min(0).max(100),
    copies: z.number().int().min(0).max(100),
    presentedOnly: z.literal(true).optional(),
  })
  .refine((paper) => paper.presentedOnly === true || paper.originals + paper.copies > 0, {
    message: 'Mỗi thành phần hồ sơ phải có ít nhất một bản chính hoặc bản sao, hoặc được ghi là chỉ xuất trình',
    path: ['originals'],
  })
  .refine((paper) => paper.presentedOnly !== true || paper.originals + paper.copies === 0, {
    message: 'Giấy tờ chỉ xuất trình thì không có bản chính hay bản sao nộp lại',
    path: ['presentedOnly'],
  });

/** Values of a linked group's shared data or results, by key (src/catalogue/linked-group-schema.ts). */
const groupValues = z.partialRecord(linkedFieldKeySchema, text(300, 'Dữ liệu dùng chung của nhóm liên thông'));

/** A member of a linked group as every member's RECEIVED records it (src/dossier/linked-group.ts). */
const groupMemberSchema = z.strictObject({
  dossierCode: text(40, 'Mã hồ sơ thành phần'),
  procedureCode: text(32, 'Mã thủ tục thành phần'),
  procedureName: text(500, 'Tên thủ tục thành phần'),
  unitKind: z.enum(['people-committee', 'police', 'social-insurance']),
  /** The member's own appointment. */
  dueAt: instant,
});
export type GroupMember = z.infer<typeof groupMemberSchema>;

/** What a component's RECEIVED carries of its group: the group, its members, and only the data this component needs. */
const groupMembershipSchema = z.strictObject({
  procedureCode: text(32, 'Mã nhóm thủ tục liên thông'),
  procedureName: text(500, 'Tên nhóm thủ tục liên thông'),
  members: z.array(groupMemberSchema).min(1, 'Nhóm liên thông cần ít nhất một thủ tục thành phần').max(10),
  data: groupValues,
  /** Results of other components this one needs (e.g. the birth registration number), carried by its transfer. */
  awaits: z.array(linkedFieldKeySchema).max(20).optional(),
});
export type GroupMembership = z.infer<typeof groupMembershipSchema>;

const receivedPayload = z
  .strictObject({
    procedureCode: text(32, 'Mã thủ tục'),
    procedureName: text(500, 'Tên thủ tục'),
    field: shortText('Lĩnh vực'),
    statutoryTime: statutoryTimeSchema,
    channel: z.enum(['in-person', 'online', 'post']),
    applicant: applicantSchema,
    papers: z.array(paperSchema).max(100),
    sets: z.number().int().min(1).max(100),
    fee: z.strictObject({ amount: z.number().int().min(0).max(1_000_000_000), note: text(2000, 'Diễn giải lệ phí').optional() }),
    resultDelivery: z.enum(['desk', 'post']),
    notes: optionalNote('Ghi chú khi tiếp nhận'),
    receivedAt: instant,
    dueAt: instant,
    linkedGroupId: identifier('Mã nhóm hồ sơ liên thông').optional(),
    /** A component of a linked group (src/dossier/linked-group.ts): its siblings and the shared data it needs. */
    group: groupMembershipSchema.optional(),
    representative: representativeSchema.optional(),
    /**
     * Book and line of the dossier ledger (sổ theo dõi hồ sơ) the receipt and the ledger print
     * (src/dossier/ledger-line.ts). Optional: receipts stored before it have none.
     */
    ledger: ledgerLineSchema.optional(),
  })
  .refine((p) => p.representative === undefined || hasAuthorisationPaper(p.papers), {
    message: 'Hồ sơ nộp qua người được ủy quyền phải có giấy ủy quyền trong thành phần hồ sơ',
    path: ['papers'],
  })
  .refine((p) => p.group === undefined || p.linkedGroupId === p.group.members[0]?.dossierCode, {
    message: 'Hồ sơ liên thông mang mã nhóm là mã hồ sơ thành phần đầu tiên',
    path: ['linkedGroupId'],
  })
  .refine((p) => Date.parse(p.dueAt) >= Date.parse(p.receivedAt), {
    message: 'Ngày hẹn trả không được trước thời điểm tiếp nhận',
    path: ['dueAt'],
  })
  .superRefine((p, ctx) => {
    const receivedMs = Date.parse(p.receivedAt);
    if (p.applicant.birthDate === undefined || Number.isNaN(receivedMs)) return;
    const checked = checkDate(p.applicant.birthDate, { label: 'Ngày sinh', latest: { date: localDateOf(receivedMs) } });
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error.message.replace(/\.$/, ''), path: ['applicant', 'birthDate'] });
  });

/**
 * The citizen's written request to withdraw (đơn đề nghị rút hồ sơ): who asked, on which date, and
 * the paper as kept in the file. Optional: withdrawals recorded before it carry only the reason.
 */
const withdrawalRequestSchema = z.strictObject({
  fullName: shortText('Họ và tên người đề nghị rút hồ sơ'),
  citizenId: citizenId.optional(),
  date: isoDate.refine((date) => date >= EARLIEST_DATE, 'Ngày đề nghị không được trước năm 1900'),
  paper: text(300, 'Giấy tờ đề nghị rút hồ sơ'),
});

/**
 * The clock stops while the citizen pays (status 6) and resumes like after a supplement: the paused
 * working time and the due date it gives. Both or neither: fulfilments recorded before the pause
 * counted carry neither, and their due date stays as it was.
 */
const obligationFulfilledPayload = z
  .strictObject({
    note: optionalNote('Ghi chú'),
    pausedWorkingMinutes: z.number().int().min(0).max(1_000_000).optional(),
    newDueAt: instant.optional(),
  })
  .refine((p) => (p.pausedWorkingMinutes === undefined) === (p.newDueAt === undefined), {
    message: 'Thời gian tạm dừng và hạn trả mới phải ghi cùng nhau',
    path: ['newDueAt'],
  });

/** A fee receipt's book symbol (ký hiệu) and number: the pair is unique per unit (receipt-series.ts). */
const feeReceiptRef = {
  symbol: z.string().trim().regex(FEE_RECEIPT_SYMBOL, 'Ký hiệu biên lai không đúng dạng (ví dụ BL26-Q1)'),
  number: z.number().int('Số biên lai phải là số nguyên').min(1, 'Số biên lai bắt đầu từ 1').max(FEE_RECEIPT_NUMBER_MAX, 'Số biên lai tối đa 7 chữ số'),
};

const feeReceiptIssuedPayload = z.strictObject({
  ...feeReceiptRef,
  amount: z
    .number({ error: 'Số tiền phải là số' })
    .int('Số tiền phải là số nguyên (đồng)')
    .min(1, 'Số tiền thu phải lớn hơn 0')
    .max(MAX_FEE_AMOUNT, 'Số tiền thu vượt mức tối đa của một biên lai'),
  description: text(500, 'Nội dung thu phí, lệ phí'),
  method: z.enum(paymentMethods, { error: 'Hình thức thanh toán phải là tiền mặt, chuyển khoản hoặc VietQR' }),
  payer: z.strictObject({ fullName: shortText('Họ và tên người nộp tiền'), address: text(500, 'Địa chỉ người nộp tiền').optional() }),
  /** The exact VietQR text printed on the receipt, kept so a reprint shows the same code. */
  vietQr: z.string().min(20).max(512).optional(),
});

const feeReceiptVoidedPayload = z.strictObject({
  ...feeReceiptRef,
  reason: reasonText('Lý do hủy biên lai'),
  /** The number was reserved and perhaps printed, but its receipt was never saved (a crash): it is voided so it is never reused. */
  reservedOnly: z.literal(true).optional(),
});

/** The media types a digitised paper or result may have (src/attachments/check-file.ts checks the content). */
export const attachmentMediaTypes = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * A digitised paper of the dossier or its electronic result (issue 22): the file's metadata only.
 * The file itself is kept apart (the desk's blob store, then the server's), addressed by `hash`.
 * A later ATTACHED of the same paper with `replaces` supersedes an earlier file (rescanned).
 */
const attachedPayload = z
  .strictObject({
    hash: z.string().regex(/^[0-9a-f]{64}$/, 'Mã băm SHA-256 của tệp phải gồm 64 chữ số hệ 16 viết thường'),
    size: z.number().int().min(1).max(50 * 1024 * 1024),
    mediaType: z.enum(attachmentMediaTypes),
    pages: z.number().int().min(1).max(2000),
    role: z.enum(['paper', 'result']),
    /** The checklist paper it digitises (its name as received); none for the result. */
    paper: text(300, 'Tên giấy tờ được số hóa').optional(),
    /** The name of the imported file, as the officer saw it. */
    fileName: text(255, 'Tên tệp').optional(),
    replaces: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .refine((p) => (p.role === 'paper') === (p.paper !== undefined), {
    message: 'Bản số hóa giấy tờ phải ghi tên giấy tờ; bản số hóa kết quả thì không',
    path: ['paper'],
  });

export const payloadSchemas = {
  RECEIVED: receivedPayload,
  SUPPLEMENT_REQUESTED: z.strictObject({ reason: reasonText('Lý do yêu cầu bổ sung'), items: z.array(text(500, 'Giấy tờ cần bổ sung')).min(1).max(50) }),
  SUPPLEMENT_RECEIVED: z.strictObject({
    pausedWorkingMinutes: z.number().int().min(0).max(1_000_000),
    newDueAt: instant,
  }),
  REFUSED: z.strictObject({ reason: reasonText('Lý do từ chối') }),
  TRANSFERRED: z.strictObject({
    toUnitId: agencyIdSchema,
    toOfficerId: identifier('Mã cán bộ thụ lý được chuyển đến').optional(),
    note: optionalNote('Ghi chú bàn giao'),
    /** A linked group's component: the results of other components it needs, handed on with it. */
    groupData: groupValues.optional(),
  }),
  ACCEPTED: z.strictObject({}),
  RESOLVED: z.strictObject({
    resultSummary: optionalNote('Kết quả giải quyết'),
    /** A linked group's component: the results the other components need (its `produces`). */
    results: groupValues.optional(),
  }),
  RETURNED: z.strictObject({
    collectedBy: z
      .strictObject({
        fullName: shortText('Họ và tên người nhận kết quả'),
        citizenId: citizenId.optional(),
        /** Who collected: older events say nothing (the applicant, as the desk then assumed). */
        relation: z.enum(collectorRelations).optional(),
      })
      .refine((c) => c.relation === undefined || c.relation === 'applicant' || c.citizenId !== undefined, {
        message: 'Người nhận kết quả không phải người nộp hồ sơ: phải ghi số định danh cá nhân của người nhận',
        path: ['citizenId'],
      }),
    note: optionalNote('Ghi chú khi trả kết quả'),
    /** A linked group's component returned before the others: those still to hand over (a partial return). */
    groupPending: z.array(text(40, 'Mã hồ sơ thành phần chưa trả')).min(1).max(10).optional(),
  }),
  WITHDRAWN: z.strictObject({ reason: reasonText('Lý do rút hồ sơ'), request: withdrawalRequestSchema.optional() }),
  STOPPED: z.strictObject({ reason: reasonText('Lý do dừng giải quyết') }),
  EXTENDED: z.strictObject({ reason: reasonText('Lý do chậm trả kết quả'), responsibleUnit: shortText('Đơn vị chịu trách nhiệm'), newDueAt: instant }),
  FINANCIAL_OBLIGATION_REQUESTED: z.strictObject({ note: optionalNote('Ghi chú'), amount: z.number().int().min(0).max(100_000_000_000).optional() }),
  FINANCIAL_OBLIGATION_FULFILLED: obligationFulfilledPayload,
  NOTE: z.strictObject({ text: reasonText('Nội dung ghi chú') }),
  PRINTED: z.strictObject({
    form: printFormSchema,
    /** Which document of the form, when a dossier has several (a fee receipt's `BL26-Q1/0000002`). */
    subject: z.string().min(1).max(40).optional(),
    copies: z.number().int().min(1).max(20),
    isCopy: z.boolean(),
  }),
  FEE_RECEIPT_ISSUED: feeReceiptIssuedPayload,
  FEE_RECEIPT_VOIDED: feeReceiptVoidedPayload,
  ATTACHED: attachedPayload,
} as const;

export type EventType = keyof typeof payloadSchemas;
export const eventTypes = Object.keys(payloadSchemas) as EventType[];

/** 128 bits, URL-safe base64 without padding: a session id or a truncated MAC. */
const token128 = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{21}[AQgw]$/, `${what} phải gồm 22 ký tự base64url (128 bit)`);

/**
 * The officer's login session on the desk that recorded the event, and the event's MAC under that
 * session's key (src/auth/officer-session.ts): the server checks that the officer really logged in
 * on that desk. Optional: events of desks never enrolled, and events stored before sessions, have none.
 */
export const eventSessionSchema = z.strictObject({ id: token128('Mã phiên đăng nhập'), mac: token128('Chữ ký phiên đăng nhập') });
export type EventSession = z.infer<typeof eventSessionSchema>;

const envelope = z.strictObject({
  id: eventIdSchema,
  dossierCode: dossierCodeSchema,
  at: instant,
  serverAt: instant.nullable(),
  officerId: identifier('Mã cán bộ'),
  deskId: identifier('Mã quầy tiếp nhận'),
  unitId: agencyIdSchema,
  schemaVersion: z.literal(1),
  session: eventSessionSchema.optional(),
});

const eventSchemaOf = <T extends EventType>(type: T) =>
  envelope.extend({ type: z.literal(type), payload: payloadSchemas[type] as (typeof payloadSchemas)[T] });

export const dossierEventSchema = z.discriminatedUnion('type', [
  eventSchemaOf('RECEIVED'),
  eventSchemaOf('SUPPLEMENT_REQUESTED'),
  eventSchemaOf('SUPPLEMENT_RECEIVED'),
  eventSchemaOf('REFUSED'),
  eventSchemaOf('TRANSFERRED'),
  eventSchemaOf('ACCEPTED'),
  eventSchemaOf('RESOLVED'),
  eventSchemaOf('RETURNED'),
  eventSchemaOf('WITHDRAWN'),
  eventSchemaOf('STOPPED'),
  eventSchemaOf('EXTENDED'),
  eventSchemaOf('FINANCIAL_OBLIGATION_REQUESTED'),
  eventSchemaOf('FINANCIAL_OBLIGATION_FULFILLED'),
  eventSchemaOf('NOTE'),
  eventSchemaOf('PRINTED'),
  eventSchemaOf('FEE_RECEIPT_ISSUED'),
  eventSchemaOf('FEE_RECEIPT_VOIDED'),
  eventSchemaOf('ATTACHED'),
]);

export type DossierEvent = z.output<typeof dossierEventSchema>;
export type EventOf<T extends EventType> = Extract<DossierEvent, { type: T }>;
export type PayloadOf<T extends EventType> = EventOf<T>['payload'];
/** What a caller hands to `createEvent` for a payload: before trimming and normalising. */
export type PayloadInput<T extends EventType> = z.input<(typeof payloadSchemas)[T]>;

/** zod's Vietnamese messages, built once: parsing runs for every event of every push. */
const vietnameseErrors = z.locales.vi().localeError;

/** What an issue of the text rule carries besides its message: a correction needs the field's line rule. */
export interface ForbiddenCharacterIssueParams {
  rule: 'allowed-characters';
  label: string;
  lines: LineRule;
}

/**
 * The text rule admits new events; it does not make history unreadable. Events stored before it
 * (a desk's own log written by an older version, or accepted by an older server and pulled since)
 * are read as they were written, or their dossiers would lose them. Parsing is synchronous, so the
 * switch is only ever off for the duration of one `readStoredEvent` call.
 */
let characterRuleOn = true;

function allowedCharacters(label: string, lines: LineRule) {
  const params: ForbiddenCharacterIssueParams = { rule: 'allowed-characters', label, lines };
  return (value: string, ctx: z.RefinementCtx) => {
    if (!characterRuleOn) return;
    const problem = forbiddenCharacterProblem(value, label, lines);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, params });
  };
}

/**
 * Reads an event already kept in a log (the desk's store, the server's, a pull): `parseEvent`
 * without the text rule, so that an event stored before the rule still reads. Never for an event
 * entering a log: `createEvent`, the store's `append` and the server's push admit with `parseEvent`.
 */
export function readStoredEvent(input: unknown): Result<DossierEvent> {
  characterRuleOn = false;
  try {
    return parseEvent(input);
  } finally {
    characterRuleOn = true;
  }
}

/** The params of a text-rule issue, or null for any other issue. */
export function forbiddenCharacterParams(issue: object | undefined): ForbiddenCharacterIssueParams | null {
  const params = (issue as { params?: Partial<ForbiddenCharacterIssueParams> } | undefined)?.params;
  return params?.rule === 'allowed-characters' ? (params as ForbiddenCharacterIssueParams) : null;
}

/**
 * Parses an event from outside: a JSON string or an already-decoded value.
 * Fails with `event.too_large` above 64 KB of UTF-8 JSON, `event.bad_json` for text that is not
 * JSON, `event.forbidden_character` (with the field's path, the message naming the field) when a
 * text holds a character the text rule refuses, and `event.bad_shape` (with the path of the first
 * bad field) for anything else wrong. Every issue is in `details.issues`, with the text rule's params.
 */
export function parseEvent(input: unknown): Result<DossierEvent> {
  let value: unknown = input;
  let json: string;
  if (typeof input === 'string') {
    json = input;
  } else {
    try {
      json = JSON.stringify(input) ?? '';
    } catch {
      return err(new DomainError('event.bad_json', 'Sự kiện không chuyển được sang JSON.'));
    }
  }
  const bytes = utf8LengthAbove(json, MAX_EVENT_BYTES);
  if (bytes !== null) {
    return err(
      new DomainError('event.too_large', `Sự kiện quá lớn (${bytes} byte, tối đa ${MAX_EVENT_BYTES} byte).`, undefined, { bytes }),
    );
  }
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return err(new DomainError('event.bad_json', 'Sự kiện không phải JSON hợp lệ.'));
    }
  }
  const parsed = dossierEventSchema.safeParse(value, { error: vietnameseErrors });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'number' ? key : String(key)));
  const where = path.length > 0 ? path.join('.') : '(toàn bộ sự kiện)';
  const issues = parsed.error.issues.map((i) => {
    const params = forbiddenCharacterParams(i);
    return { path: i.path.map(String), message: i.message, ...(params ? { params } : {}) };
  });
  if (forbiddenCharacterParams(issue)) {
    return err(new DomainError('event.forbidden_character', issue?.message ?? '', path, { issues }));
  }
  return err(new DomainError('event.bad_shape', `Sự kiện không hợp lệ ở trường "${where}": ${issue?.message ?? 'không rõ lỗi'}.`, path, { issues }));
}

export interface CreateEventInput<T extends EventType> {
  type: T;
  dossierCode: string;
  officerId: string;
  deskId: string;
  unitId: string;
  payload: PayloadInput<T>;
}

export interface CreateEventDeps {
  /** Event id source, normally `createEventIdGenerator(...)`. */
  nextId: () => string;
  /** Desk clock, Unix milliseconds. */
  now: () => number;
}

/** Builds a new, not yet synced event and validates it; throws the DomainError of `parseEvent`. */
export function createEvent<T extends EventType>(input: CreateEventInput<T>, deps: CreateEventDeps): EventOf<T> {
  const candidate = {
    id: deps.nextId(),
    dossierCode: input.dossierCode,
    type: input.type,
    at: new Date(deps.now()).toISOString(),
    serverAt: null,
    officerId: input.officerId,
    deskId: input.deskId,
    unitId: input.unitId,
    schemaVersion: 1,
    payload: input.payload,
  };
  const parsed = parseEvent(candidate);
  if (!parsed.ok) throw parsed.error;
  return parsed.value as EventOf<T>;
}

/**
 * The UTF-8 byte length of `value` when it is above `max`, else null. A UTF-16 code unit never
 * takes more than 3 bytes (a surrogate pair takes 4 for two units), so short text is not counted.
 */
function utf8LengthAbove(value: string, max: number): number | null {
  if (value.length * 3 <= max) return null;
  const bytes = utf8Length(value);
  return bytes > max ? bytes : null;
}

/** UTF-8 byte length without TextEncoder (not in the pure core's lib); a lone surrogate counts 3, as U+FFFD. */
function utf8Length(value: string): number {
  let bytes = 0;
  for (let at = 0; at < value.length; at += 1) {
    const unit = value.charCodeAt(at);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && isLowSurrogate(value.charCodeAt(at + 1))) {
      bytes += 4;
      at += 1;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit < 0xe000;
}
