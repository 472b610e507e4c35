import { z } from 'zod';
import { DomainError, err, ok } from '../errors.ts';
import type { Result } from '../errors.ts';
import { agencyIdSchema, applicantSchema, eventIdSchema, eventSessionSchema } from '../dossier/events.ts';
import { forbiddenCharacterProblem, type LineRule } from '../text/allowed-characters.ts';
import { checkDate } from '../time/date-rule.ts';
import { localDateOf } from '../time/vn-time.ts';

/**
 * A counter consultation (issue 20 point 1): a citizen came with incomplete papers and was guided
 * to supplement them (form 02) or refused at the counter (form 03). It is not a dossier: no code is
 * issued, nothing is received, and it counts in its own line of the official report. Its own record,
 * kept beside the event log, synced to the server and signed in the officer's session like an event.
 * Strict: unknown keys are refused; the text rule of src/text/allowed-characters.ts applies.
 */

export const consultationOutcomes = ['guided', 'refused'] as const;
export type ConsultationOutcome = (typeof consultationOutcomes)[number];

const text = (max: number, label: string, lines: LineRule = 'one-line') =>
  z
    .string()
    .trim()
    .normalize('NFC')
    .superRefine((value, ctx) => {
      const problem = forbiddenCharacterProblem(value, label, lines);
      // The params of the events' text rule: forms show its message on the field (event-text-rule.ts).
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, params: { rule: 'allowed-characters', label, lines } });
    })
    .min(1, `${label}: không được để trống`)
    .max(max, `${label}: tối đa ${max} ký tự`);

const instant = z.iso
  .datetime({ error: 'Thời điểm phải theo ISO-8601 giờ UTC, ví dụ 2025-11-22T02:30:00Z' })
  .refine((value) => !value.startsWith('0000'), 'Thời điểm không có thật (không có năm 0000)');

export const MAX_CONSULTATION_ITEMS = 50;

export const consultationSchema = z
  .strictObject({
    id: eventIdSchema,
    outcome: z.enum(consultationOutcomes),
    procedureCode: text(32, 'Mã thủ tục'),
    procedureName: text(500, 'Tên thủ tục'),
    applicant: applicantSchema,
    reason: text(2000, 'Lý do', 'multi-line'),
    /** The papers missing or to complete; at least one when the citizen is guided to supplement. */
    items: z.array(text(500, 'Giấy tờ cần bổ sung')).max(MAX_CONSULTATION_ITEMS),
    officerId: text(64, 'Mã cán bộ'),
    deskId: text(64, 'Mã quầy tiếp nhận'),
    unitId: agencyIdSchema,
    at: instant,
    serverAt: instant.nullable(),
    schemaVersion: z.literal(1),
    session: eventSessionSchema.optional(),
  })
  .refine((c) => c.outcome !== 'guided' || c.items.length > 0, {
    message: 'Hướng dẫn bổ sung phải ghi ít nhất một giấy tờ cần bổ sung',
    path: ['items'],
  })
  .superRefine((c, ctx) => {
    const atMs = Date.parse(c.at);
    if (c.applicant.birthDate === undefined || Number.isNaN(atMs)) return;
    const checked = checkDate(c.applicant.birthDate, { label: 'Ngày sinh', latest: { date: localDateOf(atMs) } });
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.error.message.replace(/\.$/, ''), path: ['applicant', 'birthDate'] });
  });

export type CounterConsultation = z.output<typeof consultationSchema>;
export type CounterConsultationInput = z.input<typeof consultationSchema>;

const vietnameseErrors = z.locales.vi().localeError;
export const MAX_CONSULTATION_BYTES = 64 * 1024;

/**
 * Parses a consultation from outside (a form, the store, a push). Fails with
 * `consultation.too_large` above 64 KB of JSON, `consultation.bad_shape` with the path of the
 * first bad field otherwise.
 */
export function parseConsultation(input: unknown): Result<CounterConsultation> {
  let json: string;
  try {
    json = JSON.stringify(input) ?? '';
  } catch {
    return err(new DomainError('consultation.bad_json', 'Bản ghi hướng dẫn tại quầy không chuyển được sang JSON.'));
  }
  // A UTF-16 unit is at most 3 UTF-8 bytes: a cheap upper bound is enough for this limit.
  if (json.length * 3 > MAX_CONSULTATION_BYTES && utf8Bytes(json) > MAX_CONSULTATION_BYTES) {
    return err(new DomainError('consultation.too_large', `Bản ghi hướng dẫn tại quầy quá lớn (tối đa ${MAX_CONSULTATION_BYTES} byte).`));
  }
  const parsed = consultationSchema.safeParse(input, { error: vietnameseErrors });
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = (issue?.path ?? []).map((key) => (typeof key === 'number' ? key : String(key)));
  const where = path.length > 0 ? path.join('.') : '(toàn bộ bản ghi)';
  return err(
    new DomainError('consultation.bad_shape', `Bản ghi hướng dẫn tại quầy không hợp lệ ở trường "${where}": ${issue?.message ?? 'không rõ lỗi'}.`, path),
  );
}

/** UTF-8 length without TextEncoder (not in the pure core's lib). */
function utf8Bytes(value: string): number {
  let bytes = 0;
  for (const char of value) {
    const point = char.codePointAt(0) ?? 0;
    bytes += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export interface NewConsultationInput {
  outcome: ConsultationOutcome;
  procedureCode: string;
  procedureName: string;
  applicant: CounterConsultationInput['applicant'];
  reason: string;
  items: readonly string[];
  officerId: string;
  deskId: string;
  unitId: string;
}

export interface NewConsultationDeps {
  /** UUIDv7 source (the desk's event id generator). */
  nextId: () => string;
  /** Desk clock, Unix milliseconds. */
  now: () => number;
}

/** Builds a new, not yet synced consultation; throws the DomainError of `parseConsultation`. */
export function createConsultation(input: NewConsultationInput, deps: NewConsultationDeps): CounterConsultation {
  const parsed = parseConsultation({
    id: deps.nextId(),
    outcome: input.outcome,
    procedureCode: input.procedureCode,
    procedureName: input.procedureName,
    applicant: input.applicant,
    reason: input.reason,
    items: [...input.items],
    officerId: input.officerId,
    deskId: input.deskId,
    unitId: input.unitId,
    at: new Date(deps.now()).toISOString(),
    serverAt: null,
    schemaVersion: 1,
  });
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/**
 * The reference printed (and drawn as Code 128) on a consultation's form, e.g. "TQ-019ABC12DEF0":
 * "tại quầy" and the last 12 hex digits of its UUIDv7 (the per-millisecond random or counted part),
 * short enough to type and to print as a wide, reliably decoded barcode. The list finds a
 * consultation by it.
 */
export function consultationReference(id: string): string {
  return `TQ-${id.replaceAll('-', '').slice(-12).toUpperCase()}`;
}

/** The Vietnamese name of an outcome, as lists and reports show it. */
export function outcomeLabel(outcome: ConsultationOutcome): string {
  return outcome === 'guided' ? 'Hướng dẫn bổ sung' : 'Từ chối tiếp nhận';
}
